"""Incidents: the response actions, timeline and hashing, deadlines, records, verify, history."""
