"""A batch of several stories: what the desk sees when one run holds unrelated events.

Two stories below both count deaths "on Monday" in the same week: the Arlen floods and
the Brisk mine collapse. Compared as one package they would conflict; grouped into
stories they never meet.
"""

from __future__ import annotations

import csv
import io
import json
import random
from html import escape
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from assistant.cli import EXIT_OK, main
from assistant.ingest import ingest_paths
from assistant.model import Verdict
from assistant.report.model import EditorDecision
from assistant.report.render import render
from assistant.stories import group_stories
from tests.report_support import report_of_paths

REPO = Path(__file__).resolve().parent.parent
REPORT_SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text())

FLOODS = {
    "floods-wire.md": (
        "Courier Wire",
        "Floods in the Arlen valley",
        "Twelve people died on Monday, police said, as the Marrow River burst its banks "
        "across the Arlen valley. Governor Helena Vasquez toured Dunmore and Arlen on "
        "Tuesday. The Marrow crested at Dunmore overnight.",
    ),
    "floods-daily.md": (
        "Valley Daily",
        "Arlen valley counts its dead",
        "Fourteen people died on Monday, police said. The Marrow River flooded Dunmore "
        "and much of the Arlen valley, and Governor Helena Vasquez declared an emergency "
        "for Dunmore.",
    ),
}
MINE = {
    "mine-wire.md": (
        "Courier Wire",
        "Brisk mine collapse",
        "Five people died on Monday, the company said, when a shaft of the Karsten "
        "colliery collapsed near Brisk. Rescuers from Oldhaven and Brisk searched the "
        "Karsten tunnels overnight, said Tomas Reinholt, the mine manager.",
    ),
    "mine-post.md": (
        "Oldhaven Post",
        "Karsten colliery: the search goes on",
        "Five people died on Monday, the company said. Tomas Reinholt, who manages the "
        "Karsten colliery near Brisk, said rescuers from Oldhaven were still in the "
        "tunnels.",
    ),
}


