"""Hostile article text is shown literally, does nothing, and the app keeps working."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from factories import article, quoted
from textual import events
from textual.pilot import Pilot
from textual.widgets import TextArea
from tui_package import write_package
from tui_screen import screen_text

from assistant.model import ClaimKind
from assistant.store import Workspace
from assistant.tui.app import FactcheckApp, make_app
from assistant.tui.screens.article import ArticleScreen
from assistant.tui.screens.claims import ClaimsScreen
from assistant.tui.screens.detail import ClaimDetailScreen
from assistant.tui.widgets.note import NoteArea

SIZE = (120, 36)


def hostile_workspace(tmp_path: Path, line: str, *, quote: str | None = None) -> Path:
    """One article carrying ``line``, a claim on it (statement = the quote), a note = ``line``."""
    text = f"Floods hit the valley.\n{line}\nOfficials said 300 people left."
    story = article(
        "hostile", text, outlet="Wire", title=line[:60], published=date(2026, 3, 3), source="h.txt"
    )
    claim = quoted(story, quote or line, 1, kind=ClaimKind.event)
    other = quoted(
        story,
        "Officials said 300 people left.",
        2,
        statement="300 people left.",
        kind=ClaimKind.event,
    )
    path = tmp_path / "hostile.sqlite"
    with Workspace.open(path) as workspace:
        write_package(workspace, [story], [claim, other])
        workspace.set_note(claim.id, line)
    return path


@asynccontextmanager
async def hostile_app(
    tmp_path: Path, line: str, *, quote: str | None = None
) -> AsyncIterator[tuple[FactcheckApp, Pilot[None], dict[str, str]]]:
    """The app on ``hostile_workspace``, after a first visit of every screen (as text)."""
    with Workspace.open(hostile_workspace(tmp_path, line, quote=quote)) as workspace:
        app = make_app(workspace, run_pipeline=False)
        async with app.run_test(size=SIZE) as pilot:
            yield app, pilot, await visit_every_screen(app, pilot)


async def visit_every_screen(app: FactcheckApp, pilot: Pilot[None]) -> dict[str, str]:
    """Overview, claims list, claim detail and article view, as text."""
    seen = {"overview": screen_text(app)}
    await pilot.press("c")
    assert isinstance(app.screen, ClaimsScreen)
    seen["claims"] = screen_text(app)
    await pilot.press("enter")
    assert isinstance(app.screen, ClaimDetailScreen)
    seen["detail"] = screen_text(app)
    await pilot.press("r")
    assert isinstance(app.screen, ArticleScreen)
    seen["article"] = screen_text(app)
    return seen


async def test_markup_in_article_text_renders_literally_and_does_nothing(tmp_path: Path) -> None:
    line = "Click [@click=app.quit]here[/] or [/bold] then [/] - he said [sic] [Reuters] [b]x[/b]"
    async with hostile_app(tmp_path, line) as (app, pilot, seen):
        assert "Click [@click=app.quit]here[/] or [/bold] then [/]" in seen["article"]
        assert "[sic] [Reuters] [b]x[/b]" in seen["article"]
        assert "Click [@click=app.quit]here[/] or [/bold]" in seen["claims"]
        assert "Click [@click=app.quit]here" in seen["overview"]  # the title
        # Clicking the would-be link in the article and in the claim detail quits nothing:
        # in the article, the click opens the claim the text belongs to (our action).
        await pilot.click("#article", offset=(12, 1))  # on "[@click=app.quit]"
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "hostile#1"
        await pilot.click("#claim", offset=(10, 0))
        await pilot.click("#note", offset=(10, 1))
        assert app.is_running
        assert app.screen.query_one("#note", TextArea).text == line


async def test_escape_sequences_never_reach_the_terminal(tmp_path: Path) -> None:
    line = (
        "Set \x1b]52;c;ZXZpbA==\x07clipboard, \x1b]0;pwned\x07title, \x1b[2Jclear, \x9b31mred\x00."
    )
    async with hostile_app(tmp_path, line) as (app, pilot, seen):
        for name, text in seen.items():
            assert not any(ch in text for ch in "\x1b\x07\x9b\x00"), name
        # The article view blanks control characters in place (its highlight offsets
        # must hold); elsewhere whole sequences go, payload and all.
        assert "]52;c;ZXZpbA==" in seen["article"]
        assert "clipboard, title, clear, red." in seen["detail"]
        assert "pwned" not in seen["detail"]
        # Pasted into the note, a sequence loses its control characters too.
        await pilot.press("escape", "w")
        note = app.screen.query_one(NoteArea)
        app.post_message(events.Paste("\x1b]0;pasted\x07 ok "))  # as the terminal sends it
        await pilot.pause()
        assert note.text.startswith("Set clipboard")  # the note's own text, made inert
        assert note.text.endswith(" ok ")  # w: pasted at the end, the sequence gone whole
        assert "pasted" not in note.text
        assert "\x1b" not in screen_text(app)
        assert app.is_running


async def test_a_50kb_single_line_article(tmp_path: Path) -> None:
    filler = "The river kept rising through the night. " * 1250  # 51,250 characters, no newline
    claim = "Officials said 4,000 people were evacuated."
    async with hostile_app(tmp_path, filler + claim, quote=claim) as (app, pilot, seen):
        assert claim in seen["detail"]
        # The article view scrolled to the claim at the end of the long line.
        assert claim in seen["article"]
        await pilot.press("n", "p", "escape", "n")  # still responsive
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == "hostile#2"


async def test_right_to_left_text(tmp_path: Path) -> None:
    line = "قال مسؤولون إن 4000 شخص تم إجلاؤهم — אלפים פונו מבתיהם"
    async with hostile_app(tmp_path, line) as (app, pilot, seen):
        assert line in seen["article"]
        assert line in seen["detail"]
        await pilot.press("escape", "n", "p")
        assert app.is_running


async def test_emoji_text(tmp_path: Path) -> None:
    line = "🌊 Floods: 2,000 evacuated 👨‍👩‍👧 families 🚒🚒 — 🇧🇷 state says"
    async with hostile_app(tmp_path, line) as (app, pilot, seen):
        assert "🌊 Floods: 2,000 evacuated" in seen["article"]
        assert "🌊 Floods: 2,000 evacuated" in seen["claims"]
        await pilot.press("escape", "n", "p")
        assert app.is_running
