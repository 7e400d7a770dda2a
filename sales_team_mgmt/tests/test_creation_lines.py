"""A record created while its add-on installs (the demo) logs its creation
before the add-on's Chinese is loaded; once it is, the line names the model in
Chinese too."""

from odoo.tests import tagged

from .common import StmCase


@tagged("post_install", "-at_install")
class TestCreationLines(StmCase):
    def test_a_line_logged_before_the_terms_reads_chinese_after(self):
        ir_model = self.env["ir.model"]._get("stm.visit")
        english = ir_model.with_context(lang="en_US").name
        chinese = ir_model.with_context(lang="zh_CN").name
        self.assertNotEqual(english, chinese, "the model has a Chinese name")
        # Records created by someone reading Chinese, the add-on's terms not in
        # yet.
        self.env.cr.execute(
            "UPDATE ir_model SET name = name - 'zh_CN' WHERE id = %s", [ir_model.id]
        )
        ir_model.invalidate_recordset(["name"])
        customer = self.env["res.partner"].create(
            {"name": "Huaxin Steel", "is_company": True}
        )
        visits = (
            self.env["stm.visit"]
            .with_context(tracking_disable=False, lang="zh_CN")
            .create(
                [
                    {
                        "partner_id": customer.id,
                        "user_id": self.rep_a.id,
                        "purpose": purpose,
                        "date": "2026-03-02 02:00:00",
                    }
                    for purpose in ("Demo", "Quote")
                ]
            )
        )
        lines = visits.message_ids.filtered(lambda m: m.message_type == "notification")
        self.assertEqual(len(lines), 2)
        self.assertTrue(
            all(english in line.body for line in lines), lines.mapped("body")
        )

        # The terms load (as they do right after the demo).
        self.env["ir.module.module"].search(
            [("name", "=", "sales_team_mgmt")]
        )._update_translations(filter_lang=["zh_CN"])
        self.assertEqual(ir_model.with_context(lang="zh_CN").name, chinese)
        for line in lines:
            self.assertIn(chinese, line.body)
            self.assertNotIn(english, line.body)
        # A visit created now, its terms loaded, logs the very same line.
        later = (
            visits[0]
            .with_context(tracking_disable=False)
            .create(
                {
                    "partner_id": customer.id,
                    "user_id": self.rep_a.id,
                    "purpose": "Follow-up",
                    "date": "2026-03-03 02:00:00",
                }
            )
        )
        [line] = later.message_ids.filtered(lambda m: m.message_type == "notification")
        self.assertEqual(line.body, lines[0].body)
