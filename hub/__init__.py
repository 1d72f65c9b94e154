"""The hall hub (and head office): an HTTP service that keeps the events desks ship to it,
in PostgreSQL or, for one small hall, a local SQLite file. No Qt, no PDF library here."""
