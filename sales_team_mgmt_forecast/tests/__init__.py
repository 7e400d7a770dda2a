from . import test_pipeline
from . import test_forecast
from . import test_forecast_bad_input
from . import test_compliance
from . import test_multi_company
from . import test_rpc_hostile_input
from . import test_rpc_workflow_fields
from . import test_team_decisions
