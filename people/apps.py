from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """People held once however they register: their record, how they are
    found again, and their personal data over its lifetime (retention purge,
    export, erasure on request; `people.privacy`)."""

    name = "people"
    verbose_name = "People"
