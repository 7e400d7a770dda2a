from . import test_appointment_sms
