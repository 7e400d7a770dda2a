from . import test_complaint
from . import test_complaint_rpc
from . import test_complaint_tours
