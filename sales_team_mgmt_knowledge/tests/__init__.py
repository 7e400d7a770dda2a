from . import test_knowledge_suggestion
from . import test_knowledge_rpc
