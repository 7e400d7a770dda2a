from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import system


class SlideSlidePartner(models.Model):
    """When a content was completed: Odoo keeps only whether it was, and the
    training hours of a period need the day."""

    _name = "slide.slide.partner"
    _inherit = ["stm.access.mixin", "slide.slide.partner"]

    stm_completed_on = fields.Date(
        string="Completed On", readonly=True, index=True, copy=False
    )

    def _stm_access(self):
        return {**super()._stm_access(), "stm_completed_on": system()}

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.filtered("completed")._stm_stamp_completion()
        return records

    def write(self, vals):
        result = super().write(vals)
        if vals.get("completed"):
            self._stm_stamp_completion()
        elif "completed" in vals:
            # Undone (a quiz reset): no longer counted.
            self.filtered("stm_completed_on").sudo().write({"stm_completed_on": False})
        return result

    def _stm_stamp_completion(self):
        todo = self.filtered(lambda r: not r.stm_completed_on)
        if todo:
            todo.sudo().write({"stm_completed_on": fields.Date.context_today(self)})
