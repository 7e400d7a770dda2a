"""Decision power of the buying-centre roles (the seven roles of seed 001:
the decider weighs most) and who should win a claim dispute: the salesperson
whose mapped contacts at the customer weigh the most; on a tie, the earliest
claim."""

ROLES = (
    "initiator",
    "user",
    "influencer",
    "decider",
    "approver",
    "buyer",
    "gatekeeper",
)

DEFAULT_ROLE_WEIGHTS = {
    "decider": 100,
    "approver": 90,
    "buyer": 60,
    "influencer": 50,
    "gatekeeper": 40,
    "user": 30,
    "initiator": 20,
}


def decision_power(roles, weights=None):
    """Power of one salesperson's map: each contact counts once, with its
    strongest role. ``roles`` is an iterable of ``(contact_id, role)``."""
    weights = weights or DEFAULT_ROLE_WEIGHTS
    best = {}
    for contact, role in roles:
        best[contact] = max(best.get(contact, 0), weights.get(role, 0))
    return sum(best.values())


def suggest_winner(candidates, weights=None):
    """``candidates``: list of ``(user_id, claimed_on, roles)`` where ``roles``
    is an iterable of ``(contact_id, role)``. Returns the user_id with the
    highest decision power, the earliest claim winning a tie, or None."""
    if not candidates:
        return None
    ranked = sorted(
        candidates,
        key=lambda c: (-decision_power(c[2], weights), c[1], c[0]),
    )
    return ranked[0][0]


def role_map_completeness(roles):
    """Share (0–100) of the seven buying-centre roles covered at least once."""
    covered = {role for role in roles if role in ROLES}
    return round(100 * len(covered) / len(ROLES))
