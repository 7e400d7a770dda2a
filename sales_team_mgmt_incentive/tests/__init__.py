from . import test_incentive
from . import test_rpc_incentive
