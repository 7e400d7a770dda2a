from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import system, typed


class StmAppraisalPublicationLine(models.Model):
    """One place of a published ranking: what the whole team may read."""

    _name = "stm.appraisal.publication.line"
    _inherit = ["stm.access.mixin"]
    _description = "Published Ranking Line"
    _order = "publication_id, rank, id"
    _check_company_auto = True

    publication_id = fields.Many2one(
        "stm.appraisal.publication", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="publication_id.company_id", store=True)
    rank = fields.Integer(aggregator=None)
    user_id = fields.Many2one("res.users", string="Salesperson", required=True)
    total_score = fields.Float(aggregator=None)
    grade = fields.Selection(
        [
            ("excellent", "Excellent"),
            ("good", "Good"),
            ("pass", "Pass"),
            ("fail", "Fail"),
        ]
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "publication_id": typed(),
            "company_id": system(),
            "rank": typed(),
            "user_id": typed(),
            "total_score": typed(),
            "grade": typed(),
        }
