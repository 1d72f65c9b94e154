"""The emergency-number bar (110, 119, 120...): which roles, in which order, as the catalog's
`[general] emergency_numbers` lists them."""

from __future__ import annotations

from models.plans.catalog import Catalog, Role


def emergency_numbers(catalog: Catalog) -> tuple[Role, ...]:
    """The roles of the bar, in the catalog's order, every one of them (the loader checks
    each is a role with a number)."""
    return tuple(catalog.role(key) for key in catalog.general.emergency_numbers)
