from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed


class StmHonourTitle(models.Model):
    """A title the company awards (榮譽激勵): its name, its rule and how
    often. The monthly job awards each active title in every team."""

    _name = "stm.honour.title"
    _description = "Honour Title"
    _inherit = ["stm.access.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("champion", "Sales Champion: highest won revenue"),
            ("newcomer", "Best Newcomer: best target reached among newcomers"),
            (
                "service",
                "Best Customer Service: best satisfaction, else fewest upheld "
                "complaints and most feedback visits",
            ),
        ],
        string="Rule",
        required=True,
        default="champion",
    )
    period = fields.Selection(
        [("month", "Every Month"), ("year", "Every Year")],
        string="Awarded",
        required=True,
        default="month",
        help="Monthly titles are awarded on the 1st for the month before; "
        "yearly ones on 1 January for the year before.",
    )
    company_id = fields.Many2one("res.company", help="Empty: awarded in every company.")
    active = fields.Boolean(default=True)
    honour_ids = fields.One2many("stm.honour", "title_id", string="Honours")

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": typed(),
            "sequence": typed(),
            "kind": typed(),
            "period": typed(),
            "company_id": typed(),
            "active": typed(),
            "honour_ids": typed(),
        }
