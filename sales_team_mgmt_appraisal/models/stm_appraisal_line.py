from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import appraisal as appraisal_policy


class StmAppraisalLine(models.Model):
    _name = "stm.appraisal.line"
    _inherit = ["stm.access.mixin"]
    _description = "Appraisal Criterion Score"
    _order = "sequence, id"

    appraisal_id = fields.Many2one(
        "stm.appraisal", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="appraisal_id.company_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    weight = fields.Float(required=True)
    kpi = fields.Selection(
        appraisal_policy.KPI_SOURCES, string="Measured by", default="manual"
    )
    target = fields.Float()
    actual = fields.Float()
    score = fields.Float(help="0 to 100.")
    counted = fields.Boolean(
        default=True,
        readonly=True,
        help="A measure without data (fewer than 3 colleagues' ratings, no "
        "answered survey) is left out of the total instead of scoring zero.",
    )
    source = fields.Selection(
        [("auto", "From the Records"), ("manual", "Manager")],
        default="manual",
        required=True,
        help="A score typed by the manager is kept when the figures are filled again.",
    )

    _score_range = Constraint(
        "CHECK(score >= 0 AND score <= 100)",
        "Scores run from 0 to 100.",
    )
    _weight_positive = Constraint(
        "CHECK(weight >= 0)",
        "A weight cannot be negative.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "appraisal_id": typed(),
            "company_id": system(),
            "sequence": typed(),
            "name": typed(),
            "weight": typed(),
            "kpi": typed(),
            "target": typed(),
            "actual": typed(),
            "score": typed(),
            "counted": typed(),
            "source": typed(),
        }

    @api.model_create_multi
    def create(self, vals_list):
        self.env["stm.appraisal"]._stm_check_appraiser()
        lines = super().create(vals_list)
        lines.appraisal_id._stm_check_appraiser()
        return lines

    def write(self, vals):
        # Filling from the records checked the appraiser once, in its action.
        filling = self.env.su and self.env.context.get("stm_filling_kpis")
        if not filling:
            self.appraisal_id._stm_check_appraiser()
            if "score" in vals:
                vals = dict(vals, source="manual", counted=True)
        return super().write(vals)

    def unlink(self):
        self.appraisal_id._stm_check_appraiser()
        return super().unlink()

    @api.onchange("target", "actual")
    def _onchange_figures(self):
        if self.kpi in ("revenue", "visits", "projects"):
            self.score = appraisal_policy.ratio_score(self.actual, self.target)
