from . import stm_anonymous_form
from . import stm_suggestion_box
from . import stm_complaint_filing
