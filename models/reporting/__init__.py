"""Formal reports upward: 初报, numbered 续报 and 终报, filed into the incident's timeline."""
