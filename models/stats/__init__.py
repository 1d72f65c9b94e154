"""The supervisor's numbers for a month or a quarter (no Qt, no reportlab)."""
