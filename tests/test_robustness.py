"""Robustness: real news (PolNeAR dev texts) and random text never crash the pipeline or break a span."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from saywho.attribution.quotes import find_quotations
from saywho.errors import InputError

POLNEAR_TEXT = Path(__file__).resolve().parents[2] / "shared" / "polnear" / "dev" / "text"
POLNEAR_FILES = sorted(POLNEAR_TEXT.glob("*.txt"))[:30] if POLNEAR_TEXT.is_dir() else []


@pytest.mark.skipif(not POLNEAR_FILES, reason=f"PolNeAR dev texts not present: {POLNEAR_TEXT}")
def test_polnear_dev_files(pipeline, check_spans):
    total = 0
    for path in POLNEAR_FILES:
        article = pipeline.analyze_path(path)
        with open(path, encoding="utf-8", newline="") as fh:
            assert article.text == fh.read(), path.name
        check_spans(article)
        total += len(article.attributions)
        for a in article.attributions:
            assert a.kind in ("direct", "mixed", "indirect")
            assert 0.0 <= a.confidence <= 1.0
    # News full of quotations: the pipeline finds a good number of attributions, not none.
    assert total >= 5 * len(POLNEAR_FILES)


FRAGMENTS = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "„",
    "‘",
    "’",
    "''",
    "``",
    "'",
    "‹",
    "›",
    "—",
    "–",
    "―",
    " — ",
    ",—",
    "-",
    "--",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "…",
    "(",
    ")",
    "said",
    "says",
    "told",
    "told reporters",
    "according to",
    "that",
    "is sure that",
    "believe",
    "draws the attention of",
    "called",
    "a priority",
    "saying that",
    "clarified:",
    "he",
    "she",
    "they",
    "it",
    "the minister",
    "experts",
    "analysts",
    "the senator",
    "John Smith",
    "Smith",
    "Mary",
    "Ivan Petrov",
    "Qatada",
    "Katada",
    "Moscow",
    "Beijing",
    "the Kremlin",
    "Mr.",
    "Dr.",
    "Sen.",
    "'s",
    "We are ready",
    "the talks will resume",
    "on Monday",
    "é",
    "ß",
    "🙂",
    "\ufeff",
    "Переведено сервисом «Яндекс Переводчик»",
    "- World",
]

random_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), min_size=1, max_size=60).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts)
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=random_text)
def test_random_text_never_raises(pipeline, check_spans, text):
    try:
        article = pipeline.analyze_text(text)
    except InputError as exc:
        # Blank or binary-looking input is refused with a one-line reason; that is not a crash.
        reason = str(exc)
        assert reason and "\n" not in reason
        if not text.replace("\ufeff", "").strip():
            assert reason == "empty input"
        return
    assert article.text == text
    check_spans(article)


@settings(max_examples=300, deadline=None)
@given(text=random_text)
def test_random_text_quotations_have_sane_offsets(text):
    for q in find_quotations(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.inner_start <= q.inner_end <= q.end
        assert text[q.inner_start : q.inner_end] == q.text_slice
        assert q.text_slice.strip() == q.text_slice and q.text_slice
