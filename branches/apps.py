from django.apps import AppConfig


class BranchesConfig(AppConfig):
    """The library network: the department, its branches and service points."""

    name = "branches"
    verbose_name = "Branches"
