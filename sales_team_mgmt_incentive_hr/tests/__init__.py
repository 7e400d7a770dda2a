from . import test_hr_reads_statements
