from . import test_dossier
from . import test_multi_company
from . import test_rpc_dossier
from . import test_dossier_bad_input
