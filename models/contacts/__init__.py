"""The contact directory: people and numbers, search, phone rules, CSV import."""
