"""The contact directory screen."""
