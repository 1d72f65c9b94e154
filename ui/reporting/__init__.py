"""Formal reports upward (初报 / 续报 / 终报): the dialog that writes, files and prints them."""
