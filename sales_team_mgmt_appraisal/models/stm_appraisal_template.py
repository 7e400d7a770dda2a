from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.policy import appraisal as appraisal_policy
from odoo.exceptions import ValidationError


class StmAppraisalTemplate(models.Model):
    """The criteria of an appraisal and their weights (seed 002: targets 40,
    teamwork 20, innovation 20, professional skills 10, leadership 10)."""

    _name = "stm.appraisal.template"
    _inherit = ["stm.access.mixin"]
    _description = "Appraisal Template"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    line_ids = fields.One2many(
        "stm.appraisal.template.line", "template_id", string="Criteria", copy=True
    )
    total_weight = fields.Float(compute="_compute_total_weight")
    excellent_min = fields.Float(
        string="Excellent from", default=appraisal_policy.DEFAULT_EXCELLENT_MIN
    )
    good_min = fields.Float(
        string="Good from", default=appraisal_policy.DEFAULT_GOOD_MIN
    )
    pass_min = fields.Float(
        string="Pass from", default=appraisal_policy.DEFAULT_PASS_MIN
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": typed(),
            "sequence": typed(),
            "active": typed(),
            "company_id": typed(),
            "line_ids": typed(),
            "excellent_min": typed(),
            "good_min": typed(),
            "pass_min": typed(),
        }

    @api.depends("line_ids.weight")
    def _compute_total_weight(self):
        for template in self:
            template.total_weight = sum(template.line_ids.mapped("weight"))

    @api.constrains("active", "line_ids", "excellent_min", "good_min", "pass_min")
    def _check_weights(self):
        """Archived templates may be drafted freely; an active one is used
        for appraisals and must weigh exactly 100."""
        self.filtered("active")._stm_check_usable()

    def _stm_check_usable(self):
        for template in self:
            if not appraisal_policy.weights_ok(template.line_ids.mapped("weight")):
                raise ValidationError(
                    self.env._(
                        "The weights of “%(template)s” add up to %(total)s; "
                        "they must add up to 100.",
                        template=template.name,
                        total=template.total_weight,
                    )
                )
            if not (
                0
                <= template.pass_min
                <= template.good_min
                <= template.excellent_min
                <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "Grade bands must rise from pass to good to excellent "
                        "within 0–100."
                    )
                )
