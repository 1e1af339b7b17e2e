"""Agreements as records: cue lexicon per language, party resolution, the extractor (find.py)."""
