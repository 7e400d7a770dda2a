from odoo import fields, models


class StmKnowledgeTag(models.Model):
    _name = "stm.knowledge.tag"
    _inherit = ["stm.guarded.mixin"]
    _description = "Knowledge Tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [("name_uniq", "UNIQUE(name)", "This tag already exists.")]
