from odoo import fields, models


class CrmLead(models.Model):
    """A won deal asks its customer's contact how the salesperson did."""

    _inherit = "crm.lead"

    stm_satisfaction_score = fields.Float(
        string="Customer Satisfaction",
        compute="_compute_stm_satisfaction",
        compute_sudo=True,
        help="Score (0–100) of the customer's latest answer to the "
        "satisfaction survey about this deal.",
    )
    stm_satisfaction_state = fields.Selection(
        [("asked", "Asked"), ("answered", "Answered")],
        string="Satisfaction Survey",
        compute="_compute_stm_satisfaction",
        compute_sudo=True,
    )

    def _compute_stm_satisfaction(self):
        answers = self.env["survey.user_input"].search_fetch(
            [("stm_lead_id", "in", self.ids)],
            ["stm_lead_id", "state", "scoring_percentage", "end_datetime"],
            order="id",
        )
        latest = {}
        for answer in answers:
            known = latest.get(answer.stm_lead_id.id)
            if not known or known.state != "done" or answer.state == "done":
                latest[answer.stm_lead_id.id] = answer
        for lead in self:
            answer = latest.get(lead.id)
            lead.stm_satisfaction_state = (
                answer and ("answered" if answer.state == "done" else "asked")
            ) or False
            lead.stm_satisfaction_score = (
                answer.scoring_percentage if answer and answer.state == "done" else 0.0
            )

    def _stm_on_won(self):
        result = super()._stm_on_won()
        asked = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("stm_lead_id", "in", self.ids)], ["stm_lead_id"], ["__count"]
            )
        )
        already = {lead.id for lead, __ in asked}
        requests = [
            {
                "survey": lead.team_id.stm_satisfaction_survey_id,
                "partner": lead.partner_id,
                "user": lead.user_id,
                "lead": lead,
            }
            for lead in self
            if lead.id not in already
            and lead.team_id.stm_satisfaction_survey_id
            and lead.partner_id.email
            and lead.user_id
        ]
        if requests:
            self.env["survey.user_input"]._stm_ask(requests)
        return result
