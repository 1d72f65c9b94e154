"""The leader's page: a read-out shared by a desk, and the leader's "收到" (area D)."""
