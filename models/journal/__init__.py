"""The desk's journal: the duty phone log, shift handovers, drill evaluations, corrective
actions and attached files, kept append-only and linked into the desk-wide chain."""
