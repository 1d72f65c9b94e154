"""Drills: scenarios, runs and scoring, drill reports, the training log."""
