"""The NLP stages, one module each: extraction, language ID, NER, dates, agreements, knowledge base and linking."""
