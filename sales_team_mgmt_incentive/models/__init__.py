from . import stm_incentive_plan
from . import stm_incentive_tier
from . import stm_incentive_allowance
from . import stm_incentive_statement
from . import stm_incentive_statement_line
from . import stm_incentive_statement_prepare
