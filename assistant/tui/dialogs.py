"""Modal dialogs; each returns its answer through ``dismiss``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Markdown, OptionList, Select, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from assistant.errors import ExportError
from assistant.model import Article, Verdict
from assistant.report.files import refuse_workspace_target
from assistant.report.render import FORMATS, format_for_path, with_format
from assistant.tui.badges import verdict_badge
from assistant.tui.safe import one_line_label, plain

HELP = Path(__file__).with_name("help.md")


class ErrorDialog(ModalScreen[None]):
    """Something in the background failed: say what, keep the app running."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "dismiss", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.message), classes="dialog-body")
            yield Button("Close", variant="error", id="close")

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)


# The last choice means "clear the verdict"; digits pick directly.
VERDICT_CHOICES: tuple[Verdict | None, ...] = (*Verdict, None)


class VerdictDialog(ModalScreen[Verdict | None | bool]):
    """Pick a verdict (1-5), 0 to clear it; escape returns False (no change)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        *(Binding(str(i + 1), f"choose({i})", show=False) for i in range(len(Verdict))),
        Binding("0", f"choose({len(Verdict)})", show=False),
    ]

    def __init__(self, current: Verdict | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        options = []
        for i, verdict in enumerate(VERDICT_CHOICES):
            key = str(i + 1) if verdict is not None else "0"
            # Padded as the badges are, so the five verdicts and "clear" line up.
            label = (
                verdict_badge(verdict) if verdict is not None else plain(" clear verdict ", "dim")
            )
            options.append(Option(plain(f"{key}  ").append_text(label), id=str(i)))
        with Vertical(classes="dialog"):
            yield Label("Verdict", classes="dialog-title")
            yield OptionList(*options, id="verdicts")

    def on_mount(self) -> None:
        verdicts = self.query_one("#verdicts", OptionList)
        verdicts.highlighted = VERDICT_CHOICES.index(self.current)

    @on(OptionList.OptionSelected, "#verdicts")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(event.option_index)

    def action_choose(self, index: int) -> None:
        self.dismiss(VERDICT_CHOICES[index])

    def action_cancel(self) -> None:
        self.dismiss(False)


class ConfirmDialog(ModalScreen[bool]):
    """Ask before something that cannot be taken back: y / enter yes, n / escape no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = "", yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog confirm"):
            yield Label(plain(self.question), classes="dialog-title")
            if self.detail:
                yield Static(plain(self.detail), classes="dialog-body")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="warning", id="yes")
                yield Button("No (n)", id="no")

    def on_mount(self) -> None:
        # Enter on the focused button answers; "No" first, so a stray enter is harmless.
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Choose the report format and where to write it.

    ``download``: in a browser (``factcheck serve``) the report is a download under the
    name chosen, and nothing on the server is written, so there is nothing to ask about.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, workspace_path: Path, *, download: bool = False) -> None:
        super().__init__()
        self.workspace_path = workspace_path
        self.download = download

    def default_path(self, fmt: str) -> Path:
        return self.workspace_path.with_name(with_format(f"{self.workspace_path.stem}-report", fmt))

    def compose(self) -> ComposeResult:
        fmt = FORMATS[0]
        with Vertical(classes="dialog"):
            yield Label("Export the report", classes="dialog-title")
            yield Select([(f, f) for f in FORMATS], value=fmt, allow_blank=False, id="format")
            yield Input(str(self.default_path(fmt)), id="path")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export")
                yield Button("Cancel", id="cancel")

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#path", Input)
        fmt = str(event.value)
        # Follow the format only while the path ends in a format's suffix.
        if format_for_path(path.value) not in (None, fmt):
            path.value = with_format(path.value, fmt)

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        # A path ending in a format's suffix picks that format, as -o does
        # ("x.claimreview.json" is ClaimReview, not JSON).
        fmt = format_for_path(event.value.strip())
        select = self.query_one("#format", Select)
        if fmt is not None and select.value != fmt:
            select.value = fmt

    @on(Button.Pressed, "#export")
    @on(Input.Submitted, "#path")
    def _export(self) -> None:
        path = self.query_one("#path", Input).value.strip()
        if not path:
            self.notify("Give a file to write", severity="warning")
            return
        request = ExportRequest(
            str(self.query_one("#format", Select).value), Path(path).expanduser()
        )
        if self.download:
            self.dismiss(request)
            return
        try:
            # Said here, before any "overwrite?": the answer could only be no.
            refuse_workspace_target(self.workspace_path, request.path)
        except ExportError as exc:
            self.notify(str(exc), title="Not exported", severity="error", markup=False)
            return
        if request.path.exists():
            self.app.push_screen(
                ConfirmDialog("Overwrite the existing file?", str(request.path), yes="Overwrite"),
                partial(self._overwrite, request),
            )
            return
        self.dismiss(request)

    def _overwrite(self, request: ExportRequest, yes: bool | None) -> None:
        if yes:
            self.dismiss(request)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class NameDialog(ModalScreen[str | None]):
    """The editor's name for the audit trail; escape keeps the current one.

    With ``session`` (a ``factcheck serve`` browser session's label) it is the question
    the session opens with, and escape leaves the session recorded under its label.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, current: str, *, session: str | None = None) -> None:
        super().__init__()
        self.current = current
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self.session is None:
                yield Label(
                    "Your name, as the audit trail and exports record it", classes="dialog-title"
                )
            else:
                yield Label("Who is deciding in this browser session?", classes="dialog-title")
                yield Static(
                    plain(
                        "Your name goes on every verdict, note and tick you make here, in "
                        f"the audit trail and the exports. Escape: recorded as “{self.session}”."
                    ),
                    classes="dialog-body",
                )
            yield Input(self.current, id="name", max_length=100)

    @on(Input.Submitted, "#name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = one_line_label(event.value, 100)
        if not name:
            self.notify("Give a name", severity="warning")
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class ArticlePick:
    """The picker's answer: one article, or ``None`` for every article."""

    article_id: str | None


