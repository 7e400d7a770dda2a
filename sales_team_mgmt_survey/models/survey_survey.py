from odoo import models


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    def _stm_speak_every_language(self):
        """Customers answer in their own language: Odoo 19 limits a survey
        to the language it was created in unless its list is empty (Odoo 18
        has no such list)."""
        if "lang_ids" in self._fields:
            self.lang_ids = False
