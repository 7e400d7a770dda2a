/** @odoo-module */

import { registry } from "@web/core/registry";

// From the lead form: log a visit in the dialog, see the Visits button count it.
registry.category("web_tour.tours").add("stm_log_visit_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_form_statusbar button[name='action_stm_log_visit']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='purpose'] textarea",
            run: "edit Present the warehouse scanner pilot",
        },
        {
            trigger: ".modal button[name='action_stm_saved']:contains('Planned')",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
        {
            trigger: "button[name='action_stm_view_visits'] .o_stat_value:contains('1')",
        },
    ],
});

// From the pool (公海): claim a customer nobody follows any more.
registry.category("web_tour.tours").add("stm_claim_from_pool_tour", {
    steps: () => [
        {
            trigger: ".o_data_row:contains('Tour Pool Customer') button[name='action_stm_claim']",
            run: "click",
        },
        {
            trigger: ".o_list_view:not(:has(.o_data_row:contains('Tour Pool Customer')))",
        },
    ],
});
