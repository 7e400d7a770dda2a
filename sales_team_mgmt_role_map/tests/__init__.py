from . import test_role_map
from . import test_role_map_bad_input
from . import test_claim_dispute
from . import test_multi_company
from . import test_rpc_hostile_input
from . import test_rpc_workflow_fields
from . import test_tour
