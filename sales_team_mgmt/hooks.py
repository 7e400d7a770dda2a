import logging

_logger = logging.getLogger(__name__)

BATCH = 1000


def post_init_hook(env):
    """Existing CRM data gets claims: every active, assigned lead registers
    its customer for its salesperson, oldest first. Two salespeople holding
    the same customer become a dispute for a manager, never an install
    failure."""
    # Demo data that failed (and was rolled back) may have left records in
    # the cache that the database no longer has.
    env.invalidate_all()
    leads = (
        env["crm.lead"]
        .with_context(stm_backfill=True, tracking_disable=True)
        .search([("user_id", "!=", False), ("stm_claim_id", "=", False)], order="id")
    )
    for start in range(0, len(leads), BATCH):
        leads[start : start + BATCH]._stm_claim_sync()
    partners = (
        env["res.partner"]
        .with_context(stm_backfill=True, tracking_disable=True)
        .search(
            [
                ("is_company", "=", True),
                ("user_id", "!=", False),
                ("stm_claim_ids", "=", False),
            ],
            order="id",
        )
    )
    for start in range(0, len(partners), BATCH):
        partners[start : start + BATCH]._stm_claim_new_companies()
    claimed = leads.filtered("stm_claim_id")
    _logger.info(
        "sales_team_mgmt: %s of %s existing leads claimed, %s disputes opened",
        len(claimed),
        len(leads),
        env["stm.claim.dispute"].search_count([]),
    )
