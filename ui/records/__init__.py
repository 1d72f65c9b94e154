"""The incident record form and its windows."""
