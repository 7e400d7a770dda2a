"""Visit check-in and check-out: distance to the customer in the right
datum, flags, the manager's exceptions, and what counts for the quotas."""

from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from ..policy import geo
from .common import StmCase, StmRpcCase, over_json2

# The customer's door, in WGS-84, and as AMap shows it (GCJ-02).
DOOR = (31.1774276, 121.5272106)
DOOR_ON_AMAP = (31.17530398364597, 121.531541859215)
PLANNED = datetime(2026, 11, 30, 2, 0)  # 10:00 in Shanghai


class CheckinFixtures:
    @classmethod
    def _checkin_setup(cls):
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Pudong Precision Ltd",
                "is_company": True,
                "partner_latitude": DOOR_ON_AMAP[0],
                "partner_longitude": DOOR_ON_AMAP[1],
                "stm_coord_system": "gcj02",
            }
        )
        cls.team_block.write(
            {
                "stm_checkin_required": True,
                "stm_checkin_radius": 500,
                "stm_visit_min_minutes": 10,
                "stm_checkin_late_minutes": 30,
            }
        )

    def _visit(self, user=None, **values):
        user = user or self.rep_a
        return (
            self.env["stm.visit"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "purpose": "Quarterly review",
                    "date": PLANNED,
                    **values,
                }
            )
        )


