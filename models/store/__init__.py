"""The store: the database handle, its tables, schema and migrations, files and settings."""
