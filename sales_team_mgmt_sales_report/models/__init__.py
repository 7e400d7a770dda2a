from . import stm_figures
from . import stm_sales_report
from . import stm_sales_report_line
from . import stm_sales_report_prepare
