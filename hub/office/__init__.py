"""Head office: forwarding from hall hubs, signed plans, history (area E)."""
