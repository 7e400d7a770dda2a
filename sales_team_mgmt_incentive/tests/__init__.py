from . import test_incentive
from . import test_rpc_incentive
from . import test_honours
from . import test_tour
