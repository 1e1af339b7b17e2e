"""Scoring the pipeline against gold files: NER (IOB2), whole corpus (entities, dates, agreements, linking)."""
