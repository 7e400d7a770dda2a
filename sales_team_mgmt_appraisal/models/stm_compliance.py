from odoo import api, models
from odoo.addons.sales_team_mgmt.policy import quota


class StmCompliance(models.Model):
    _inherit = "stm.compliance"

    @api.model
    def _escalate(self, failing, team_of, today):
        """One warning and one review per failing streak, never twice: the
        streak is the discipline record's origin."""
        if not failing:
            return
        origins = {
            s: f"stm.compliance:{s.user_id.id}:{s.failing_since}" for s in failing
        }
        Discipline = self.env["stm.discipline"]
        raised = Discipline._stm_raised(origins.values())
        to_create = []
        for snapshot, origin in origins.items():
            team = team_of.get(snapshot.user_id, snapshot.team_id)
            kind = quota.escalation(
                snapshot.failing_since,
                today,
                raised[origin],
                team.stm_compliance_warning_days,
                team.stm_compliance_review_days,
            )
            if kind:
                to_create.append(
                    {
                        "user_id": snapshot.user_id.id,
                        "company_id": snapshot.company_id.id or self.env.company.id,
                        "kind": kind,
                        "source": "quota",
                        "origin": origin,
                        "date": today,
                        "reason": self.env._(
                            "Quotas missed every day since %(since)s (%(days)s days): "
                            "%(visits)s/%(visit_target)s feedback visits in 30 days, "
                            "%(projects)s/%(project_target)s registered projects in 12 "
                            "months, %(below)s project customers under-visited, "
                            "%(overdue)s overdue dossiers.",
                            since=snapshot.failing_since,
                            days=snapshot.failing_days,
                            visits=snapshot.feedback_visits_30d,
                            visit_target=snapshot.feedback_visits_target,
                            projects=snapshot.registered_projects_12m,
                            project_target=snapshot.registered_projects_target,
                            below=snapshot.customers_below_weekly,
                            overdue=snapshot.dossiers_overdue,
                        ),
                    }
                )
        Discipline._stm_raise(to_create)
