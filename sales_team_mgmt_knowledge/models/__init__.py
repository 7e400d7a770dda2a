from . import stm_knowledge_tag
from . import stm_knowledge
from . import stm_suggestion
