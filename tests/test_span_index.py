"""SpanIndex: the same answer as scanning every span, in log time."""
from __future__ import annotations

import random

from newsmon.nlp.span_edit import SpanIndex


def test_overlaps_as_a_scan_of_every_span_would() -> None:
    rng = random.Random(7)
    for _ in range(500):
        spans = [(a, a + rng.randint(0, 8)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))]
        index = SpanIndex(spans)
        for _ in range(20):
            start = rng.randint(-2, 70)
            end = start + rng.randint(0, 6)
            assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
            if rng.random() < 0.2:
                index.add(start, end)
                spans.append((start, end))


def test_nested_spans_keep_the_furthest_end() -> None:
    index = SpanIndex([(0, 50), (10, 12)])  # the later start ends sooner: (30, 31) lies in the first
    assert index.overlaps(30, 31)
    assert not index.overlaps(50, 60)
