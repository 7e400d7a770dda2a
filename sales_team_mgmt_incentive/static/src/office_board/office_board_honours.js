/** The honours on the office screen: last month's (and last year's) titles
 * in a row above the teams, and a trophy by each holder's name. */
import {patch} from "@web/core/utils/patch";
import {MONTH, StmOfficeBoard} from "@sales_team_mgmt/office_board/office_board";
const {DateTime} = luxon;

patch(StmOfficeBoard.prototype, {
    setup() {
        super.setup();
        Object.assign(this.state, {honours: [], honoursPeriod: ""});
    },

    memberFields() {
        return [...super.memberFields(), "stm_board_honour_ids"];
    },

    async decorate(members) {
        const shown = await super.decorate(members);
        const ids = [...new Set(members.flatMap((m) => m.stm_board_honour_ids))];
        const honours = ids.length
            ? await this.orm.read("stm.honour", ids, ["name", "user_id", "date_from"])
            : [];
        const names = Object.fromEntries(honours.map((h) => [h.id, h.name]));
        for (const member of members) {
            member.honours = member.stm_board_honour_ids.map((id) => names[id]);
        }
        // Named by the latest period they were awarded for.
        const latest = honours.map((h) => h.date_from).sort().at(-1);
        return {
            ...shown,
            honours,
            honoursPeriod: latest ? DateTime.fromISO(latest).toLocaleString(MONTH) : "",
        };
    },
});
