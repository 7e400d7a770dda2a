from . import stm_competitor
from . import stm_competitor_intel
from . import crm_lead
from . import stm_figures
