"""The one place where the demo reaches the registration engine: the people,
their registrations and the services that make them."""

from people.models import Person
from people.services import person_find_or_create
from registrations import services
from registrations.enums import RegistrationStatus
from registrations.models import Registration

__all__ = [
    "Person",
    "Registration",
    "RegistrationStatus",
    "person_find_or_create",
    "registration_attend",
    "registration_create",
]


def registration_create(**arguments):
    """The engine's, without telling anyone: the demo's people are not sent
    e-mails, and seeding queues no work for the worker."""
    return services.registration_create(notify=False, **arguments)


def registration_attend(**arguments):
    """The engine's check-in (a past demo training's participants)."""
    return services.registration_attend(**arguments)
