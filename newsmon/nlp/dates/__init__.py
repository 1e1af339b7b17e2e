"""Date expressions with their precision: shared rule machinery (common.py), one rule module per language, the finder (find.py)."""
