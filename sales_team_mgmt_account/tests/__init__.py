from . import test_credit_risk
