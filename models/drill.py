"""Drills (tables): each run of a scenario, and the desk's training and drill log."""

from __future__ import annotations

import peewee as pw

from models.db import BaseModel
from models.plan_version import PlanVersion


class DrillRun(BaseModel):
    scenario_key = pw.CharField(max_length=64)
    title = pw.CharField(max_length=200)
    trainer = pw.CharField(max_length=200, default="")
    rate = pw.IntegerField(default=1)  # time runs this many times faster during the drill
    started_at = pw.DateTimeField()  # real time (UTC)
    ended_at = pw.DateTimeField(null=True)  # drill time (UTC)
    score = pw.IntegerField(null=True)
    report = pw.TextField(default="")  # the scored result as JSON
    # since schema version 2: what the report needs even after files and plans changed
    plan = pw.ForeignKeyField(PlanVersion, null=True, backref="drill_runs",
                              on_delete="RESTRICT")
    scenario = pw.TextField(default="")  # the scenario as run, JSON
    shown = pw.TextField(default="[]")  # the injects shown and when (drill time), JSON
    hall = pw.CharField(max_length=200, default="")
    desk = pw.CharField(max_length=200, default="")
    clerk = pw.CharField(max_length=200, default="")  # who was on duty for the drill


class TrainingRecord(BaseModel):
    """A training session or a drill held (the documents ask for both, and say how often)."""

    kind = pw.CharField(max_length=16)  # "training" or "drill"
    held_on = pw.DateField(index=True)
    topic = pw.CharField(max_length=500)
    trainer = pw.CharField(max_length=200, default="")
    attendees = pw.TextField(default="")
    notes = pw.TextField(default="")
    drill_run = pw.IntegerField(null=True)  # since version 2: the run this drill was, if any
