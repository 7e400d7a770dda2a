from odoo import fields, models

from ..access import typed
from ..compat import Constraint
from ..policy import geo


class CrmTeam(models.Model):
    """Check-in rules of the team's visits."""

    _inherit = "crm.team"

    stm_checkin_required = fields.Boolean(
        string="Check-in Required for Visits That Count",
        help="A visit on site that is far from the customer, without a "
        "position, too short or checked in late counts for the quotas, the "
        "board and the appraisal only once the manager accepts it.",
    )
    stm_checkin_radius = fields.Integer(
        string="Check-in Radius (m)",
        default=geo.DEFAULT_RADIUS_M,
        help="Farther from the customer than this (plus the accuracy the "
        "phone reported) is far.",
    )
    stm_visit_min_minutes = fields.Integer(
        string="Shortest Visit (minutes)",
        default=geo.DEFAULT_MIN_MINUTES,
        help="Checked out sooner after checking in is too short.",
    )
    stm_checkin_late_minutes = fields.Integer(
        string="Late Check-in After (minutes)",
        default=geo.DEFAULT_LATE_MINUTES,
        help="Checked in this long after the planned time is late.",
    )

    _stm_checkin_settings_range = Constraint(
        "CHECK(stm_checkin_radius >= 0 AND stm_checkin_radius <= 100000 AND "
        "stm_visit_min_minutes >= 0 AND stm_visit_min_minutes <= 1440 AND "
        "stm_checkin_late_minutes >= 0 AND stm_checkin_late_minutes <= 1440)",
        "Check-in settings: a radius up to 100 km, minutes up to a day.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_checkin_required": typed(),
            "stm_checkin_radius": typed(),
            "stm_visit_min_minutes": typed(),
            "stm_checkin_late_minutes": typed(),
        }
