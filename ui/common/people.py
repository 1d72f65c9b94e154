"""Who holds a role, as the screens offer them to call or report to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.contacts.phones import display_number
from models.services.contacts import Person

People = Callable[[str], list[Person]]  # role key -> its people, from the directory in memory


def no_people(role_key: str) -> list[Person]:
    return []


def person_text(person: Person) -> str:
    return f"{person.name} {display_number(person.number)}"


@dataclass(frozen=True)
class ReportChoice:
    """One "reported to" press: a person holding the role, or the role alone."""

    role_key: str
    label: str  # role name and person, as the button reads
    person: str = ""
    number: str = ""


def report_choices(people: People, targets: list[tuple[str, str]]) -> list[ReportChoice]:
    """(role key, role name) -> a choice per person holding the role, or the role itself."""
    return [ReportChoice(key, f"{name} {p.name}", p.name, p.number) if p
            else ReportChoice(key, name)
            for key, name in targets for p in (people(key) or [None])]
