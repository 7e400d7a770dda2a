"""Marketing hand-over and research quotas (seed 001, 企业各部门人员配合).

Leads found by marketing are handed to sales: a sales manager decides who
works them. Each marketing person owes 15 research leads and 2 new-product
research leads per rolling 12 months.
"""

DEFAULT_RESEARCH_QUOTA = 15
DEFAULT_PRODUCT_QUOTA = 2


def quota_met(research_count, product_count, research_quota, product_quota):
    return research_count >= research_quota and product_count >= product_quota
