/** The office screen (业绩看板 on the office TV): this month's won revenue
 * against target per team and salesperson and ranks, in large figures (the
 * incentives add-on adds the honours through memberFields and decorate).
 * Refreshes itself when a deal is won and every few minutes. It reads
 * through the ORM with the viewer's own rights, like the board. */
import {Component, onWillStart, onWillUnmount, useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {user} from "@web/core/user";
import {useService} from "@web/core/utils/hooks";
import {formatMonetary} from "@web/views/fields/formatters";
const {DateTime} = luxon;
// "December 2026", "2026年12月": the month as the reader writes it.
export const MONTH = {year: "numeric", month: "long"};

const REFRESH_MINUTES = 5;
const UNRANKED = 1e9;

export class StmOfficeBoard extends Component {
    static template = "sales_team_mgmt.OfficeBoard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.bus = useService("bus_service");
        this.state = useState({
            teams: [],
            company: null,
            month: "",
            updatedAt: null,
        });
        this.onBoardChanged = (payload) => {
            const companies = (payload && payload.company_ids) || [];
            if (!companies.length || companies.includes(this.currentCompany.id)) {
                this.load();
            }
        };
        onWillStart(() => this.load());
        this.bus.subscribe("stm_board_changed", this.onBoardChanged);
        this.timer = setInterval(() => this.load(), REFRESH_MINUTES * 60 * 1000);
        onWillUnmount(() => {
            clearInterval(this.timer);
            this.bus.unsubscribe("stm_board_changed", this.onBoardChanged);
        });
    }

    /** The company the viewer works in: Odoo 19 keeps it on the user, 18 in
     * its company service. */
    get currentCompany() {
        return user.activeCompany || this.env.services.company.currentCompany;
    }

    async load() {
        const companyId = this.currentCompany.id;
        const teams = await this.orm.searchRead(
            "crm.team",
            [
                ["company_id", "in", [companyId, false]],
                ["crm_team_member_ids", "!=", false],
            ],
            [
                "name",
                "stm_currency_id",
                "stm_target_month",
                "stm_won_month",
                "stm_attainment_month",
            ]
        );
        const members = await this.orm.searchRead(
            "crm.team.member",
            [
                ["crm_team_id", "in", teams.map((team) => team.id)],
                ["user_id.active", "=", true],
            ],
            this.memberFields()
        );
        const shown = await this.decorate(members);
        for (const team of teams) {
            team.members = members
                .filter((m) => m.crm_team_id[0] === team.id)
                // The unranked (nothing won yet this month) come last.
                .sort((a, b) => (a.stm_board_rank || UNRANKED) - (b.stm_board_rank || UNRANKED));
        }
        const currencyId = teams.length ? teams[0].stm_currency_id[0] : false;
        const won = teams.reduce((sum, team) => sum + team.stm_won_month, 0);
        const target = teams.reduce((sum, team) => sum + team.stm_target_month, 0);
        Object.assign(this.state, {
            ...shown,
            teams,
            month: DateTime.now().toLocaleString(MONTH),
            company: {
                name: this.currentCompany.name,
                won,
                target,
                pct: target ? Math.round((1000 * won) / target) / 10 : 0,
                currencyId,
            },
            updatedAt: DateTime.now().toFormat("HH:mm"),
        });
    }

    /** The fields of each salesperson's card the screen reads. */
    memberFields() {
        return [
            "user_id",
            "crm_team_id",
            "stm_board_won_month",
            "stm_board_target_month",
            "stm_board_pct_month",
            "stm_board_rank",
        ];
    }

    /** Called with the cards once read: an add-on adds what it shows to each
     * card and returns what it adds to the screen's state. */
    async decorate(members) {
        return {};
    }

    money(value, currencyId) {
        return formatMonetary(value, {currencyId, digits: [16, 0]});
    }

    barStyle(pct) {
        return `width: ${Math.min(pct || 0, 100)}%`;
    }

    avatar(userId) {
        return `/web/image/res.users/${userId}/avatar_128`;
    }

    close() {
        this.action.doAction("sales_team_mgmt.crm_team_member_action_board", {
            clearBreadcrumbs: true,
        });
    }
}

registry.category("actions").add("stm_office_board", StmOfficeBoard);
