from odoo import SUPERUSER_ID, api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.policy import voices
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    """An answer to the satisfaction survey, tied to the deal or visit that
    asked for it and to the salesperson it judges."""

    _name = "survey.user_input"
    _inherit = ["stm.access.mixin", "survey.user_input"]

    stm_lead_id = fields.Many2one(
        "crm.lead", string="Deal", index="btree_not_null", ondelete="set null"
    )
    stm_visit_id = fields.Many2one(
        "stm.visit", string="Visit", index="btree_not_null", ondelete="set null"
    )
    stm_user_id = fields.Many2one(
        "res.users", string="Salesperson Judged", index="btree_not_null"
    )
    stm_company_id = fields.Many2one(
        "res.company",
        string="Company of the Deal",
        compute="_compute_stm_company_id",
        store=True,
        index="btree_not_null",
    )

    stm_low = fields.Boolean(
        string="Low Satisfaction",
        compute="_compute_stm_low",
        store=True,
        help="Answered below the team's threshold: the team leader has a to-do.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_lead_id": typed(),
            "stm_visit_id": typed(),
            "stm_user_id": typed(),
            "stm_company_id": system(),
            "stm_low": system(),
        }

    @api.depends("stm_lead_id.company_id", "stm_visit_id.company_id")
    def _compute_stm_company_id(self):
        for answer in self:
            answer.stm_company_id = (
                answer.stm_lead_id.company_id or answer.stm_visit_id.company_id
            )

    @api.depends(
        "state",
        "scoring_percentage",
        "stm_lead_id.team_id.stm_satisfaction_threshold",
        "stm_visit_id.team_id.stm_satisfaction_threshold",
    )
    def _compute_stm_low(self):
        for answer in self:
            answer.stm_low = (
                answer.stm_user_id
                and answer.state == "done"
                and voices.is_low(answer.scoring_percentage, answer._stm_threshold())
            )

    def _stm_team(self):
        return self.stm_lead_id.team_id or self.stm_visit_id.team_id

    def _stm_threshold(self):
        team = self._stm_team()
        return (
            team.stm_satisfaction_threshold
            if team
            else voices.DEFAULT_SATISFACTION_THRESHOLD
        )

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers._stm_check_deal_company()
        return answers

    def write(self, vals):
        result = super().write(vals)
        if {"stm_lead_id", "stm_visit_id", "stm_user_id"} & set(vals):
            self._stm_check_deal_company()
        return result

    def _stm_check_deal_company(self):
        """An answer judges a salesperson only for a deal of a company the
        writer works in, and one the salesperson belongs to."""
        for answer in self.sudo().filtered("stm_company_id"):
            company = answer.stm_company_id
            if not self.env.su and company not in self.env.companies:
                raise UserError(
                    self.env._(
                        "The deal or visit of this answer belongs to %s, a company "
                        "you are not working in.",
                        company.name,
                    )
                )
            if answer.stm_user_id and company not in answer.stm_user_id.company_ids:
                raise UserError(
                    self.env._(
                        "%(user)s does not work for %(company)s: an answer about "
                        "that company's deal cannot judge him.",
                        user=answer.stm_user_id.name,
                        company=company.name,
                    )
                )

    def _mark_done(self):
        result = super()._mark_done()
        self.filtered("stm_user_id")._stm_warn_low_scores()
        return result

    def _stm_warn_low_scores(self):
        """A low score opens a to-do for the team leader on the deal (or the
        visit's customer deal), in the leader's language."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for answer in self.sudo().filtered("stm_low"):
            record = answer.stm_lead_id or answer.stm_visit_id
            leader = answer._stm_team().user_id
            if not leader:
                continue
            record = record.with_context(lang=leader.lang)
            record.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=leader.id,
                summary=record.env._(
                    "Low customer satisfaction: %(score)s/100",
                    score=round(answer.scoring_percentage),
                ),
                note=record.env._(
                    "%(customer)s gave %(user)s a satisfaction score of %(score)s "
                    "(the team's threshold is %(threshold)s). Call the customer "
                    "and talk it over with the salesperson.",
                    customer=answer.partner_id.name or answer.email or "",
                    user=answer.stm_user_id.name,
                    score=round(answer.scoring_percentage),
                    threshold=answer._stm_threshold(),
                ),
            )

    @api.model
    def _stm_ask(self, requests):
        """Send the satisfaction survey. ``requests``: dicts with survey,
        partner, user and lead or visit. Runs as the system: the salesperson
        needs no survey rights to have his customer asked."""
        template = self.env.ref(
            "sales_team_mgmt_survey.mail_template_stm_satisfaction_invite",
            raise_if_not_found=False,
        )
        answers = self.browse()
        # As the system user, not as the salesperson in superuser mode: he
        # would follow the answer (and read its invitation, link included).
        system = self.env(
            user=SUPERUSER_ID,
            context=dict(
                self.env.context, mail_create_nosubscribe=True, mail_create_nolog=True
            ),
        )
        Lang = self.env["res.lang"]
        for request in requests:
            survey = request["survey"].with_env(system)
            partner = request["partner"]
            extra = {}
            if "lang_id" in self._fields and partner.lang:
                # Odoo 19 opens the survey in the answer's language.
                extra["lang_id"] = Lang._lang_get(partner.lang).id
            answer = survey._create_answer(
                partner=partner,
                check_attempts=False,
                stm_lead_id=request.get("lead", self.env["crm.lead"]).id,
                stm_visit_id=request.get("visit", self.env["stm.visit"]).id,
                stm_user_id=request["user"].id,
                **extra,
            )
            answers |= answer
        if template and answers:
            # The invitation carries the answer link: written by the system,
            # so that the salesperson it judges (named in it) cannot read it
            # back as its author.
            template.with_env(system).send_mail_batch(
                answers.ids,
                email_values={"author_id": self.env.ref("base.partner_root").id},
                email_layout_xmlid="mail.mail_notification_light",
            )
        return self.browse(answers.ids)
