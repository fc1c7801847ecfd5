"""The bundled example story packages are consistent with their fixtures and answer keys.

Each package in ``examples/<pkg>/`` holds Markdown articles with front matter, one
hand-written extraction fixture per article (``fixtures/<stem>.json``) and an answer key
(``planted.json``) listing what was planted for the rule layer to find. Fixture quotes
and planted quotes are checked verbatim against the article body, so an edit to an
article that silently breaks grounding fails here first.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.llm.prompts import PROMPT_VERSION
from assistant.llm.schema import ClaimExtraction

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
PACKAGES = sorted(p for p in EXAMPLES.iterdir() if p.is_dir())
ARTICLES = sorted(a for pkg in PACKAGES for a in pkg.glob("*.md"))

# The kinds the rule layer and the ingest stage must recognise, and every one of them
# must be planted in at least one package.
RULE_KINDS = {
    "conflict",
    "circular",
    "arithmetic_ok",
    "arithmetic_bad",
    "running_total",
    "different_period",
    "superlative",
    "unverified",
    "disclaimer_scope",
    "stale",
    "precision",
    "approximator",
    "caption",
    "promo",
    "teaser",
    "kind_vs_class",
    "corroborated",
    "single_source",
    "unattributed",
    "percentage",
}
EXTRA_KINDS = {"modal", "credit", "footer", "translation_banner", "inert_markup"}


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def split_article(path: Path) -> tuple[dict[str, str], str]:
    """Split a Markdown article into its front matter fields and its body."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{_rel(path)} has no front matter"
    end = text.index("\n---\n", 4)
    fields = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(": ")
        assert sep, f"{_rel(path)}: front matter line {line!r} is not 'key: value'"
        fields[key.strip()] = value.strip()
    return fields, text[end + len("\n---\n") :]


def load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_there_are_example_packages() -> None:
    assert len(PACKAGES) >= 2
    assert len(ARTICLES) >= 8


@pytest.mark.parametrize("article", ARTICLES, ids=_rel)
def test_article_has_front_matter_and_a_realistic_length(article: Path) -> None:
    fields, body = split_article(article)
    assert fields["title"] and fields["outlet"]
    date.fromisoformat(fields["published"])
    assert fields["url"].startswith("https://")
    assert fields["language"] == "en"
    # A colon inside a value would break any YAML reader of this front matter.
    assert all(":" not in v for k, v in fields.items() if k != "url")
    assert 250 <= len(body.split()) <= 600


@pytest.mark.parametrize("article", ARTICLES, ids=_rel)
def test_fixture_is_a_valid_grounded_extraction(article: Path) -> None:
    _, body = split_article(article)
    fixture = load_json(article.parent / "fixtures" / f"{article.stem}.json")

    assert fixture["format"] == "factcheck-fixture/1"
    assert fixture["article"] == _rel(article)
    assert fixture["match"]["prompt_version"] == PROMPT_VERSION
    extraction = ClaimExtraction.model_validate(fixture["answer"])
    assert 8 <= len(extraction.claims) <= 25

    for claim in extraction.claims:
        assert claim.quote in body, f"quote not verbatim in body: {claim.quote!r}"
        assert claim.statement.strip()
        for figure in claim.quantities:
            assert figure.text and figure.text in body
        for hedge in claim.hedges:
            assert hedge.cue in body, f"hedge cue not verbatim in body: {hedge.cue!r}"


@pytest.mark.parametrize("pkg", PACKAGES, ids=_rel)
def test_package_holds_only_articles_fixtures_and_answer_key(pkg: Path) -> None:
    # `factcheck report examples/` ingests every text file it finds: prose documentation
    # here would be read as an article, so the folder holds nothing else.
    files = {_rel(f) for f in pkg.rglob("*") if f.is_file()}
    expected = {_rel(pkg / "planted.json")}
    for article in pkg.glob("*.md"):
        expected |= {_rel(article), _rel(pkg / "fixtures" / f"{article.stem}.json")}
    assert files == expected


def test_examples_folder_holds_only_packages() -> None:
    assert [p for p in EXAMPLES.iterdir() if not p.is_dir()] == []


@pytest.mark.parametrize("pkg", PACKAGES, ids=_rel)
def test_package_covers_several_outlets_and_dates(pkg: Path) -> None:
    fronts = [split_article(a)[0] for a in pkg.glob("*.md")]
    assert len(fronts) >= 3
    assert len({f["outlet"] for f in fronts}) >= 3
    assert len({f["published"] for f in fronts}) >= 2


@pytest.mark.parametrize("pkg", PACKAGES, ids=_rel)
def test_answer_key_quotes_occur_in_the_named_articles(pkg: Path) -> None:
    key = load_json(pkg / "planted.json")
    assert key["description"].strip()
    assert key["planted"]
    for entry in key["planted"]:
        assert entry["what"] in RULE_KINDS | EXTRA_KINDS, entry["what"]
        assert entry["note"].strip() and entry["quotes"]
        bodies = {name: split_article(pkg / name)[1] for name in entry["articles"]}
        for quote in entry["quotes"]:
            assert any(quote in b for b in bodies.values()), f"{entry['what']}: {quote!r}"
        for name, body in bodies.items():
            assert any(q in body for q in entry["quotes"]), f"{entry['what']}: no quote in {name}"


def test_every_rule_kind_is_planted_somewhere() -> None:
    planted = {e["what"] for pkg in PACKAGES for e in load_json(pkg / "planted.json")["planted"]}
    assert planted >= RULE_KINDS | EXTRA_KINDS
