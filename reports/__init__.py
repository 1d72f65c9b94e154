"""PDF rendering with reportlab: plain data in (models/record.py and friends), a file out.

No Qt and no database here: callers assemble the data first (on the GUI thread, or in a CLI
command), then render it — which is why rendering can run in a worker thread.
"""
