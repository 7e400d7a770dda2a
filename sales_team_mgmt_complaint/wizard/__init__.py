from . import stm_complaint_filing
