"""The services: one per area, the only door the screens have into the domain.

Each service is built with its collaborators (catalog, plan version, clock, who acts) and
wraps the model functions. Commands return `Changes` (what changed, for the screens to redraw
from); queries return plain data. A refused command raises the area's refusal and changes
nothing.
"""
