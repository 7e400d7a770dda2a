from markupsafe import Markup, escape

from odoo import fields, models
from odoo.addons.sales_team_mgmt.access import typed


class CrmTeam(models.Model):
    """The team's honours, announced in its Discuss channel."""

    _inherit = "crm.team"

    stm_honour_ids = fields.One2many("stm.honour", "team_id", string="Honours")

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_honour_ids": typed(),
        }

    def _stm_announce_honours(self, honours):
        """One message in the team's channel, in its leader's language."""
        self.ensure_one()
        reader = self.user_id or self.env.user
        env = reader._stm_env()
        first = min(honours.mapped("date_from"))
        period = honours[:1].period
        items = Markup("").join(
            Markup("<li><b>%s</b>: %s</li>")
            % (honour.title_id.with_env(env).name, honour.user_id.name)
            for honour in honours.sorted(lambda h: (h.title_id.sequence, h.id))
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            escape(
                env._(
                    "Honours of %(period)s, congratulations!",
                    period=env["stm.figures"]._stm_period_label(period, first),
                )
            ),
            items,
        )
        self._stm_channel().sudo().message_post(
            body=body,
            author_id=self.env.ref("base.partner_root").id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
