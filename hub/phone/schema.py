"""The leader's acknowledgements at the hub: one per read-out (its capability's hash), with
when the hub saw it and from where; the hub event that tells the desk is in `event`."""

from __future__ import annotations

ACKS = """
CREATE TABLE ack (ack_id text PRIMARY KEY,
  cap_hash text NOT NULL UNIQUE REFERENCES readout (cap_hash),
  by_name text NOT NULL, at text NOT NULL, remote_addr text, user_agent text,
  hub_seq bigint NOT NULL)
"""
