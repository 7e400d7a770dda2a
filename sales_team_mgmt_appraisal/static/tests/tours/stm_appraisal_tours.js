/** @odoo-module */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// A team leader opens an appraisal on a desktop and fills it from the
// records: the filling date shows.
tours.add("stm_manager_appraisal_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_fill_kpis']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='kpis_filled_on']:not(:empty)",
        },
    ],
});