def write(
    folder: Path, articles: dict[str, tuple[str, str, str]], story: str | None = None
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (outlet, title, text) in articles.items():
        named = f"story: {story}\n" if story else ""
        (folder / name).write_text(
            f"---\ntitle: {title}\noutlet: {outlet}\npublished: 2026-03-03\n{named}---\n\n{text}\n",
            encoding="utf-8",
        )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main([*argv, "--llm", "offline", "-q"])
    out, _ = capsys.readouterr()
    return code, out


def json_report(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out = run(capsys, "report", *argv, "--format", "json")
    assert code == EXIT_OK
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    return report


def story_of_claims(report: dict[str, Any]) -> dict[str, str]:
    return {c["id"]: e["story"] for e in report["inputs"] for c in e["claims"]}


def stories_by_source(report: dict[str, Any]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for entry in report["inputs"]:
        found.setdefault(entry["story"], set()).add(Path(entry["source"]).name)
    return found


def conflicts(report: dict[str, Any]) -> list[set[str]]:
    """The articles each CONFLICT finding sets against each other."""
    return [
        {claim_id.split("#")[0] for claim_id in f["claim_ids"]}
        for f in report["findings"]
        if f["rule"] == "CONFLICT"
    ]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Both stories in one flat folder: only their names can tell them apart."""
    write(tmp_path / "night", FLOODS)
    write(tmp_path / "night", MINE)
    return tmp_path / "night"


def test_two_unrelated_stories_in_one_batch_give_no_cross_story_cluster(
    capsys: pytest.CaptureFixture[str], mixed: Path
) -> None:
    report = json_report(capsys, str(mixed))
    assert stories_by_source(report) == {
        "story-1": {"floods-daily.md", "floods-wire.md"},
        "story-2": {"mine-post.md", "mine-wire.md"},
    }
    story = story_of_claims(report)
    for cluster in report["clusters"]:
        assert len({story[c] for c in cluster["claim_ids"]}) == 1, cluster
    # Within the floods story the deaths still conflict (12 vs 14); across stories never.
    assert conflicts(report) == [{"floods-daily", "floods-wire"}]
    labels = [s["label"] for s in report["stories"]]
    assert any("Arlen" in label or "Marrow" in label for label in labels)
    assert any("Karsten" in label or "Brisk" in label for label in labels)

    _, markdown = run(capsys, "report", str(mixed))
    assert "- **Stories:** 2" in markdown
    assert "## Stories in this batch" in markdown
    floods = markdown.index("## Story 1: ")
    mine = markdown.index("## Story 2: ")
    assert floods < mine
    # The Monday deaths of the mine are in the mine's section, not in a floods conflict.
    floods_section = markdown[floods:mine]
    assert "Twelve" in floods_section and "Fourteen" in floods_section
    assert "Five people died" not in floods_section
    assert "#### Conflicts (1)" in floods_section
    assert "Conflicts" not in markdown[mine:]


def test_one_story_compares_everything_as_before(
    capsys: pytest.CaptureFixture[str], mixed: Path
) -> None:
    report = json_report(capsys, str(mixed), "--one-story")
    assert [s["basis"] for s in report["stories"]] == ["batch"]
    assert {e["story"] for e in report["inputs"]} == {"story-1"}
    # What the stories prevent: the mine's deaths against the floods' on the same Monday.
    assert any(articles & {"mine-wire", "mine-post"} for articles in conflicts(report))
    _, markdown = run(capsys, "report", str(mixed), "--one-story")
    assert "Stories" not in markdown and "## Story" not in markdown


def test_folders_are_stories_when_the_batch_spans_several(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # The same floods coverage under two desks' folders: the folders say two stories,
    # whatever the names say.
    write(tmp_path / "desk" / "north", FLOODS)
    south = {f"south-{k}": ("South " + outlet, t, x) for k, (outlet, t, x) in FLOODS.items()}
    write(tmp_path / "desk" / "south", south)
    report = json_report(capsys, str(tmp_path / "desk"))
    assert [(s["label"], s["basis"]) for s in report["stories"]] == [
        (str(tmp_path / "desk" / "north"), "folder"),
        (str(tmp_path / "desk" / "south"), "folder"),
    ]
    assert conflicts(report) == [
        {"floods-daily", "floods-wire"},
        {"south-floods-daily", "south-floods-wire"},
    ]


def test_an_explicit_story_field_wins_over_folders_and_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Floods and mine share a folder each way round, and name their story themselves.
    write(tmp_path / "a", {"floods-wire.md": FLOODS["floods-wire.md"]}, story="Arlen floods")
    write(tmp_path / "a", {"mine-wire.md": MINE["mine-wire.md"]}, story="Brisk mine")
    write(tmp_path / "b", {"floods-daily.md": FLOODS["floods-daily.md"]}, story="Arlen floods")
    lines = [
        {"id": "mine-post", "outlet": "Oldhaven Post", "published": "2026-03-03",
         "story": "Brisk mine", "text": MINE["mine-post.md"][2]},
    ]  # fmt: skip
    (tmp_path / "b" / "wire.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    report = json_report(capsys, str(tmp_path / "a"), str(tmp_path / "b"))
    assert [(s["label"], s["basis"]) for s in report["stories"]] == [
        ("Arlen floods", "field"),
        ("Brisk mine", "field"),
    ]
    assert stories_by_source(report) == {
        "story-1": {"floods-wire.md", "floods-daily.md"},
        "story-2": {"mine-wire.md", "wire.jsonl#L1"},
    }
    assert conflicts(report) == [{"floods-daily", "floods-wire"}]


def test_grouping_is_the_same_whatever_the_order(tmp_path: Path) -> None:
    write(tmp_path / "night", FLOODS)
    write(tmp_path / "night", MINE)
    more = {f"x-{k}": ("Other " + o, t, x) for k, (o, t, x) in {**FLOODS, **MINE}.items()}
    write(tmp_path / "more", more)
    articles = ingest_paths([tmp_path / "night", tmp_path / "more"]).articles
    expected = {frozenset(s.article_ids) for s in group_stories(articles)}
    assert len(expected) == 2
    for seed in range(5):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        found = group_stories(shuffled)
        assert {frozenset(s.article_ids) for s in found} == expected
        assert sorted(s.label for s in found) == sorted(s.label for s in group_stories(articles))


def test_every_format_names_the_story(tmp_path: Path) -> None:
    write(tmp_path / "night", FLOODS)
    write(tmp_path / "night", MINE)
    decided = [
        EditorDecision(claim_id="mine-wire#1", verdict=Verdict.accurate),
        EditorDecision(claim_id="floods-wire#1", verdict=Verdict.inaccurate),
    ]
    report = report_of_paths([tmp_path / "night"], decisions=decided)
    labels = {s.id: f"Story {n}: {s.label}" for n, s in enumerate(report.stories, start=1)}
    story_of = {e.article.id: labels[e.story] for e in report.inputs if e.article and e.story}

    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert rows and all(row["story"] == story_of[row["article_id"]] for row in rows)

    html = render(report, "html")
    assert "<h2>Stories in this batch (2)</h2>" in html
    for label in labels.values():
        assert f"<h2>{escape(label)}</h2>" in html
    assert html.count('id="story-1-articles"') == 1 and html.count('id="story-2-articles"') == 1

    reviews = json.loads(render(report, "claimreview"))["@graph"]
    assert {r["identifier"]: r["about"]["name"] for r in reviews} == {
        "mine-wire#1": story_of["mine-wire"],
        "floods-wire#1": story_of["floods-wire"],
    }

    data = json.loads(render(report, "json"))
    assert [s["id"] for s in data["stories"]] == ["story-1", "story-2"]
    assert all(s["articles"] and s["claims"] for s in data["stories"])
    assert {item["story"] for item in data["triage"]["items"]} == {"story-1", "story-2"}
