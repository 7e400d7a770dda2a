from . import crm_team
from . import stm_progress_entry
from . import crm_lead
from . import stm_compliance
