/** @odoo-module */

import { registry } from "@web/core/registry";

// The office screen shows last month's honours above the teams and a trophy
// by the holder's name.
registry.category("web_tour.tours").add("stm_office_honours_tour", {
    steps: () => [
        {
            trigger: ".o_stm_office_honours .badge:contains('Honoured Rep')",
        },
        {
            trigger: ".o_stm_office_row:contains('Honoured Rep') .o_stm_office_name .badge .fa-trophy",
        },
    ],
});
