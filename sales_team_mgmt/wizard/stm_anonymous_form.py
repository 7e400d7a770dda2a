from odoo import SUPERUSER_ID, api, models

from ..actions import CLOSE, notify


class StmAnonymousForm(models.AbstractModel):
    """A form that files something in one step and forgets who typed it:
    its row is written by the system user (no create_uid, write_uid of the
    person, even for the seconds before the button) and deleted once filed.
    The complaint and suggestion forms."""

    _name = "stm.anonymous.form"
    _inherit = ["stm.access.mixin"]
    _description = "Anonymous Form"

    @api.model_create_multi
    def create(self, vals_list):
        rows = super(StmAnonymousForm, self.with_user(SUPERUSER_ID)).create(vals_list)
        return self.browse(rows.ids)

    def _stm_filed(self, message):
        """The form is done with: its row goes, the user reads ``message``."""
        self.sudo().unlink()
        return notify(message, then=CLOSE)
