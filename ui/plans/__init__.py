"""The plans browser, revisions and approvals."""
