from . import test_sales_report
from . import test_sales_report_rpc
