from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import once, system, typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import periods, voices
from odoo.exceptions import UserError

# How long after a period ends its ratings may still be given.
REVIEW_DAYS_AFTER = 15


class StmPeerReview(models.Model):
    """A colleague's rating of a team member's teamwork for an appraisal
    period (互评): 1–5 and a comment. Anonymous to everybody but its author:
    the person rated, his managers and HR see the average and the comments,
    never who wrote them; the records themselves are read by their author
    only. Three ratings at least, or the criterion is not counted."""

    _name = "stm.peer.review"
    _inherit = ["stm.access.mixin", "stm.period.mixin"]
    _description = "Peer Rating"
    _order = "date_from desc, ratee_id, id"
    _check_company_auto = True

    team_id = fields.Many2one(
        "crm.team",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self.env.user.sale_team_id,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    period = fields.Selection(
        periods.PERIODS,
        required=True,
        default="quarter",
    )
    rater_id = fields.Many2one(
        "res.users",
        string="Rated By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    ratee_id = fields.Many2one(
        "res.users",
        string="Colleague",
        required=True,
        index=True,
        # The picker offers the team's people (who may be rated); the check
        # below also admits those who were in it during the period.
        domain="[('share', '=', False), ('id', '!=', uid), "
        "('crm_team_ids', 'in', team_id)]",
    )
    score = fields.Integer(
        string="Teamwork (1–5)", required=True, default=3, aggregator="avg"
    )
    comment = fields.Text()

    _stm_peer_review_once = Constraint(
        "UNIQUE(rater_id, ratee_id, team_id, date_from, date_to)",
        "You rated this colleague for this period already: change that rating.",
    )
    _stm_peer_review_score = Constraint(
        "CHECK(score >= 1 AND score <= 5)",
        "A rating runs from 1 to 5.",
    )
    _stm_peer_review_not_self = Constraint(
        "CHECK(rater_id != ratee_id)",
        "Nobody rates himself.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "team_id": once(),
            "company_id": once(),
            "period": once(),
            "date_from": once(),
            "date_to": system(),
            "rater_id": once(),
            "ratee_id": once(),
            "score": typed(frozen="_stm_frozen_closed"),
            "comment": typed(frozen="_stm_frozen_closed"),
        }

    def _stm_frozen_closed(self, fname, value=None):
        """Once its window has closed a rating counts in the appraisals as
        it is: it neither changes nor goes away."""
        today = fields.Date.context_today(self)
        closed = self.filtered(
            lambda review: (
                review.date_to
                and today > review.date_to + timedelta(days=REVIEW_DAYS_AFTER)
            )
        )
        return closed, self.env._(
            "ratings are given during the period and up to %s days after it.",
            REVIEW_DAYS_AFTER,
        )

    @api.depends("ratee_id", "date_from")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "Rating of %(colleague)s (%(first)s)",
                colleague=review.ratee_id.name or "",
                first=review.date_from or "",
            )

    # ------------------------------------------------------------------
    # What a client may do
    # ------------------------------------------------------------------

    def _stm_check(self):
        today = fields.Date.context_today(self)
        Member = self.env["crm.team.member"]
        for review in self:
            problem = voices.rating_problem(review.score)
            if problem:
                raise UserError(self.env._("A rating is a whole number from 1 to 5."))
            if review.rater_id == review.ratee_id:
                raise UserError(self.env._("Nobody rates himself."))
            if self.env.su:
                continue
            if review.rater_id != self.env.user:
                raise UserError(self.env._("A rating is given in one's own name."))
            members = Member._stm_members_between(
                review.date_from, review.date_to, review.team_id
            )
            in_team = set(members.user_id.ids)
            if review.rater_id.id not in in_team or review.ratee_id.id not in in_team:
                raise UserError(
                    self.env._(
                        "Ratings are between members of %s during the period.",
                        review.team_id.name,
                    )
                )
            if not (
                review.date_from
                <= today
                <= review.date_to + timedelta(days=REVIEW_DAYS_AFTER)
            ):
                raise UserError(
                    self.env._(
                        "Ratings for %(first)s – %(last)s are given during the "
                        "period and up to %(days)s days after it.",
                        first=review.date_from,
                        last=review.date_to,
                        days=REVIEW_DAYS_AFTER,
                    )
                )

    @api.model
    def _stm_check_values(self, vals):
        """The clear refusals, before the database's own checks."""
        if "score" in vals and voices.rating_problem(vals["score"]):
            raise UserError(self.env._("A rating is a whole number from 1 to 5."))
        if vals.get("ratee_id") and vals.get("ratee_id") == vals.get("rater_id"):
            raise UserError(self.env._("Nobody rates himself."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                vals["rater_id"] = self.env.uid
        for vals in vals_list:
            self._stm_check_values(vals)
        reviews = super().create(vals_list)
        reviews._stm_check()
        return reviews

    def write(self, vals):
        if not self.env.su and set(vals) - {"score", "comment"}:
            raise UserError(
                self.env._(
                    "Change the rating or the comment; give a new rating otherwise."
                )
            )
        self._stm_check_values(vals)
        result = super().write(vals)
        self._stm_check()
        return result

    # ------------------------------------------------------------------
    # Aggregates (as superuser: nobody else reads the ratings)
    # ------------------------------------------------------------------

    @api.model
    def _stm_measures(self, keys, minimum=voices.DEFAULT_MIN_PEER_RATINGS):
        """{(user, team, date_from, date_to): (average, score, count,
        comments)}; (None, None, count, []) with fewer than ``minimum``."""
        if not keys:
            return {}
        users = {key[0] for key in keys}
        reviews = self.sudo().search(
            [
                ("ratee_id", "in", [user.id for user in users]),
                # The teams asked for, hence their companies only.
                ("team_id", "in", list({key[1].id for key in keys})),
                ("date_from", "in", list({key[2] for key in keys})),
            ]
        )
        grouped = defaultdict(list)
        for review in reviews:
            key = (review.ratee_id, review.team_id, review.date_from, review.date_to)
            grouped[key].append(review)
        result = {}
        for key in keys:
            found = grouped.get(key, [])
            measure = voices.peer_measure([r.score for r in found], minimum)
            comments = sorted(
                r.comment.strip() for r in found if r.comment and r.comment.strip()
            )
            result[key] = (
                (*measure, len(found), comments)
                if measure
                else (None, None, len(found), [])
            )
        return result
