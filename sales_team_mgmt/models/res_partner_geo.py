import logging

from odoo import fields, models

from ..access import typed
from ..policy import geo

_logger = logging.getLogger(__name__)


class ResPartner(models.Model):
    """The customer's position for visit check-ins: its coordinates, in the
    datum they were entered in, as WGS-84 (what phones give)."""

    _inherit = "res.partner"

    stm_coord_system = fields.Selection(
        [
            ("wgs84", "WGS-84 (GPS, OpenStreetMap, Google outside China)"),
            ("gcj02", "GCJ-02 (AMap / Gaode, Tencent, Google in China)"),
            ("bd09", "BD-09 (Baidu Maps)"),
        ],
        string="Coordinates From",
        default="wgs84",
        required=True,
        help="Which map the latitude and longitude were copied from: maps in "
        "China shift positions by 100–700 m; visits compare them in WGS-84.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_coord_system": typed(),
        }

    def _stm_wgs84_position(self, geocode=False):
        """(latitude, longitude) of the customer company in WGS-84, or None;
        geocoded from its address first when asked and missing, where Odoo's
        geocoder is installed (`base_geolocalize`, the company's provider;
        it skips itself in tests)."""
        self.ensure_one()
        partner = self.commercial_partner_id
        if (
            geocode
            and hasattr(partner, "geo_localize")
            and not (partner.partner_latitude or partner.partner_longitude)
        ):
            try:
                partner.geo_localize()
                partner.stm_coord_system = "wgs84"
            except Exception:  # a check-in must not fail on a map service
                _logger.info(
                    "Could not geocode %s", partner.display_name, exc_info=True
                )
        if not (partner.partner_latitude or partner.partner_longitude):
            return None
        return geo.to_wgs84(
            partner.partner_latitude,
            partner.partner_longitude,
            partner.stm_coord_system,
        )
