from markupsafe import Markup, escape

from odoo import Command, fields, models

from ..access import typed


class CrmTeam(models.Model):
    """The team's Discuss channel, where its honours are announced."""

    _inherit = "crm.team"

    stm_honour_ids = fields.One2many("stm.honour", "team_id", string="Honours")

    def _stm_access(self):
        return {
            **super()._stm_access(),
            "stm_honour_ids": typed(),
        }

    def _stm_channel(self):
        """The team's channel, created with its members the first time."""
        self.ensure_one()
        if self.stm_channel_id:
            return self.stm_channel_id
        partners = (self.member_ids | self.user_id).partner_id
        channel = (
            self.env["discuss.channel"]
            .sudo()
            .create(
                {
                    "name": self.name,
                    "channel_type": "channel",
                    "description": self.env._("Sales team %s", self.name),
                    "channel_member_ids": [
                        Command.create({"partner_id": partner.id})
                        for partner in partners
                    ],
                }
            )
        )
        self.sudo().stm_channel_id = channel
        return channel

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
