from odoo import Command, fields, models
from odoo.addons.sales_team_mgmt.actions import open_records
from odoo.exceptions import UserError


class StmAppraisal(models.Model):
    """Publishing a team's ranking once the period's appraisals are done."""

    _inherit = "stm.appraisal"

    def action_publish_ranking(self):
        """Publish the rankings of the teams and periods of these
        appraisals: every appraisal of the team for the period must be done,
        and the team must publish its rankings (a team setting)."""
        self._stm_check_appraiser()
        Publication = self.env["stm.appraisal.publication"].sudo()
        published = Publication.browse()
        groups = {(r.team_id, r.period, r.date_from) for r in self if r.team_id}
        if not groups:
            raise UserError(self.env._("Only appraisals of a team are ranked."))
        for team, period, date_from in groups:
            if not team.stm_public_ranking:
                raise UserError(
                    self.env._(
                        "%s does not publish its rankings (see the team's settings).",
                        team.name,
                    )
                )
            siblings = self.sudo().search(
                [
                    ("team_id", "=", team.id),
                    ("period", "=", period),
                    ("date_from", "=", date_from),
                ]
            )
            unfinished = siblings.filtered(lambda r: r.state != "done")
            if unfinished:
                raise UserError(
                    self.env._(
                        "The ranking is published when every appraisal of the "
                        "period is done; still open: %s.",
                        ", ".join(unfinished.mapped("user_id.name")),
                    )
                )
            values = {
                "team_id": team.id,
                "company_id": siblings[:1].company_id.id,
                "period": period,
                "date_from": date_from,
                "date_to": siblings[:1].date_to,
                "template_id": siblings[:1].template_id.id,
                "published_by_id": self.env.uid,
                "published_on": fields.Datetime.now(),
                "line_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "rank": record.rank_in_team,
                            "user_id": record.user_id.id,
                            "total_score": record.total_score,
                            "grade": record.grade,
                        }
                    )
                    for record in siblings.sorted(lambda r: (r.rank_in_team, r.id))
                ],
            }
            publication = Publication.search(
                [
                    ("team_id", "=", team.id),
                    ("period", "=", period),
                    ("date_from", "=", date_from),
                ]
            )
            if publication:
                publication.write(values)
            else:
                publication = Publication.create(values)
            publication._stm_announce()
            published |= publication
        # What was published, as the team reads it: the publisher sees it at
        # once instead of a form that did not change.
        return open_records(published, self.env._("Published Ranking"))
