from . import stm_buying_role
from . import crm_lead
from . import stm_claim_dispute
from . import stm_visit
