"""Where a visit took place (seed 002 §4, 防造假): distances, the map datums
used in China, and the flags of a checked-in visit.

Browsers give WGS-84 positions. Maps in China publish GCJ-02 (AMap, Tencent;
the "Mars" datum, offset by 100–700 m) or BD-09 (Baidu, GCJ-02 shifted
again). Coordinates copied from them are converted to WGS-84 before any
distance; outside China the datums coincide. The transforms are the
published ones (the GCJ-02 offset on Krasovsky's ellipsoid, its inverse by
iteration, Baidu's rotation and shift).
"""

import math

EARTH_RADIUS_M = 6371008.8  # mean radius, for distances
# The GCJ-02 offset is defined on Krasovsky's 1940 ellipsoid.
KRASOVSKY_A = 6378245.0
KRASOVSKY_EE = 0.00669342162296594323
BAIDU_X_PI = math.pi * 3000.0 / 180.0

DEFAULT_RADIUS_M = 500
DEFAULT_MIN_MINUTES = 10
DEFAULT_LATE_MINUTES = 30


def position_problem(latitude, longitude, accuracy):
    """Why a reported position cannot be stored, or None: latitude within
    ±90, longitude within ±180, accuracy (metres) not negative, all finite
    numbers. A missing position (both None) is no problem: it is stored as
    missing."""
    if latitude is None and longitude is None:
        return None
    if latitude is None or longitude is None:
        return "incomplete"
    values = [latitude, longitude] + ([accuracy] if accuracy is not None else [])
    if any(
        isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v)
        for v in values
    ):
        return "not_a_number"
    if not -90 <= latitude <= 90:
        return "latitude"
    if not -180 <= longitude <= 180:
        return "longitude"
    if accuracy is not None and accuracy < 0:
        return "accuracy"
    return None


def distance_m(lat1, lng1, lat2, lng2):
    """Great-circle distance in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lng2 - lng1)
    h = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


# ----------------------------------------------------------------------
# Datums
# ----------------------------------------------------------------------


def out_of_china(lat, lng):
    """The offset applies within China's rough bounding box only."""
    return not (72.004 <= lng <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset_lat(x, y):
    value = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y
    value += 0.2 * math.sqrt(abs(x))
    value += (
        (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi))
        * 2
        / 3
    )
    value += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2 / 3
    value += (
        (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0))
        * 2
        / 3
    )
    return value


def _offset_lng(x, y):
    value = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y
    value += 0.1 * math.sqrt(abs(x))
    value += (
        (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi))
        * 2
        / 3
    )
    value += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2 / 3
    value += (
        (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi))
        * 2
        / 3
    )
    return value


def _gcj02_offset(lat, lng):
    dlat = _offset_lat(lng - 105.0, lat - 35.0)
    dlng = _offset_lng(lng - 105.0, lat - 35.0)
    radlat = math.radians(lat)
    magic = 1 - KRASOVSKY_EE * math.sin(radlat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (
        dlat
        * 180.0
        / (KRASOVSKY_A * (1 - KRASOVSKY_EE) / (magic * sqrt_magic) * math.pi)
    )
    dlng = dlng * 180.0 / (KRASOVSKY_A / sqrt_magic * math.cos(radlat) * math.pi)
    return dlat, dlng


def wgs84_to_gcj02(lat, lng):
    if out_of_china(lat, lng):
        return lat, lng
    dlat, dlng = _gcj02_offset(lat, lng)
    return lat + dlat, lng + dlng


def gcj02_to_wgs84(lat, lng):
    """The inverse offset, by iteration to about a millimetre."""
    if out_of_china(lat, lng):
        return lat, lng
    wgs_lat, wgs_lng = lat, lng
    for _step in range(30):
        gcj_lat, gcj_lng = wgs84_to_gcj02(wgs_lat, wgs_lng)
        err_lat, err_lng = gcj_lat - lat, gcj_lng - lng
        wgs_lat, wgs_lng = wgs_lat - err_lat, wgs_lng - err_lng
        if max(abs(err_lat), abs(err_lng)) < 1e-9:
            break
    return wgs_lat, wgs_lng


def gcj02_to_bd09(lat, lng):
    z = math.sqrt(lng * lng + lat * lat) + 0.00002 * math.sin(lat * BAIDU_X_PI)
    theta = math.atan2(lat, lng) + 0.000003 * math.cos(lng * BAIDU_X_PI)
    return z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065


def bd09_to_gcj02(lat, lng):
    x, y = lng - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * BAIDU_X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * BAIDU_X_PI)
    return z * math.sin(theta), z * math.cos(theta)


def to_wgs84(lat, lng, system):
    """Coordinates entered in ``system`` (wgs84, gcj02, bd09) as WGS-84."""
    if system == "gcj02":
        return gcj02_to_wgs84(lat, lng)
    if system == "bd09":
        return gcj02_to_wgs84(*bd09_to_gcj02(lat, lng))
    return lat, lng


# ----------------------------------------------------------------------
# Flags
# ----------------------------------------------------------------------


def visit_flags(
    distance,
    accuracy,
    radius,
    has_position,
    checkin_at,
    checkout_at,
    min_minutes,
    planned_at,
    late_minutes,
):
    """{flag: bool} of a checked-in visit:

    * far: farther from the customer than the radius plus the accuracy the
      phone reported (a position known to ±80 m is not "far" at 560 m of a
      500 m radius);
    * no_position: checked in without a position (refused, unavailable), or
      never checked in;
    * short: checked out less than ``min_minutes`` after checking in;
    * late: checked in more than ``late_minutes`` after the planned time.

    A distance of None (customer without coordinates) is not "far": the
    visit cannot be judged, and the missing coordinates are the customer's.
    """
    far = (
        has_position
        and distance is not None
        and distance > (radius or 0) + max(accuracy or 0.0, 0.0)
    )
    short = bool(
        checkin_at
        and checkout_at
        and (checkout_at - checkin_at).total_seconds() < (min_minutes or 0) * 60
    )
    late = bool(
        checkin_at
        and planned_at
        and (checkin_at - planned_at).total_seconds() > (late_minutes or 0) * 60
    )
    return {
        "far": bool(far),
        "no_position": not has_position,
        "short": short,
        "late": late,
    }
