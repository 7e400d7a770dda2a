from . import stm_peer_review
from . import stm_coaching_line_mixin
from . import stm_coaching_plan
from . import stm_coaching_goal
from . import stm_coaching_session
from . import stm_appraisal
from . import stm_discipline
from . import stm_figures
