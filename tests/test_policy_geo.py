from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from policy.geo import (
    bd09_to_gcj02,
    distance_m,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    out_of_china,
    position_problem,
    to_wgs84,
    visit_flags,
    wgs84_to_gcj02,
)

# Published reference points of the GCJ-02 offset (WGS-84 → GCJ-02).
GCJ_REFERENCES = [
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),  # Shanghai
    ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),  # Shenzhen
    ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),  # Beijing
    ((39.915, 116.404), (39.91640428150164, 116.41024449916938)),
]
# … and of Baidu's shift (GCJ-02 → BD-09, BD-09 → GCJ-02) at the same point.
BD_FROM_GCJ = ((39.915, 116.404), (39.92133699351021, 116.41036949371029))
GCJ_FROM_BD = ((39.915, 116.404), (39.90865673957631, 116.39762729119315))

in_china = st.tuples(
    st.floats(min_value=18.0, max_value=53.0),
    st.floats(min_value=74.0, max_value=134.0),
)


@pytest.mark.parametrize("wgs, gcj", GCJ_REFERENCES)
def test_wgs84_to_gcj02_matches_the_published_points(wgs, gcj):
    assert wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=1e-9)


def test_baidu_shift_matches_the_published_points():
    assert gcj02_to_bd09(*BD_FROM_GCJ[0]) == pytest.approx(BD_FROM_GCJ[1], abs=1e-9)
    assert bd09_to_gcj02(*GCJ_FROM_BD[0]) == pytest.approx(GCJ_FROM_BD[1], abs=1e-9)


@given(in_china)
def test_gcj02_round_trip_within_a_centimetre(point):
    back = gcj02_to_wgs84(*wgs84_to_gcj02(*point))
    assert distance_m(*point, *back) < 0.01


@given(in_china)
def test_bd09_round_trip_within_a_metre(point):
    bd = gcj02_to_bd09(*wgs84_to_gcj02(*point))
    assert distance_m(*point, *to_wgs84(*bd, "bd09")) < 1.0


def test_the_datums_are_hundreds_of_metres_apart_in_china_only():
    shanghai = GCJ_REFERENCES[0][0]
    offset = distance_m(*shanghai, *wgs84_to_gcj02(*shanghai))
    assert 100 < offset < 700
    paris = (48.8566, 2.3522)
    assert out_of_china(*paris)
    assert wgs84_to_gcj02(*paris) == paris
    assert to_wgs84(*paris, "gcj02") == paris
    assert to_wgs84(*shanghai, "wgs84") == shanghai


def test_haversine_distances():
    assert distance_m(31.2304, 121.4737, 31.2304, 121.4737) == 0
    # One degree of latitude is about 111.2 km.
    assert distance_m(30.0, 120.0, 31.0, 120.0) == pytest.approx(111_195, rel=1e-3)
    # Shanghai to Beijing, about 1,067 km.
    assert distance_m(31.2304, 121.4737, 39.9042, 116.4074) == pytest.approx(
        1_067_000, rel=0.01
    )
    # Antipodes do not break asin.
    assert distance_m(0, 0, 0, 180) == pytest.approx(20_015_000, rel=1e-3)


def test_positions_out_of_range_are_named():
    assert position_problem(None, None, None) is None
    assert position_problem(31.2, 121.5, 15) is None
    assert position_problem(90, 180, 0) is None
    assert position_problem(90.0001, 121.5, 15) == "latitude"
    assert position_problem(31.2, -180.5, 15) == "longitude"
    assert position_problem(31.2, 121.5, -1) == "accuracy"
    assert position_problem(31.2, None, 5) == "incomplete"
    assert position_problem(float("nan"), 121.5, 5) == "not_a_number"
    assert position_problem("31.2", 121.5, 5) == "not_a_number"


NOON = datetime(2026, 11, 30, 4, 0)


def _flags(**values):
    base = {
        "distance": 120.0,
        "accuracy": 20.0,
        "radius": 500,
        "has_position": True,
        "checkin_at": NOON,
        "checkout_at": NOON + timedelta(minutes=45),
        "min_minutes": 10,
        "planned_at": NOON,
        "late_minutes": 30,
    }
    return visit_flags(**dict(base, **values))


def test_a_good_visit_has_no_flag():
    assert not any(_flags().values())


def test_far_counts_the_reported_accuracy():
    assert not _flags(distance=500.0, accuracy=0)["far"]
    assert _flags(distance=500.1, accuracy=0)["far"]
    assert not _flags(distance=560.0, accuracy=80)["far"]
    assert _flags(distance=581.0, accuracy=80)["far"]
    # A customer without coordinates cannot be judged far.
    assert not _flags(distance=None)["far"]


def test_no_position_short_and_late():
    assert _flags(has_position=False, distance=None)["no_position"]
    assert _flags(checkout_at=NOON + timedelta(minutes=9, seconds=59))["short"]
    assert not _flags(checkout_at=NOON + timedelta(minutes=10))["short"]
    assert not _flags(checkout_at=None)["short"]
    assert _flags(checkin_at=NOON + timedelta(minutes=31), planned_at=NOON)["late"]
    assert not _flags(checkin_at=NOON + timedelta(minutes=30), planned_at=NOON)["late"]
