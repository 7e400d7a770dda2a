/** @odoo-module */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// --- A salesperson, on a phone ----------------------------------------------

// File a complaint through its form and its File button.
tours.add("stm_phone_complaint_tour", {
    steps: () => [
        {
            trigger: ".o_field_widget[name='department_id'] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains('Journey Finance')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='description'] textarea",
            run: "edit The travel expenses of the demo were refused twice",
        },
        {
            trigger: "button[name='action_file']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('CPL/')",
        },
    ],
});

// --- A support department answers ------------------------------------------

tours.add("stm_department_answer_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='response'] textarea",
            run: "edit Paid today; the approval step was skipped by mistake",
        },
        {
            trigger: ".o_form_view button[name='action_resolve']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Resolved')",
        },
    ],
});
