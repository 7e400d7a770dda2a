from . import test_training
