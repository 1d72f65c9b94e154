"""The contact directory (tables)."""

from __future__ import annotations

import peewee as pw

from models.db import BaseModel


class Contact(BaseModel):
    name = pw.CharField(max_length=200)
    role_key = pw.CharField(max_length=64, index=True)
    organisation = pw.CharField(max_length=200, default="")
    available_24h = pw.BooleanField(default=False)
    on_duty = pw.CharField(max_length=500, default="")
    notes = pw.TextField(default="")
    outside = pw.BooleanField(default=False)
    deleted_at = pw.DateTimeField(null=True)  # kept so past incidents stay readable


class ContactPhone(BaseModel):
    contact = pw.ForeignKeyField(Contact, backref="phones", on_delete="CASCADE")
    label = pw.CharField(max_length=64, default="")
    number = pw.CharField(max_length=64)
    position = pw.IntegerField(default=0)
