/** @odoo-module */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// --- A salesperson's day, on a phone --------------------------------------

// A new opportunity for a customer a colleague already registered: refused,
// with the owner's name.
tours.add("stm_phone_refusal_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='name'] input, .o_form_view .o_field_widget[name='name'] textarea",
            run: "edit Journey double registration",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='partner_name'] input",
            run: "edit Journey Owned Customer Ltd",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".modal:contains('Journey Owner')",
        },
        {
            trigger: ".modal .btn-primary",
            run: "click",
        },
        {
            // The salesperson gives up the draft.
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

// Log a visit from the lead and close it in the same dialog: one tap to open,
// one to save it done.
tours.add("stm_phone_visit_tour", {
    steps: () => [
        {
            trigger: ".o_stm_quick_actions button[name='action_stm_log_visit']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='purpose'] textarea",
            run: "edit Show the cold-chain sensors",
        },
        {
            trigger: ".modal .o_field_widget[name='result'] textarea",
            run: "edit Wants a pilot in two warehouses",
        },
        {
            trigger: ".modal button[name='action_stm_save_done']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('Journey Visit Customer')",
        },
    ],
});

// Claim from the pool: the card's button, then a confirmation.
tours.add("stm_phone_pool_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Journey Pool Customer') button[name='action_stm_claim']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('Journey Pool Customer')",
        },
    ],
});

// Raise a difficulty alarm from the lead.
tours.add("stm_phone_alarm_tour", {
    steps: () => [
        {
            trigger: ".o_stm_quick_actions button[name='action_stm_open_alarm']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit The buyer stopped answering",
        },
        {
            trigger: ".modal button[name='action_stm_raise']",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('Journey Manager')",
        },
    ],
});

// --- The manager, on a desktop ---------------------------------------------

// From the team board to the visits behind a figure.
tours.add("stm_manager_board_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Journey Rep') a[name='action_stm_board_visits']",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Journey Visit Customer')",
        },
    ],
});

// Settle a dispute, close an alarm with a note, fill an appraisal.
tours.add("stm_manager_decisions_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_resolve']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Resolved')",
        },
    ],
});

tours.add("stm_manager_alarm_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='outcome'] input[data-value='continue']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='manager_note'] textarea",
            run: "edit I call their general manager on Monday",
        },
        {
            trigger: ".o_form_view .o_form_statusbar button[name='action_close']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Closed')",
        },
    ],
});

// --- Transparency ----------------------------------------------------------

// A salesperson opens the board: every colleague's sales figures, the
// discipline side and the click-throughs on his own card only.
// A salesperson's home: his day. Open the visit of the day, come back, mark
// a to-do done.
tours.add("stm_phone_my_day_tour", {
    steps: () => [
        {
            trigger: ".o_form_view h1:contains('My Day')",
        },
        {
            trigger: ".o_field_widget[name='stm_day_visit_ids'] .o_kanban_record:contains('Journey Visit Customer') a[name='get_formview_action']",
            run: "click",
        },
        {
            // The visit's own form (its purpose is a text box).
            trigger: ".o_form_view .o_field_widget[name='purpose'] textarea",
        },
        {
            trigger: ".o_back_button, .o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='stm_day_activity_ids'] .o_kanban_record:contains('Call back about the pilot') a[name='action_done']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(.o_kanban_record:contains('Call back about the pilot')))",
        },
    ],
});

tours.add("stm_phone_board_tour", {
    steps: () => [
        {
            trigger: ".o_kanban_record:contains('Journey Owner'):contains('This month')",
        },
        {
            trigger: ".o_kanban_record:contains('Journey Owner'):not(:has(a[name='action_stm_board_compliance']))",
        },
        {
            trigger: ".o_kanban_record:contains('Journey Rep') a[name='action_stm_board_compliance']",
            run: "click",
        },
        {
            trigger: ".o_list_view, .o_view_nocontent, .o_kanban_view",
        },
    ],
});

// The office screen: teams and their salespeople, ranked.
tours.add("stm_office_board_tour", {
    steps: () => [
        {
            trigger: ".o_stm_office_team:contains('Journey Team') .o_stm_office_row:contains('Journey Rep')",
        },
    ],
});

// --- Visit check-in, on a phone ------------------------------------------

// The phone's position, given by the tour instead of the GPS.
function placePhoneAt(latitude, longitude, accuracy) {
    navigator.geolocation.getCurrentPosition = (success) =>
        success({coords: {latitude, longitude, accuracy}});
}

function checkInAndOutAt(latitude, longitude) {
    return [
        {
            trigger: ".o_form_view .o_stm_check_in",
            async run(actions) {
                placePhoneAt(latitude, longitude, 12);
                await actions.click();
            },
        },
        {
            trigger: ".o_form_view .o_stm_check_out",
            async run(actions) {
                placePhoneAt(latitude, longitude, 15);
                await actions.click();
            },
        },
        {
            trigger: ".o_form_view:not(:has(.o_stm_check_out)) .o_field_widget[name='result'] textarea",
            run: "edit Wants the second production line quoted",
        },
        {
            trigger: ".o_form_view .o_stm_visit_done",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(.o_stm_visit_done)) .o_field_widget[name='state']",
        },
    ];
}

// At the customer's door: the visit simply counts.
tours.add("stm_phone_checkin_tour", {
    steps: () => [
        ...checkInAndOutAt(31.1774276, 121.5272106),
        {
            trigger: ".o_form_view:not(:has(.alert-warning:visible))",
        },
    ],
});

// Two kilometres away: the visit waits for the manager.
tours.add("stm_phone_checkin_far_tour", {
    steps: () => [
        ...checkInAndOutAt(31.1954276, 121.5272106),
        {
            trigger: ".o_form_view .alert-warning:visible",
        },
    ],
});

// The manager decides from the exceptions list.
tours.add("stm_manager_exceptions_tour", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row:contains('Journey Visit Customer') td[name='partner_id']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='exception_reason'] textarea",
            run: "edit Met at the customer's new warehouse",
        },
        {
            trigger: ".o_form_view button[name='action_accept_exception']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_accept_exception']))",
        },
    ],
});
