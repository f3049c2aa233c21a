from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    """The registration engine of every kind of event: public and staff
    forms, the waiting list, check-in, exports, e-mails, and the personal
    data they hold over its lifetime (export, erasure, retention)."""

    name = "registrations"
    verbose_name = "Registrations"
