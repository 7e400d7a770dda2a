from . import test_dossier_roles
