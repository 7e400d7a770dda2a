from odoo import api, fields, models
from odoo.exceptions import UserError

from ..access import action
from ..policy import geo

POSITION_STATUS = [
    ("ok", "Position Taken"),
    ("denied", "Position Refused"),
    ("unavailable", "Position Unavailable"),
]
CHECKIN_FIELDS = (
    "checkin_latitude",
    "checkin_longitude",
    "checkin_accuracy",
    "checkin_at",
    "checkin_status",
    "checkin_distance",
    "checkout_latitude",
    "checkout_longitude",
    "checkout_accuracy",
    "checkout_at",
    "checkout_status",
)
FLAG_FIELDS = ("flag_far", "flag_no_position", "flag_short", "flag_late")
DECISION_FIELDS = ("exception_state", "exception_decided_by_id", "exception_decided_on")


def _position(string):
    return fields.Float(string=string, digits=(10, 7), readonly=True, aggregator=None)


class StmVisit(models.Model):
    """Check-in and check-out (外勤签到): one position from the phone on each
    click, the distance to the customer, and flags — far, no position,
    short, late. Where the team requires check-in, a flagged visit counts
    for the quotas only once the manager accepts it."""

    _inherit = "stm.visit"

    checkin_latitude = _position("Check-in Latitude")
    checkin_longitude = _position("Check-in Longitude")
    checkin_accuracy = fields.Float(
        string="Check-in Accuracy (m)", readonly=True, aggregator=None
    )
    checkin_at = fields.Datetime(string="Checked In At", readonly=True)
    checkin_status = fields.Selection(
        POSITION_STATUS, string="Check-in Position", readonly=True
    )
    checkin_distance = fields.Float(
        string="Distance to the Customer (m)",
        readonly=True,
        aggregator="avg",
        help="From the check-in position to the customer's address; empty "
        "when the customer has no coordinates.",
    )
    checkout_latitude = _position("Check-out Latitude")
    checkout_longitude = _position("Check-out Longitude")
    checkout_accuracy = fields.Float(
        string="Check-out Accuracy (m)", readonly=True, aggregator=None
    )
    checkout_at = fields.Datetime(string="Checked Out At", readonly=True)
    checkout_status = fields.Selection(
        POSITION_STATUS, string="Check-out Position", readonly=True
    )
    flag_far = fields.Boolean(
        string="Far from the Customer", compute="_compute_flags", store=True
    )
    flag_no_position = fields.Boolean(
        string="No Position", compute="_compute_flags", store=True
    )
    flag_short = fields.Boolean(
        string="Too Short", compute="_compute_flags", store=True
    )
    flag_late = fields.Boolean(
        string="Checked In Late", compute="_compute_flags", store=True
    )
    flagged = fields.Boolean(compute="_compute_flags", store=True, index=True)
    minutes_on_site = fields.Integer(
        string="Minutes on Site",
        compute="_compute_minutes_on_site",
        help="From check-in to check-out.",
    )
    exception_state = fields.Selection(
        [
            ("none", "Counts"),
            ("pending", "Awaiting the Manager"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        string="Check-in Exception",
        default="none",
        required=True,
        index=True,
        tracking=True,
        help="Where the team requires check-in, a flagged visit counts for the "
        "quotas only once the manager accepts it.",
    )
    exception_reason = fields.Text(
        tracking=True, help="Why the manager accepts or rejects the visit."
    )
    exception_decided_by_id = fields.Many2one(
        "res.users", string="Decided By", readonly=True
    )
    exception_decided_on = fields.Datetime(string="Decided On", readonly=True)
    checkin_map_url = fields.Char(string="Check-in Map", compute="_compute_map_urls")
    partner_map_url = fields.Char(string="Customer Map", compute="_compute_map_urls")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends(
        "visit_type",
        "date",
        "checkin_at",
        "checkin_status",
        "checkin_accuracy",
        "checkin_distance",
        "checkout_at",
    )
    def _compute_flags(self):
        for visit in self:
            team = visit.team_id
            flags = dict.fromkeys(("far", "no_position", "short", "late"), False)
            # Only a visit on site is checked in; a call is not.
            if visit.visit_type == "onsite" and (
                visit.checkin_at or team.stm_checkin_required
            ):
                flags = geo.visit_flags(
                    distance=visit.checkin_distance if visit.checkin_distance else None,
                    accuracy=visit.checkin_accuracy,
                    radius=team.stm_checkin_radius if team else geo.DEFAULT_RADIUS_M,
                    has_position=visit.checkin_status == "ok",
                    checkin_at=visit.checkin_at,
                    checkout_at=visit.checkout_at,
                    min_minutes=team.stm_visit_min_minutes
                    if team
                    else geo.DEFAULT_MIN_MINUTES,
                    planned_at=visit.date,
                    late_minutes=team.stm_checkin_late_minutes
                    if team
                    else geo.DEFAULT_LATE_MINUTES,
                )
            visit.flag_far = flags["far"]
            visit.flag_no_position = flags["no_position"]
            visit.flag_short = flags["short"]
            visit.flag_late = flags["late"]
            visit.flagged = any(flags.values())

    @api.depends("checkin_at", "checkout_at")
    def _compute_minutes_on_site(self):
        for visit in self:
            visit.minutes_on_site = (
                int((visit.checkout_at - visit.checkin_at).total_seconds() // 60)
                if visit.checkin_at and visit.checkout_at
                else 0
            )

    @api.depends("checkin_latitude", "checkin_longitude", "partner_id")
    def _compute_map_urls(self):
        for visit in self:
            visit.checkin_map_url = (
                _osm_url(visit.checkin_latitude, visit.checkin_longitude)
                if visit.checkin_status == "ok"
                else False
            )
            point = visit.partner_id.sudo()._stm_wgs84_position()
            visit.partner_map_url = _osm_url(*point) if point else False

    # ------------------------------------------------------------------
    # What a client may write
    # ------------------------------------------------------------------

    def _stm_access(self):
        check = action(self.env._("Check In and Check Out"))
        decide = action(self.env._("Accept and Reject"))
        return {
            **super()._stm_access(),
            "checkout_longitude": check,
            "checkout_latitude": check,
            "checkin_longitude": check,
            "checkin_latitude": check,
            "checkin_accuracy": check,
            "checkin_at": check,
            "checkin_status": check,
            "checkin_distance": check,
            "checkout_accuracy": check,
            "checkout_at": check,
            "checkout_status": check,
            "flag_far": check,
            "flag_no_position": check,
            "flag_short": check,
            "flag_late": check,
            "flagged": check,
            "exception_state": decide,
            "exception_reason": action(
                decide.buttons, by="sales_team.group_sale_manager"
            ),
            "exception_decided_by_id": decide,
            "exception_decided_on": decide,
        }

    # ------------------------------------------------------------------
    # Check-in and check-out
    # ------------------------------------------------------------------

    def _stm_check_position_call(self, latitude, longitude, accuracy):
        self.ensure_one()
        if self.user_id != self.env.user:
            raise UserError(
                self.env._(
                    "Only %s checks in and out of this visit, from the place.",
                    self.user_id.name,
                )
            )
        if self.state != "planned":
            raise UserError(
                self.env._("This visit is closed: check in and out of a planned one.")
            )
        problem = geo.position_problem(latitude, longitude, accuracy)
        messages = {
            "incomplete": self.env._("A position needs a latitude and a longitude."),
            "not_a_number": self.env._("A position is made of numbers."),
            "latitude": self.env._("A latitude lies between -90 and 90 degrees."),
            "longitude": self.env._("A longitude lies between -180 and 180 degrees."),
            "accuracy": self.env._("An accuracy is a distance: not below 0 metres."),
        }
        if problem:
            raise UserError(messages[problem])

    @staticmethod
    def _stm_status(latitude, error):
        if latitude is not None and latitude is not False:
            return "ok"
        return "denied" if error == "denied" else "unavailable"

    def action_check_in(self, latitude=None, longitude=None, accuracy=None, error=None):
        """The visitor arrives: one position from his phone (None when the
        browser gave none; ``error`` "denied" when he refused), the time,
        and the distance to the customer."""
        latitude = None if latitude is False else latitude
        longitude = None if longitude is False else longitude
        accuracy = None if accuracy is False else accuracy
        self._stm_check_position_call(latitude, longitude, accuracy)
        if self.checkin_at:
            raise UserError(
                self.env._(
                    "You checked in at %s already.", self._stm_time(self.checkin_at)
                )
            )
        status = self._stm_status(latitude, error)
        distance = False
        if status == "ok":
            customer = self.partner_id.sudo()._stm_wgs84_position(geocode=True)
            if customer:
                distance = round(geo.distance_m(latitude, longitude, *customer), 1)
        now = fields.Datetime.now()
        values = {
            "checkin_latitude": latitude if status == "ok" else False,
            "checkin_longitude": longitude if status == "ok" else False,
            "checkin_accuracy": accuracy if status == "ok" else False,
            "checkin_at": now,
            "checkin_status": status,
            "checkin_distance": distance,
        }
        planned = self.date
        if planned and planned > now:
            # There ahead of the plan: the visit takes place now (early is
            # not late, and a visit that took place can be marked done).
            values["date"] = now
        self.sudo().write(values)
        if planned and planned > now:
            self.message_post(
                body=self.env._(
                    "Checked in ahead of the planned %s: the visit is dated now.",
                    fields.Datetime.context_timestamp(self, planned).strftime(
                        "%Y-%m-%d %H:%M"
                    ),
                )
            )
        return True

    def action_check_out(
        self, latitude=None, longitude=None, accuracy=None, error=None
    ):
        """The visitor leaves: one more position and the time."""
        latitude = None if latitude is False else latitude
        longitude = None if longitude is False else longitude
        accuracy = None if accuracy is False else accuracy
        self._stm_check_position_call(latitude, longitude, accuracy)
        if not self.checkin_at:
            raise UserError(
                self.env._("Check in first: a visit starts before it ends.")
            )
        if self.checkout_at:
            raise UserError(
                self.env._(
                    "You checked out at %s already.", self._stm_time(self.checkout_at)
                )
            )
        status = self._stm_status(latitude, error)
        self.sudo().write(
            {
                "checkout_latitude": latitude if status == "ok" else False,
                "checkout_longitude": longitude if status == "ok" else False,
                "checkout_accuracy": accuracy if status == "ok" else False,
                "checkout_at": fields.Datetime.now(),
                "checkout_status": status,
            }
        )
        return True

    def _stm_time(self, moment):
        return fields.Datetime.context_timestamp(self, moment).strftime("%H:%M")

    # ------------------------------------------------------------------
    # Exceptions
    # ------------------------------------------------------------------

    def action_done(self):
        result = super().action_done()
        # Where check-in is required, a flagged visit waits for the manager.
        waiting = self.filtered(
            lambda v: (
                v.team_id.stm_checkin_required
                and v.flagged
                and v.exception_state == "none"
            )
        )
        if waiting:
            waiting.sudo().write({"exception_state": "pending"})
            self.env["mail.activity"]._stm_schedule_batch(
                waiting.filtered("team_id.user_id"),
                fields.Date.context_today(self),
                lambda visit, env: env._(
                    "Check-in exception: %(user)s at %(customer)s",
                    user=visit.user_id.name,
                    customer=visit.partner_id.name,
                ),
                user_of=lambda visit: visit.team_id.user_id,
            )
        return result

    def _stm_decide(self, state):
        self.env["res.users"]._stm_check_decides_for(
            [visit.team_id.user_id for visit in self]
        )
        if any(visit.exception_state != "pending" for visit in self):
            raise UserError(self.env._("Only visits awaiting the manager are decided."))
        if state == "rejected" and any(not v.exception_reason for v in self):
            raise UserError(self.env._("Say why the visit is rejected."))
        self.sudo().write(
            {
                "exception_state": state,
                "exception_decided_by_id": self.env.uid,
                "exception_decided_on": fields.Datetime.now(),
            }
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_accept_exception(self):
        """The manager lets the flagged visit count."""
        return self._stm_decide("accepted")

    def action_reject_exception(self):
        """The manager refuses it: it stays on record and never counts."""
        return self._stm_decide("rejected")


def _osm_url(latitude, longitude):
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.6f}&mlon={longitude:.6f}"
        f"#map=17/{latitude:.6f}/{longitude:.6f}"
    )
