from . import test_claim_register
from . import test_claim_dispute
from . import test_claim_pool
from . import test_claim_alarm_lock
from . import test_claim_race
from . import test_hooks
from . import test_visit
from . import test_compliance
