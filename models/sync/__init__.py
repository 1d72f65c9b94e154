"""Many desks, one picture: what a desk ships to a hall hub and takes back from it (the wire
format, the forward-only merge of statuses). No network and no Qt here."""
