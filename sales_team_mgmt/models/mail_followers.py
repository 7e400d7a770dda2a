import functools

from odoo import api, models


class MailFollowers(models.Model):
    """Who follows one of our records (or a lead) shows only to those who
    may read the record: Odoo lets every internal user read every follower,
    which would tell a colleague who follows a discipline record, and the
    finance clerk which customers a salesperson works."""

    _inherit = "mail.followers"

    def _stm_private_models(self):
        """Ours, and the leads, whose followers are their salespeople."""
        return [
            name
            for name in self.env.registry.models
            if (name.startswith("stm.") or name == "crm.lead")
            and not self.env[name]._abstract
            and "message_follower_ids" in self.env[name]._fields
        ]

    @api.model
    def _search(self, domain, *args, **kwargs):
        if not self.env.su:
            domain = [*domain, *self._stm_readable_domain()]
        return super()._search(domain, *args, **kwargs)

    def _stm_readable_domain(self):
        ours = self._stm_private_models()
        terms = [("res_model", "not in", ours)]
        for name in ours:
            Model = self.env[name]
            if Model.has_access("read"):
                terms += [
                    "&",
                    ("res_model", "=", name),
                    ("res_id", "in", Model._search([])),
                ]
                terms.insert(0, "|")
        return terms

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su:
            return result
        forbidden = self.browse()
        ours = set(self._stm_private_models())
        for name, followers in self.sudo().grouped("res_model").items():
            if name not in ours:
                continue
            documents = self.env[name].browse(followers.mapped("res_id"))
            hidden = documents - documents._filtered_access("read")
            forbidden |= followers.filtered(
                lambda f, ids=set(hidden.ids): f.res_id in ids
            )
        if not forbidden:
            return None
        forbidden = forbidden.with_env(self.env)
        return forbidden, functools.partial(
            self.env["ir.rule"]._make_access_error, operation, forbidden
        )
