"""Loaded models are kept out of the cyclic collector's walks (ner_labels.shared_pipeline)."""
import gc

import spacy

from newsmon.nlp.ner_labels import shared_pipeline


def test_a_loaded_model_is_frozen_out_of_the_collector(tmp_path):
    path = tmp_path / "blank-en"
    spacy.blank("en").to_disk(path)
    gc.unfreeze()
    try:
        before = gc.get_freeze_count()
        nlp = shared_pipeline(str(path))
        assert gc.get_freeze_count() > before  # the model's objects (and what lived before) are frozen
        assert shared_pipeline(str(path)) is nlp  # loaded once per process
    finally:
        gc.unfreeze()
