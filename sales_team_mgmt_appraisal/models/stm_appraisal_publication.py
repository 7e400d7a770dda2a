from odoo import api, fields, models
from odoo.addons.sales_team_mgmt.access import typed
from odoo.addons.sales_team_mgmt.compat import Constraint
from odoo.addons.sales_team_mgmt.policy import periods


class StmAppraisalPublication(models.Model):
    """A team's ranking for one appraisal period, published to its members
    (考核结果公开, seed 002): rank, name, total and grade of each, and the
    template's criteria and weights. Scores per criterion and the manager's
    comments stay on the appraisals, private."""

    _name = "stm.appraisal.publication"
    _description = "Published Appraisal Ranking"
    _inherit = ["stm.access.mixin", "mail.thread"]
    _order = "date_from desc, team_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    team_id = fields.Many2one("crm.team", required=True, index=True, check_company=True)
    company_id = fields.Many2one("res.company", required=True)
    period = fields.Selection(
        periods.PERIODS,
        required=True,
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    template_id = fields.Many2one(
        "stm.appraisal.template", string="Template", check_company=True
    )
    criteria_ids = fields.One2many(related="template_id.line_ids", string="Criteria")
    line_ids = fields.One2many(
        "stm.appraisal.publication.line", "publication_id", string="Ranking"
    )
    published_by_id = fields.Many2one("res.users", string="Published By")
    published_on = fields.Datetime()

    _stm_publication_once = Constraint(
        "UNIQUE(team_id, period, date_from)",
        "A team's ranking is published once per period.",
    )

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "team_id": typed(),
            "company_id": typed(),
            "period": typed(),
            "date_from": typed(),
            "date_to": typed(),
            "template_id": typed(),
            "line_ids": typed(),
            "published_by_id": typed(),
            "published_on": typed(),
        }

    @api.depends("team_id", "date_from", "date_to")
    def _compute_name(self):
        for publication in self:
            publication.name = self.env._(
                "%(team)s: %(first)s – %(last)s",
                team=publication.team_id.name or "",
                first=publication.date_from or "",
                last=publication.date_to or "",
            )

    def _stm_announce(self):
        """Tell the team in its channel, in its leader's language."""
        for publication in self:
            team = publication.team_id
            env = (team.user_id or self.env.user)._stm_env()
            team._stm_channel().sudo().message_post(
                body=env._(
                    "The appraisal ranking of %(first)s – %(last)s is published "
                    "(Sales Team › Appraisals › Published Rankings).",
                    first=publication.date_from,
                    last=publication.date_to,
                ),
                author_id=self.env.ref("base.partner_root").id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
