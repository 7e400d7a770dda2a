from . import test_hr_bridge
