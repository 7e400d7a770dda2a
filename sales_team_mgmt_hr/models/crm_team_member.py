from odoo import models


class CrmTeamMember(models.Model):
    _inherit = "crm.team.member"

    def _stm_sees_discipline(self):
        """HR officers see the discipline side of every card too."""
        if self.env.user.has_group("hr.group_hr_user"):
            return dict.fromkeys(self, True)
        return super()._stm_sees_discipline()
