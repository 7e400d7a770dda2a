from . import test_coaching
from . import test_coaching_rpc
