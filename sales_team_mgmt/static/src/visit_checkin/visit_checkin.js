/** Check In / Check Out on a visit, made for a phone: each click asks the
 * browser for one position (high accuracy, a timeout) and sends it to the
 * server with the visit; positions are never taken in the background. A
 * refusal or an unavailable position is sent as such. */
import {Component, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";

const POSITION_TIMEOUT_MS = 15000;

/** One position: {latitude, longitude, accuracy} or {error}. */
export function askPosition() {
    return new Promise((resolve) => {
        if (!navigator.geolocation) {
            resolve({error: "unavailable"});
            return;
        }
        navigator.geolocation.getCurrentPosition(
            (position) =>
                resolve({
                    latitude: position.coords.latitude,
                    longitude: position.coords.longitude,
                    accuracy: position.coords.accuracy,
                }),
            (failure) =>
                resolve({error: failure && failure.code === 1 ? "denied" : "unavailable"}),
            {enableHighAccuracy: true, timeout: POSITION_TIMEOUT_MS, maximumAge: 0}
        );
    });
}

export class StmVisitCheckin extends Component {
    static template = "sales_team_mgmt.VisitCheckin";
    static props = {...standardWidgetProps};

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.state = useState({busy: false});
    }

    get record() {
        return this.props.record;
    }

    get canCheckIn() {
        const data = this.record.data;
        return data.state === "planned" && data.visit_type === "onsite" && !data.checkin_at;
    }

    get canCheckOut() {
        const data = this.record.data;
        return data.state === "planned" && data.checkin_at && !data.checkout_at;
    }

    get canFinish() {
        const data = this.record.data;
        return data.state === "planned" && data.checkout_at;
    }

    /** Mark Done, right after checking out: the form's button, one tap away. */
    async finish() {
        if (this.state.busy || !(await this.record.save())) {
            return;
        }
        this.state.busy = true;
        try {
            await this.orm.call("stm.visit", "action_done", [[this.record.resId]]);
            await this.record.load();
            this.notification.add(_t("Visit recorded as done."), {type: "success"});
        } finally {
            this.state.busy = false;
        }
    }

    async send(method) {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            if (!(await this.record.save())) {
                return;
            }
            const position = await askPosition();
            await this.orm.call("stm.visit", method, [[this.record.resId]], {
                latitude: position.latitude ?? null,
                longitude: position.longitude ?? null,
                accuracy: position.accuracy ?? null,
                error: position.error || null,
            });
            await this.record.load();
            if (position.error) {
                this.notification.add(
                    position.error === "denied"
                        ? _t("Location refused: recorded without a position.")
                        : _t("No position available: recorded without one."),
                    {type: "warning"}
                );
            } else {
                this.notification.add(
                    method === "action_check_in" ? _t("Checked in.") : _t("Checked out."),
                    {type: "success"}
                );
            }
        } finally {
            this.state.busy = false;
        }
    }
}

registry.category("view_widgets").add("stm_visit_checkin", {component: StmVisitCheckin});
