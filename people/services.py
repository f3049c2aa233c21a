"""Finding a person again, and the rules for what identifies them."""

import re

from django.db.models import Q

from people.models import Person


def normalise_phone(text: str) -> str:
    """+7 7252 00-00-00, 8 (7252) 000000, 77252000000 → +77252000000."""
    digits = re.sub(r"\D", "", text or "")
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    if len(digits) == 10:
        return "+7" + digits
    return ("+" + digits) if digits else ""


def person_find_or_create(
    *, full_name: str, email: str = "", phone: str = "", date_of_birth=None, **fields
) -> Person:
    """The same person is found again by name plus e-mail, phone or birth date."""
    full_name = " ".join(full_name.split())
    phone = normalise_phone(phone)
    email = email.strip().lower()
    identifiers = Q()
    if email:
        identifiers |= Q(email__iexact=email)
    if phone:
        identifiers |= Q(phone=phone)
    if date_of_birth:
        identifiers |= Q(date_of_birth=date_of_birth)
    if identifiers:
        person = (
            Person.objects.filter(identifiers, name_key=Person.fold_name(full_name))
            .order_by("pk")
            .first()
        )
        if person is not None:
            if person.branch_id is None and fields.get("branch") is not None:
                person.branch = fields["branch"]
                person.save(update_fields=["branch"])
            return person
    return Person.objects.create(
        full_name=full_name, email=email, phone=phone, date_of_birth=date_of_birth, **fields
    )


FILLABLE = ("email", "phone", "district", "date_of_birth", "branch")


def person_fill_blanks(person: Person, details: dict) -> list[str]:
    """Staff registering someone they know: a person found again keeps what
    we knew and gains what we did not (never used for what the public types:
    a public form must not change a matched person's record). Returns the
    fields filled."""
    changed = []
    for name in FILLABLE:
        value = details.get(name)
        if name == "email" and value:
            value = value.strip().lower()
        elif name == "phone":
            value = normalise_phone(value or "")
        if value and not getattr(person, name):
            setattr(person, name, value)
            changed.append(name)
    if changed:
        person.save(update_fields=[*changed, "updated_at"])
    return changed
