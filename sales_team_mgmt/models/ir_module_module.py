"""Installing an add-on of ours: the lines its demo records logged on creation
name their model in the language they are worded in."""

from markupsafe import escape

from odoo import models
from odoo.tools import SQL


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _update_translations(self, filter_lang=None, overwrite=False):
        result = super()._update_translations(filter_lang, overwrite)
        self._stm_reword_creation_lines()
        return result

    def _stm_reword_creation_lines(self):
        """Odoo loads an add-on's terms after its data and demo, so a record
        created meanwhile logged "Customer Visit 创建": worded in Chinese, the
        model still in English. Once the terms are in, such lines of these
        add-ons' models get the model's translated name."""
        langs = [
            code
            for code, _name in self.env["res.lang"].get_installed()
            if code != "en_US"
        ]
        if not langs or not self:
            return
        mixin = self.env.registry["stm.access.mixin"]
        model_ids = (
            self.env["ir.model.data"]
            .sudo()
            .search([("module", "in", self.mapped("name")), ("model", "=", "ir.model")])
            .mapped("res_id")
        )
        rewordings = []
        for ir_model in self.env["ir.model"].sudo().browse(model_ids):
            model = self.env.get(ir_model.model)
            if (
                model is None
                or model._abstract
                or not isinstance(model, mixin)
                or "message_ids" not in model._fields
            ):
                continue
            english = ir_model.with_context(lang="en_US").name
            for lang in langs:
                local = ir_model.with_context(lang=lang).name
                line = str(model.with_context(lang=lang).new()._creation_message())
                if english == local or local not in line:
                    continue
                old = str(escape(line.replace(local, english)))
                rewordings.append((model._name, old, str(escape(line))))
        # A line is worded in its author's language: each language's English
        # wording is replaced by that language's own, so none meets another.
        for model_name, old, new in rewordings:
            self.env.cr.execute(
                SQL(
                    """UPDATE mail_message SET body = replace(body, %(old)s, %(new)s)
                        WHERE model = %(model)s AND message_type = 'notification'
                          AND position(%(old)s in body) > 0""",
                    old=old,
                    new=new,
                    model=model_name,
                )
            )
        if rewordings:
            self.env["mail.message"].invalidate_model(["body"])
