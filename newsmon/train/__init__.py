"""Building the models newsmon ships (NER, language-ID data split) from ../shared training data."""
