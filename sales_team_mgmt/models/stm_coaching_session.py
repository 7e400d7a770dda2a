from odoo import api, fields, models


class StmCoachingSession(models.Model):
    """A coaching conversation: when, what was said, what comes next."""

    _name = "stm.coaching.session"
    _description = "Coaching Session"
    _order = "date desc, id desc"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "stm.coaching.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    notes = fields.Text(required=True)
    next_step = fields.Char()

    # The plan's coach, the managers and HR write them; the coachee reads.
    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.plan_id._stm_check_in_charge()
        return records

    def write(self, vals):
        self.plan_id._stm_check_in_charge()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_in_charge(self):
        self.plan_id._stm_check_in_charge()
