"""Training hours (seed 000 ch. 2/5, seed 004 ch. 6): the professional-skills
criterion measured by the courses a salesperson completes."""


def hours_target(per_month, days):
    """Training hours expected over ``days`` days at ``per_month`` hours a
    month (a quarter of 91 days at 2 hours a month: 6.1)."""
    return round((per_month or 0) * days * 12 / 365.0, 1)


def courses_to_do(required, completed):
    """The required courses not completed yet, in the team's order."""
    done = set(completed)
    return [course for course in required if course not in done]
