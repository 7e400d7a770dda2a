from . import stm_suggestion_box
from . import stm_complaint_filing
