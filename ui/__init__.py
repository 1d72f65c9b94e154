"""Qt widgets: one screen or widget per module. No SQL, no reportlab."""
