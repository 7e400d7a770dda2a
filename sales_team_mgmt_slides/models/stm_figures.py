from collections import defaultdict

from odoo import api, models


class StmFigures(models.AbstractModel):
    _inherit = "stm.figures"

    @api.model
    def _stm_training_hours(self, users, first_day, last_day):
        """{user: hours of eLearning content he completed between the two
        days} (the contents' own duration). One grouped query."""
        Done = self.env["slide.slide.partner"].sudo()
        partners = {user.partner_id: user for user in users}
        hours = defaultdict(float)
        for partner, slide, _count in Done._read_group(
            [
                ("partner_id", "in", [p.id for p in partners]),
                ("completed", "=", True),
                ("stm_completed_on", ">=", first_day),
                ("stm_completed_on", "<=", last_day),
            ],
            ["partner_id", "slide_id"],
            ["__count"],
        ):
            hours[partners[partner]] += slide.completion_time or 0.0
        return {user: round(total, 2) for user, total in hours.items()}

    @api.model
    def _stm_courses_done(self, users, courses):
        """{user: the courses among ``courses`` he has completed}."""
        Member = self.env["slide.channel.partner"].sudo()
        partners = {user.partner_id: user for user in users}
        done = defaultdict(lambda: self.env["slide.channel"])
        for partner, channel in Member._read_group(
            [
                ("partner_id", "in", [p.id for p in partners]),
                ("channel_id", "in", courses.ids),
                ("member_status", "=", "completed"),
            ],
            ["partner_id", "channel_id"],
        ):
            done[partners[partner]] |= channel
        return done
