/** @odoo-module */

import { registry } from "@web/core/registry";

// Add a person to an empty column of the role map.
registry.category("web_tour.tours").add("stm_phone_role_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_group:contains('Decider') .o_kanban_quick_add",
            run: "click",
        },
        {
            // On a phone a many-to-one opens a list to pick from: the
            // customer's own people only.
            trigger: ".o_kanban_quick_create .o_field_widget[name='partner_id'] input",
            run: "click",
        },
        {
            trigger: ".modal:not(:has(.o_kanban_record:contains('Azure')))",
        },
        {
            trigger: ".modal .o_kanban_record:contains('Journey Decider')",
            run: "click",
        },
        {
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            trigger: ".o_kanban_group:contains('Decider') .o_kanban_record:contains('Journey Decider')",
        },
    ],
});