# The picker lists this many matches at most: an OptionList of 3,000 articles takes a
# noticeable moment to build on every keystroke, and nobody reads that far.
PICKER_SHOWN = 100


class ArticlePicker(ModalScreen[ArticlePick | None]):
    """Choose the article the claims list shows: type to narrow, enter to pick.

    Matches outlet, title, date and id, in the package's order; escape keeps the list
    as it was.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("pageup", "move(-10)", show=False),
    ]

    def __init__(self, articles: list[Article], current: str | None) -> None:
        super().__init__()
        self.articles = articles
        self.current = current
        self._haystacks = [
            " ".join((a.outlet or "", a.title or "", str(a.published or ""), a.id)).casefold()
            for a in articles
        ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog picker"):
            yield Label("Show the claims of one article", classes="dialog-title")
            yield Input(placeholder="type to narrow: outlet, title, date, id", id="filter")
            yield OptionList(id="picks")
            yield Static(id="picker-count")

    def on_mount(self) -> None:
        self._show("")
        picks = self.query_one("#picks", OptionList)
        if self.current is not None:
            index = picks.get_option_index(self.current) if self._listed(self.current) else 0
            picks.highlighted = index

    def _listed(self, article_id: str) -> bool:
        try:
            self.query_one("#picks", OptionList).get_option(article_id)
        except OptionDoesNotExist:  # not among the first matches listed
            return False
        return True

    def _show(self, text: str) -> None:
        needle = text.casefold().strip()
        matches = [
            a for a, hay in zip(self.articles, self._haystacks, strict=True) if needle in hay
        ]
        options = [] if needle else [Option(plain("All articles", "bold"), id="")]
        for article in matches[:PICKER_SHOWN]:
            label = plain(article.outlet or "—", "bold")
            label.append_text(plain(f"  {article.published or 'undated'}  ", "dim"))
            label.append_text(plain(one_line_label(article.title or article.id, 80)))
            options.append(Option(label, id=article.id))
        picks = self.query_one("#picks", OptionList)
        picks.clear_options()
        picks.add_options(options)
        picks.highlighted = 0 if options else None
        shown = min(len(matches), PICKER_SHOWN)
        more = f" (the first {shown}: type to narrow)" if len(matches) > shown else ""
        self.query_one("#picker-count", Static).update(
            plain(f"{len(matches)} of {len(self.articles)} articles{more}", "dim")
        )

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(Input.Submitted, "#filter")
    def _submitted(self) -> None:
        picks = self.query_one("#picks", OptionList)
        if picks.highlighted is not None:
            self._pick(picks.get_option_at_index(picks.highlighted).id)

    @on(OptionList.OptionSelected, "#picks")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, option_id: str | None) -> None:
        self.dismiss(ArticlePick(option_id or None))

    def action_move(self, step: int) -> None:
        picks = self.query_one("#picks", OptionList)
        if picks.option_count:
            now = picks.highlighted or 0
            picks.highlighted = max(0, min(picks.option_count - 1, now + step))

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Keys and badges, from ``help.md``."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Markdown(HELP.read_text(encoding="utf-8"))
