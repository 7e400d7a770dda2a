from . import test_customer_care
from . import test_customer_care_rpc
