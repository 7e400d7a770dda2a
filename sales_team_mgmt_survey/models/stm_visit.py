from datetime import timedelta

from odoo import fields, models
from odoo.addons.sales_team_mgmt.policy import voices


class StmVisit(models.Model):
    """Where the team asks it, a done visit asks the customer too (the
    first person met with an e-mail, else the company); a contact asked
    recently is spared."""

    _inherit = "stm.visit"

    def action_done(self):
        result = super().action_done()
        self._stm_ask_satisfaction()
        return result

    def _stm_ask_satisfaction(self):
        contacts = {
            visit: visit.contact_ids.filtered("email")[:1]
            or visit.partner_id.filtered("email")
            for visit in self
            if visit.state == "done"
            and visit.team_id.stm_survey_after_visit
            and visit.team_id.stm_satisfaction_survey_id
        }
        visits = self.browse(
            [visit.id for visit, contact in contacts.items() if contact]
        )
        if not visits:
            return
        today = fields.Date.context_today(self)
        since = fields.Datetime.now() - timedelta(days=voices.SURVEY_MIN_GAP_DAYS)
        recent = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", [contacts[visit].id for visit in visits]),
                    ("create_date", ">=", since),
                    "|",
                    ("stm_lead_id", "!=", False),
                    ("stm_visit_id", "!=", False),
                ],
                ["partner_id"],
                ["create_date:max"],
            )
        )
        last_asked = {partner: asked.date() for partner, asked in recent}
        requests = []
        for visit in visits:
            contact = contacts[visit]
            if not voices.may_ask_again(last_asked.get(contact), today):
                continue
            last_asked[contact] = today
            requests.append(
                {
                    "survey": visit.team_id.stm_satisfaction_survey_id,
                    "partner": contact,
                    "user": visit.user_id,
                    "visit": visit,
                }
            )
        if requests:
            self.env["survey.user_input"]._stm_ask(requests)
