"""The accuracy harness: gold files are checked, claims matched by place, reports scored.

A two-article package written here stands in for the corpus, so the tests need nothing
outside the repository.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.evaluate.agreement import Agreement, compare
from assistant.evaluate.gold import GoldError, load_gold
from assistant.evaluate.hedges import score_sentences, uncertain_cues
from assistant.evaluate.score import Scores, score
from benchmarks import quality

WIRE = (
    "Officials said 40 people were evacuated on Monday.\n"
    "The figures could not be independently verified.\n"
    "Police believe the fire was started deliberately."
)
RIVAL = "At least 55 people were evacuated on Monday, the fire service said."


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _figure(fid: str, quote: str, figure: str, value: float, **extra: Any) -> dict[str, Any]:
    return {
        "id": fid,
        "quote": quote,
        "figure": figure,
        "value": value,
        "unit": "people",
        "metric": "people evacuated",
        "source": None,
        **extra,
    }


def _gold(**changes: Any) -> dict[str, Any]:
    gold: dict[str, Any] = {
        "package": "evac",
        "corpus": "realworld-dev/evac.jsonl",
        "annotator": "reader-a",
        "articles": [
            {
                "id": "wire-1",
                "sha256": _sha(WIRE),
                "figures": [
                    _figure(
                        "f1",
                        "Officials said 40 people were evacuated on Monday.",
                        "40",
                        40,
                        source="officials",
                    )
                ],
                "hedges": [
                    {
                        "quote": "The figures could not be independently verified.",
                        "cue": "could not be independently verified",
                        "kind": "verification_disclaimer",
                        "scope": "preceding",
                    },
                    {
                        "quote": "Police believe the fire",
                        "cue": "believe",
                        "kind": "epistemic_modal",
                    },
                ],
            },
            {
                "id": "rival-1",
                "sha256": _sha(RIVAL),
                "figures": [
                    _figure(
                        "f1",
                        RIVAL,
                        "At least 55",
                        55,
                        bound="at_least",
                        source="the fire service",
                    )
                ],
            },
        ],
        "same_quantity": [
            {
                "claims": ["wire-1#f1", "rival-1#f1"],
                "verdict": "conflict",
                "what": "people evacuated on Monday",
            }
        ],
    }
    gold.update(changes)
    return gold


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus" / "realworld-dev"
    folder.mkdir(parents=True)
    rows = [
        {"id": "wire-1", "outlet": "Wire", "published": "2026-03-03", "text": WIRE},
        {"id": "rival-1", "outlet": "Rival", "published": "2026-03-03", "text": RIVAL},
    ]
    (folder / "evac.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return tmp_path / "corpus"


def _write(tmp_path: Path, gold: dict[str, Any], name: str = "evac.json") -> Path:
    path = tmp_path / "gold" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(gold))
    return path


def test_gold_quotes_are_located_in_their_article(tmp_path: Path, corpus: Path) -> None:
    loaded = load_gold(_write(tmp_path, _gold()), corpus)
    place = loaded.figure_at["rival-1#f1"]
    assert RIVAL[place.start : place.end] == "At least 55"
    assert len(loaded.hedge_at) == 2


def test_a_gold_file_with_a_quote_not_in_the_text_is_refused(tmp_path: Path, corpus: Path) -> None:
    gold = _gold()
    gold["articles"][0]["figures"][0]["quote"] = "Officials said 41 people were evacuated"
    gold["same_quantity"][0]["claims"].append("wire-1#f9")
    with pytest.raises(GoldError) as refused:
        load_gold(_write(tmp_path, gold), corpus)
    assert "quote not in the article text" in str(refused.value)
    assert "unknown claim 'wire-1#f9'" in str(refused.value)


def _scores(tmp_path: Path, corpus: Path, gold: dict[str, Any]) -> Scores:
    return score([load_gold(_write(tmp_path, gold), corpus)], Settings(llm="offline"))


def test_the_offline_report_is_scored_against_the_gold(tmp_path: Path, corpus: Path) -> None:
    scores = _scores(tmp_path, corpus, _gold())
    assert (scores.figure_recall.hit, scores.figure_recall.total) == (2, 2)
    assert scores.figure_precision.value == 1.0
    assert scores.attribution.value == 1.0
    assert (scores.cues.both, scores.cues.expected) == (2, 2)
    assert (scores.conflict_precision.hit, scores.conflict_precision.total) == (1, 1)
    assert (scores.conflict_recall.hit, scores.conflict_recall.total) == (1, 1)
    assert (scores.conflict_recall_any.hit, scores.conflict_recall_any.total) == (1, 1)
    assert (scores.clustered.hit, scores.clustered.total) == (1, 1)


def test_a_conflict_the_gold_calls_an_agreement_counts_against_precision(
    tmp_path: Path, corpus: Path
) -> None:
    gold = _gold()
    gold["same_quantity"] = []
    gold["not_comparable"] = [
        {"claims": ["wire-1#f1", "rival-1#f1"], "reason": "other_place", "note": "two towns"}
    ]
    scores = _scores(tmp_path, corpus, gold)
    assert (scores.conflict_precision.hit, scores.conflict_precision.total) == (0, 1)
    assert scores.conflict_recall.total == 0
    assert any("not comparable (other_place)" in e for e in scores.examples["CONFLICT wrong"])
    # The pair the gold keeps apart shares the tool's cluster: counted as not kept apart.
    assert (scores.kept_apart.hit, scores.kept_apart.total) == (0, 1)
    assert scores.clustered.total == 0


def test_a_source_the_tool_misses_is_an_attribution_error(tmp_path: Path, corpus: Path) -> None:
    gold = _gold()
    gold["articles"][1]["figures"][0]["source"] = "the coastguard"
    scores = _scores(tmp_path, corpus, gold)
    assert (scores.attribution.hit, scores.attribution.total) == (1, 2)
    assert "gold 'the coastguard'" in scores.examples["source wrong"][0]


def test_sentence_level_uncertainty(tmp_path: Path) -> None:
    path = tmp_path / "sentences.jsonl"
    rows = [
        ("The dam may fail if the rain continues.", 1),
        ("The minister could not be reached for comment.", 0),
        ("Shares rose more than expected.", 0),
        ("Prices fell 3% in March.", 0),
        ("Analysts expect a cut.", 1),
    ]
    path.write_text("".join(json.dumps({"text": t, "uncertain": u}) + "\n" for t, u in rows))
    scores = score_sentences(path)
    assert (scores.counts.both, scores.counts.found, scores.counts.expected) == (2, 2, 2)
    assert uncertain_cues("The minister could not be reached.") == []


def test_two_identical_readings_agree_fully(tmp_path: Path, corpus: Path) -> None:
    path = _write(tmp_path, _gold())
    agreement = Agreement()
    compare(load_gold(path, corpus), load_gold(path, corpus), agreement)
    assert agreement.figures.f1 == 1.0
    assert agreement.sources.value == 1.0
    assert agreement.conflicts.f1 == 1.0


def test_the_benchmark_prints_one_row_per_figure_against_its_bound(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _gold())
    code = quality.main(["--llm", "offline", "--gold", str(path), "--corpus", str(corpus)])
    table = capsys.readouterr().out
    rows = {line[:30].strip(): line for line in table.splitlines()}
    assert rows["figure recall"].split()[2:] == ["1.00", ">=", "0.95", "meets"]
    # One conflict is too few to judge a precision on, and the table says so.
    assert rows["CONFLICT precision"].endswith("too few to judge (n=1)")
    assert code == 0


def test_the_benchmark_exits_1_when_a_bound_is_missed(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = _gold()
    # A figure the offline extractor does not read: recall falls to 2 of 3.
    gold["articles"][0]["figures"].append(
        _figure("f2", "Police believe the fire was started deliberately.", "Police", 0)
    )
    code = quality.main(["--llm", "offline", "--gold", str(_write(tmp_path, gold)),
                         "--corpus", str(corpus)])  # fmt: skip
    assert "BELOW" in capsys.readouterr().out
    assert code == 1


def test_factcheck_eval_prints_the_same_table(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import main

    path = _write(tmp_path, _gold())
    code = main(["eval", str(path), "--llm", "offline", "--corpus", str(corpus)])
    out = capsys.readouterr().out
    assert "attribution accuracy" in out and "findings per article" in out
    assert code == 0


def test_factcheck_eval_says_which_gold_file_is_broken(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import main

    gold = _gold()
    gold["articles"][0]["sha256"] = "0" * 64
    path = _write(tmp_path, gold)
    assert main(["eval", str(path), "--llm", "offline", "--corpus", str(corpus)]) == 2
    assert "sha256 does not match the corpus text" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("tool", "gold", "aliases", "same"),
    [
        ("the spokesman", "Marlow Stores spokesman", ["A spokesman for Marlow Stores"], True),
        ("Hale", "Ines Hale", ["Hale", "Harbour Safety Director Ines Hale"], True),
        ("Harbour Safety Director Ines Hale", "Ines Hale", [], True),
        ("police", "Harbour police", [], False),
        (
            "the city's public safety director",
            "Ines Hale",
            ["the city's public safety director"],
            True,
        ),
        ("police", "Ines Hale", ["Hale"], False),
        ("the spokesman", "Ines Hale", ["Hale"], False),
    ],
)
def test_a_source_is_the_gold_one_when_its_telling_words_agree(
    tool: str, gold: str, aliases: list[str], same: bool
) -> None:
    from assistant.evaluate.match import same_source
    from assistant.model import Claim, ClaimKind, SourceLink, SourceRole

    claim = Claim(
        id="a#1", article_id="a", quote="q", statement="q", kind=ClaimKind.quote,
        attribution=[SourceLink(name=tool, role=SourceRole.original)],
    )  # fmt: skip
    assert same_source(claim, gold, aliases) is same


def test_packages_without_gold_are_listed_for_reading(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = "2026-03-03"
    rows = [
        {"id": "x-1", "outlet": "X", "published": day, "text": "12 people died on Monday."},
        {"id": "x-2", "outlet": "Y", "published": day, "text": "19 people died on Monday."},
    ]
    (corpus / "realworld-dev" / "other.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows)
    )
    path = _write(tmp_path, _gold())
    code = quality.main(["--unannotated", "--gold", str(path), "--corpus", str(corpus)])
    out = capsys.readouterr().out
    assert "other: CONFLICT high: deaths" in out
    assert out.rstrip().endswith("1 packages without gold: CONFLICT high 1")
    assert code == 0


def test_the_benchmark_prints_what_each_extractor_cost_per_article(
    tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, _gold())
    quality.main(
        ["--llm", "offline", "--llm", "mock", "--gold", str(path), "--corpus", str(corpus)]
    )
    rows = {line[:30].strip(): line.split()[-2:] for line in capsys.readouterr().out.splitlines()}
    offline, mock = rows["model calls per article"]
    assert offline == "0.0"  # the offline extractor calls no model
    assert float(mock) >= 1.0  # the mock answers through the real client: one call at least
    assert float(rows["tokens per article"][1]) > 0
    assert rows["articles failed"] == ["0", "0"]
