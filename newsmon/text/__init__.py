"""Text folding and Azerbaijani morphology, written once and imported by every stage that matches names or words."""