@tagged("post_install", "-at_install")
class TestVisitCheckin(CheckinFixtures, StmCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._checkin_setup()

    def _check_in(self, visit, minutes, position=DOOR, accuracy=15.0, error=None):
        with freeze_time(PLANNED.replace(minute=minutes)):
            visit.action_check_in(*(position or (None, None)), accuracy, error)

    def _check_out(self, visit, minutes, position=DOOR):
        with freeze_time(PLANNED.replace(minute=minutes)):
            visit.action_check_out(*position, 20.0)

    def _done(self, visit, minutes=59):
        visit.sudo().result = "Wants a second line"
        with freeze_time(PLANNED.replace(minute=minutes)):
            visit.action_done()

    def _counted(self, user=None):
        user = user or self.rep_a
        return (
            self.env["stm.figures"]
            ._stm_feedback_visits(
                user, self.env.company, date(2026, 11, 30), date(2026, 11, 30)
            )
            .get(user, 0)
        )

    def _in_weekly_report(self):
        """The visits the manager's Visits per Week report shows."""
        action = self.env.ref("sales_team_mgmt.stm_visit_action_weekly")
        return (
            self.env["stm.visit"]
            .with_user(self.manager)
            .search(safe_eval(action.domain))
        )

    def test_a_visit_at_the_door_counts(self):
        visit = self._visit()
        self._check_in(visit, 5)
        # The customer's coordinates came from AMap: compared in WGS-84, the
        # salesperson is at the door, not 480 m away.
        self.assertLess(visit.checkin_distance, 5)
        self.assertGreater(geo.distance_m(*DOOR, *DOOR_ON_AMAP), 400)
        self._check_out(visit, 50)
        self._done(visit)
        self.assertFalse(visit.flagged)
        self.assertEqual(visit.exception_state, "none")
        self.assertEqual(self._counted(), 1)
        self.assertIn("openstreetmap.org", visit.checkin_map_url)

    def test_a_far_visit_waits_for_the_manager(self):
        visit = self._visit()
        # 2 km north of the customer.
        self._check_in(visit, 5, (DOOR[0] + 0.018, DOOR[1]))
        self._check_out(visit, 50)
        self.assertTrue(visit.flag_far)
        self.assertAlmostEqual(visit.checkin_distance, 2001, delta=10)
        self._done(visit)
        self.assertEqual(visit.exception_state, "pending")
        self.assertEqual(self._counted(), 0)
        self.assertNotIn(visit, self._in_weekly_report(), "one figure everywhere")
        activity = visit.activity_ids.filtered(lambda a: a.user_id == self.manager)
        self.assertEqual(len(activity), 1)
        with self.assertRaises(UserError):
            visit.with_user(self.rep_a).action_accept_exception()
        with self.assertRaisesRegex(UserError, "why"):
            visit.with_user(self.manager).action_reject_exception()
        visit.with_user(self.manager).exception_reason = "Met at their new plant"
        visit.with_user(self.manager).action_accept_exception()
        self.assertEqual(
            (visit.exception_state, visit.exception_decided_by_id),
            ("accepted", self.manager),
        )
        self.assertEqual(self._counted(), 1)
        self.assertIn(visit, self._in_weekly_report())
        self.assertFalse(visit.activity_ids)

    def test_there_ahead_of_the_plan_the_visit_is_dated_now(self):
        """Planned for tomorrow, the customer could see him today: the visit
        takes place at the check-in, is not late, and can be marked done."""
        visit = self._visit(date=PLANNED + timedelta(days=1, hours=2))
        self._check_in(visit, 5)
        self.assertEqual(visit.date, PLANNED.replace(minute=5))
        self.assertFalse(visit.flag_late)
        self.assertIn("ahead of the planned", visit.message_ids[0].body)
        self._check_out(visit, 47)
        self.assertEqual(visit.minutes_on_site, 42)
        self._done(visit)
        self.assertEqual((visit.state, visit.exception_state), ("done", "none"))
        self.assertEqual(self._counted(), 1)

    def test_accuracy_is_given_the_benefit_of_the_doubt(self):
        visit = self._visit()
        # 560 m away, known to ±80 m: not far.
        self._check_in(visit, 5, (DOOR[0] + 0.00504, DOOR[1]), accuracy=80)
        self.assertAlmostEqual(visit.checkin_distance, 560, delta=2)
        self.assertFalse(visit.flag_far)

    def test_short_late_and_refused_visits_are_flagged(self):
        short = self._visit()
        self._check_in(short, 5)
        self._check_out(short, 9)
        self.assertEqual((short.flag_short, short.flag_late), (True, False))
        late = self._visit()
        self._check_in(late, 45)
        self.assertTrue(late.flag_late)
        refused = self._visit()
        self._check_in(refused, 5, position=None, error="denied")
        self.assertEqual(refused.checkin_status, "denied")
        self.assertTrue(refused.flag_no_position)
        self.assertFalse(refused.checkin_latitude)
        self._done(refused)
        self.assertEqual(refused.exception_state, "pending")
        refused.with_user(self.manager).exception_reason = "Said he was in a tunnel"
        refused.with_user(self.manager).action_reject_exception()
        self.assertEqual(refused.exception_state, "rejected")
        self.assertEqual(self._counted(), 0, "a rejected visit never counts")

    def test_without_check_in_a_required_team_waits_a_phone_call_does_not(self):
        on_site = self._visit()
        self._done(on_site)
        self.assertTrue(on_site.flag_no_position)
        self.assertEqual(on_site.exception_state, "pending")
        call = self._visit(visit_type="phone")
        self._done(call)
        self.assertFalse(call.flagged)
        self.assertEqual(self._counted(), 1)

    def test_teams_that_do_not_require_check_in_count_every_visit(self):
        visit = self._visit(self.rep_c)
        with freeze_time(PLANNED.replace(minute=5)):
            visit.action_check_in(DOOR[0] + 0.018, DOOR[1], 10.0)
        self.assertTrue(visit.flag_far, "flags are shown all the same")
        visit.sudo().result = "Fine"
        with freeze_time(PLANNED.replace(minute=59)):
            visit.action_done()
        self.assertEqual(visit.exception_state, "none")
        self.assertEqual(self._counted(self.rep_c), 1)

    def test_a_customer_without_coordinates_cannot_be_far(self):
        self.customer.write({"partner_latitude": 0.0, "partner_longitude": 0.0})
        visit = self._visit()
        self._check_in(visit, 5, (DOOR[0] + 0.5, DOOR[1]))
        self.assertFalse(visit.checkin_distance)
        self.assertFalse(visit.flag_far)


@tagged("post_install", "-at_install")
class TestVisitCheckinOverRpc(CheckinFixtures, StmRpcCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._checkin_setup()

    def test_positions_only_through_check_in_and_out(self):
        visit = self._visit().id
        Visit = "stm.visit"
        for values in (
            {"checkin_latitude": 31.17},
            {"checkin_at": "2026-11-30 02:05:00"},
            {"checkin_distance": 3},
            {"flag_far": False},
            {"exception_state": "accepted"},
        ):
            self.assertRefused(
                self.rep_a, Visit, "write", [visit], values, match="Check"
            )
        self.assertRefused(
            self.rep_a,
            Visit,
            "create",
            {"partner_id": self.customer.id, "purpose": "x", "checkin_latitude": 1.0},
        )
        for args, match in (
            ((91.0, 121.5, 10.0), "latitude"),
            ((31.2, 181.0, 10.0), "longitude"),
            ((31.2, 121.5, -1.0), "accuracy"),
            (("31.2", 121.5, 10.0), "numbers"),
        ):
            self.assertRefused(
                self.rep_a, Visit, "action_check_in", [visit], *args, match=match
            )
        self.assertRefused(
            self.rep_a,
            Visit,
            "action_check_out",
            [visit],
            *DOOR,
            10.0,
            match="Check in first",
        )
        self.assertRefused(self.rep_b, Visit, "action_check_in", [visit], *DOOR, 10.0)
        self.assertRefused(
            self.manager,
            Visit,
            "action_check_in",
            [visit],
            *DOOR,
            10.0,
            match="Only",
        )
        self.assertTrue(
            self.rpc(self.rep_a, Visit, "action_check_in", [visit], *DOOR, 12.0)
        )
        self.assertRefused(
            self.rep_a,
            Visit,
            "action_check_in",
            [visit],
            *DOOR,
            12.0,
            match="already",
        )
        self.assertTrue(
            self.rpc(self.rep_a, Visit, "action_check_out", [visit], *DOOR, 12.0)
        )
        (read,) = self.rpc(
            self.rep_a, Visit, "read", [visit], ["checkin_latitude", "checkin_distance"]
        )
        self.assertAlmostEqual(read["checkin_latitude"], DOOR[0], places=6)
        # The positions are read by the visitor and those in charge, not by
        # a colleague.
        self.assertFalse(self.rpc(self.rep_b, Visit, "search", [("id", "=", visit)]))
        self.assertTrue(
            self.rpc(self.sales_admin, Visit, "search", [("id", "=", visit)])
        )


# The same, over Odoo 19's /json/2.
TestVisitCheckinOverJson2 = over_json2(TestVisitCheckinOverRpc)
