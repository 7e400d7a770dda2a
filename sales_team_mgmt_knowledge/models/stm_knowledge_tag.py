from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint


class StmKnowledgeTag(models.Model):
    _name = "stm.knowledge.tag"
    _inherit = ["stm.access.mixin"]
    _description = "Knowledge Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _name_uniq = Constraint(
        "UNIQUE(name)",
        "This tag already exists.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": typed(),
            "color": typed(),
        }
