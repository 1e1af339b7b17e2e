"""langdetect with the stock profiles plus our Azerbaijani profile, deterministic.

langdetect ships 55 profiles but none for Azerbaijani; `models/langid/langdetect-az.json` is built by
`models/build_langid.py` from the training part of `../shared/data/langid-train/az/`. We use our own
factory instance (not the module-level one) so nothing else in the process changes our results, and
seed it so the same text always gets the same answer.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import LangDetectException
from langdetect.utils.lang_profile import LangProfile
from newsmon.settings import MODELS_DIR

AZ_PROFILE = MODELS_DIR / "langid" / "langdetect-az.json"
SEED = 0
# langdetect names two profiles by region; everything else is already ISO 639-1
_CODE_FIXES = {"zh-cn": "zh", "zh-tw": "zh"}


def build_profile(lang: str, lines: Iterable[str]) -> dict:
    """A langdetect profile (the JSON format of its stock `profiles/`) from plain sentences."""
    profile = LangProfile(name=lang)
    for line in lines:
        profile.update(line)
    profile.omit_less_freq()  # the same pruning langdetect's own profile generator applies
    return {"name": lang, "freq": dict(sorted(profile.freq.items())), "n_words": profile.n_words}


def make_factory(extra_profiles: Sequence[Path] = (AZ_PROFILE,)) -> DetectorFactory:
    """A seeded factory holding every stock profile plus `extra_profiles`."""
    stock = sorted(Path(PROFILES_DIRECTORY).iterdir())
    texts = [p.read_text(encoding="utf-8") for p in stock if p.is_file()]
    texts += [p.read_text(encoding="utf-8") for p in extra_profiles]
    factory = DetectorFactory()
    # all profiles in one call: langdetect sizes its probability arrays by the count it is given
    factory.load_json_profile(texts)
    factory.set_seed(SEED)
    return factory


def factory(with_az: bool = True) -> DetectorFactory:
    # one cache key per value: lru_cache keys `factory()` and `factory(True)` apart, and the profiles
    # (0.6 s to read) were loaded a second time by the first unsure paragraph after `warm_up`
    return _factory(bool(with_az))


@lru_cache(maxsize=2)
def _factory(with_az: bool) -> DetectorFactory:
    return make_factory((AZ_PROFILE,) if with_az else ())


def detect_langs(text: str, candidates: Sequence[str] | None = None, with_az: bool = True) -> list[tuple[str, float]]:
    """[(code, prob)] best first; empty when langdetect finds no usable n-gram in the text.

    `candidates` restricts the answer through langdetect's prior map (languages it has no profile
    for are ignored).
    """
    f = factory(with_az)
    detector = f.create()
    if candidates:
        known = {c: 1.0 for c in candidates if c in f.langlist}
        if known:
            detector.set_prior_map(known)
    detector.append(text)
    try:
        ranked = detector.get_probabilities()
    except LangDetectException:
        return []
    return [(_CODE_FIXES.get(r.lang, r.lang), r.prob) for r in ranked]

