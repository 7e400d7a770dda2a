from . import res_users
from . import hr_employee
from . import crm_team_member
