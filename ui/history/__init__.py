"""History and the daily view."""
