from odoo import SUPERUSER_ID, fields, models
from odoo.addons.sales_team_mgmt.access import typed


class StmSuggestionBox(models.TransientModel):
    """Drops a suggestion in the box. The wizard row (which would remember
    who typed it) is deleted as soon as the suggestion is filed."""

    _name = "stm.suggestion.box"
    _inherit = ["stm.anonymous.form"]
    _description = "Suggestion Box"

    name = fields.Char(string="Subject", required=True)
    body = fields.Text(required=True)
    anonymous = fields.Boolean(
        default=True, help="Nobody, administrators included, will know it was you."
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "name": typed(),
            "body": typed(),
            "anonymous": typed(),
        }

    def _stm_actions(self):
        return {
            **super()._stm_actions(),
            "action_submit": "any internal user",
        }

    def action_submit(self):
        self.ensure_one()
        values = {"name": self.name, "body": self.body, "anonymous": self.anonymous}
        if self.anonymous:
            box = self.env["stm.suggestion"].with_user(SUPERUSER_ID)
        else:
            box = self.env["stm.suggestion"].sudo()
            values["author_id"] = self.env.uid
        box.with_context(mail_create_nolog=True, mail_create_nosubscribe=True).create(
            values
        )
        return self._stm_filed(self.env._("Thank you: your suggestion is in the box."))
