from odoo import SUPERUSER_ID, api, fields, models

from ..access import typed


class StmSuggestionBox(models.TransientModel):
    """Drops a suggestion in the box. The wizard row (which would remember
    who typed it) is deleted as soon as the suggestion is filed."""

    _name = "stm.suggestion.box"
    _inherit = ["stm.access.mixin"]
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

    @api.model_create_multi
    def create(self, vals_list):
        # Even the few seconds between the form's creation and Submit must not
        # store who types: the row is created (create_uid, write_uid) by the
        # system user. Transient rows are reachable by access rights alone.
        rows = super(StmSuggestionBox, self.with_user(SUPERUSER_ID)).create(vals_list)
        return self.browse(rows.ids)

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
        self.sudo().unlink()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Thank you: your suggestion is in the box."),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
