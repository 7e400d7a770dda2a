from odoo import api, models


class StmCompliance(models.Model):
    """The daily check counts the salesperson's registered projects whose
    dossier is past due."""

    _inherit = "stm.compliance"

    @api.model
    def _stm_dossiers_overdue(self, users, today, company):
        overdue = super()._stm_dossiers_overdue(users, today, company)
        for user, count in (
            self.env["crm.lead"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", users.ids),
                    ("company_id", "in", [company.id, False]),
                    ("stm_registered", "=", True),
                    ("stm_dossier_complete", "=", False),
                    ("stm_dossier_deadline", "<", today),
                ],
                ["user_id"],
                ["__count"],
            )
        ):
            overdue[user] = overdue.get(user, 0) + count
        return overdue
