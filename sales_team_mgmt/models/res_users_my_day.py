from odoo import fields, models

from ..policy import quota


class ResUsers(models.Model):
    """A salesperson's day on one screen (*My Day*, his home): his board
    cards, his visits of the day (and those planned earlier, still open) and
    his to-dos due. Each user sees his own day only."""

    _inherit = "res.users"

    stm_day_member_ids = fields.Many2many(
        "crm.team.member", string="My Board Cards", compute="_compute_stm_day"
    )
    stm_day_visit_ids = fields.Many2many(
        "stm.visit", string="Today's Visits", compute="_compute_stm_day"
    )
    stm_day_activity_ids = fields.Many2many(
        "mail.activity", string="To-dos Due", compute="_compute_stm_day"
    )

    def _compute_stm_day(self):
        me = self.env.user
        for user in self:
            mine = user.id == me.id
            user.stm_day_member_ids = mine and self._stm_day_members(me)
            user.stm_day_visit_ids = mine and self._stm_day_visits(me)
            user.stm_day_activity_ids = mine and self._stm_day_activities(me)

    def _stm_day_members(self, user):
        return self.env["crm.team.member"].search(
            [("user_id", "=", user.id), ("crm_team_id.active", "=", True)]
        )

    def _stm_day_visits(self, user):
        """Today's visits in the user's time zone, and the planned ones of
        earlier days not yet done."""
        today = self.env["stm.figures"]._stm_today(user)
        start, end = quota.utc_bounds(today, today, user.tz)
        return self.env["stm.visit"].search(
            [
                ("user_id", "=", user.id),
                ("date", "<", end),
                "|",
                ("date", ">=", start),
                ("state", "=", "planned"),
            ],
            order="date",
        )

    def _stm_day_activities(self, user):
        today = self.env["stm.figures"]._stm_today(user)
        return self.env["mail.activity"].search(
            [("user_id", "=", user.id), ("date_deadline", "<=", today)],
            order="date_deadline, id",
        )

    def _stm_my_day_action(self):
        """*My Day*: the user's own day, whoever calls it."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Day"),
            "res_model": "res.users",
            "res_id": self.env.uid,
            "view_mode": "form",
            "views": [
                (self.env.ref("sales_team_mgmt.res_users_view_form_my_day").id, "form")
            ],
            "target": "current",
        }
