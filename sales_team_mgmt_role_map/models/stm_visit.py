from odoo import models
from odoo.addons.sales_team_mgmt.policy.quota import local_day


class StmVisit(models.Model):
    _inherit = "stm.visit"

    def _refresh_followups(self):
        """A done visit dates the last contact of the people met, in each
        visitor's own time zone."""
        result = super()._refresh_followups()
        roles = (
            self.env["stm.buying.role"]
            .sudo()
            .search(
                [
                    ("lead_id", "in", self.lead_id.ids),
                    ("partner_id", "in", self.contact_ids.ids),
                ]
            )
        )
        by_day = {}
        for role in roles:
            days = [
                local_day(visit.date, visit.user_id.tz)
                for visit in self
                if visit.lead_id == role.lead_id
                and role.partner_id in visit.contact_ids
            ]
            if days and (not role.last_contact_on or max(days) > role.last_contact_on):
                by_day.setdefault(max(days), roles.browse())
                by_day[max(days)] |= role
        # One write per distinct day, not per role.
        for day, day_roles in by_day.items():
            day_roles.last_contact_on = day
        return result
