from . import stm_suggestion_box
