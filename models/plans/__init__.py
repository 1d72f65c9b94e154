"""The plans: the catalog, its loader and checks, levels, versions and revisions."""
