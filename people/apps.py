from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """People held once however they register: their record, how they are
    found again, their pseudonym when anonymised."""

    name = "people"
    verbose_name = "People"
