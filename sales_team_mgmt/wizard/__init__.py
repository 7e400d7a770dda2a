from . import stm_anonymous_form
