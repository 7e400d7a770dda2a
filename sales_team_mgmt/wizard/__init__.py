from . import stm_anonymous_form
from . import stm_complaint_filing
