"""Domain and persistence: no Qt widgets, no reportlab."""
