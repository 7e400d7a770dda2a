from . import crm_team
from . import crm_team_member
from . import slide_slide_partner
from . import stm_appraisal
from . import stm_appraisal_line
from . import stm_appraisal_template_line
from . import stm_figures
