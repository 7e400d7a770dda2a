from . import crm_team
from . import stm_report_mixin
from . import stm_forecast
from . import stm_forecast_line
from . import stm_resource_request
from . import stm_resource_request_line
from . import stm_compliance
