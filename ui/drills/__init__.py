"""The trainer's screens: drills, scenarios, training log."""
