from . import hr_department
from . import stm_complaint
from . import stm_figures
