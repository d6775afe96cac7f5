"""A second machine-translated article, written for the tests: the rules must generalise beyond the example."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def article(pipeline, data_dir):
    return pipeline.analyze_path(data_dir / "mt-gas-dispute.txt")


def _by_cue(article, cue):
    found = [a for a in article.attributions if a.cue is not None and a.cue.text == cue]
    assert found, f"no attribution with cue {cue!r}"
    return found[0]


def _speaker(article, attribution):
    entity = article.speaker_of(attribution)
    return entity.name if entity else None


def test_provenance(article):
    meta = article.meta
    assert (meta.language, meta.translated_from, meta.translator, meta.section) == (
        "en",
        "ru",
        "Yandex Translator",
        "Politics",
    )


def test_an_outlet_spoken_to_is_not_the_antecedent(article):
    # "…, Deputy Prime Minister Viktor Karankevich told Kommersant. According to him, …"
    assert _speaker(article, _by_cue(article, "According to")) == "Viktor Karankevich"
    # `"…,— the official said.`: a role noun with no title to match goes to the last person.
    said = _by_cue(article, "said")
    assert said.kind == "direct" and _speaker(article, said) == "Viktor Karankevich"


def test_dash_opened_quote_drops_the_stray_closing_mark(article):
    quote = next(a for a in article.attributions if a.content[0].text.startswith("The integration"))
    assert quote.content[0].text.endswith("will be resolved")
    assert _speaker(article, quote) == "Sergei Mironenko"


def test_calque_and_transliteration_variant(article):
    calque = _by_cue(article, "draws the attention of")
    entity = article.speaker_of(calque)
    assert entity is not None and entity.name.endswith("Volkov")
    assert any(r.title == "analyst" for r in entity.roles)
    assert _speaker(article, _by_cue(article, "emphasizes")) == entity.name
    assert _speaker(article, _by_cue(article, "added")) == entity.name


def test_group_and_organisation_speakers(article):
    assert article.speaker_of(_by_cue(article, "believe")).type == "GROUP"
    assert article.speaker_of(_by_cue(article, "noted")).name == "Kremlin"
