"""The one place where the demo reaches the registration engine: the people,
their registrations and the services that make them. (When the engine moves
to apps of its own, only these imports change.)"""

from events.enums import RegistrationStatus
from events.models import Person, Registration
from events.registration import person_find_or_create, registration_create

__all__ = [
    "Person",
    "Registration",
    "RegistrationStatus",
    "person_find_or_create",
    "registration_create",
]
