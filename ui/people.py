"""Who holds a role, as the screens offer them to call or report to."""

from __future__ import annotations

from collections.abc import Callable

from models.contacts import Person
from models.phones import display_number

People = Callable[[str], list[Person]]  # role key -> its people, from the directory in memory


def no_people(role_key: str) -> list[Person]:
    return []


def person_text(person: Person) -> str:
    return f"{person.name} {display_number(person.number)}"
