import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import story  # noqa: E402

from newsmon.crawl.dedupe import Signature, is_near_duplicate, signature  # noqa: E402


def test_syndicated_copy_with_other_header_and_footer_is_a_near_duplicate():
    body = story(7)
    azertac = f"BAKU, AZERTAC\n{body}\nFollow AZERTAC on Telegram. All rights reserved."
    trend = f"Baku, Azerbaijan, September 10. Trend:\n{body}\nFollow Trend on X. Reprint with a link."
    assert is_near_duplicate(signature(azertac), signature(trend))
    assert set(signature(azertac).bands()) & set(signature(trend).bands())  # found by LSH lookup


def test_different_stories_on_the_same_topic_are_not():
    assert not is_near_duplicate(signature(story(1)), signature(story(2)))


def test_signature_survives_storage_and_is_stable_across_processes():
    sig = signature(story(3))
    assert Signature.from_bytes(sig.to_bytes()).similarity(sig) == 1.0
    # fixed seeds and blake2b, not Python's salted hash(): same text, same bands, any process
    assert sig.bands()[:2] == signature(story(3)).bands()[:2]
    import subprocess
    out = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'tests');"
                          "from fixture_sites import story; from newsmon.crawl.dedupe import signature;"
                          "print(signature(story(3)).bands()[0])"], capture_output=True, text=True,
                         cwd=Path(__file__).parent.parent, check=True)
    assert int(out.stdout) == sig.bands()[0]
