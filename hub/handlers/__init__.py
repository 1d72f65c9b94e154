"""The hub's HTTP handlers, one module per endpoint: parse, run the storage work on the
executor, answer."""
