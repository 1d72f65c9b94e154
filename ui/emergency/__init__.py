"""The emergency screen: home, categories, the guided response, level, read-out."""
