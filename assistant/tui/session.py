"""The editor's session: the open workspace, its read model, and the decisions written to it.

Screens read from here and write through here, so every decision goes to the workspace
first (durable when the call returns) and only then into what the screens show.
No Textual in here.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.model import CheckKey, ChecklistItem, CheckStatus, Verdict
from assistant.store import StaleDecisionError, Workspace
from assistant.tui.package import (
    ClaimEntry,
    ClaimQuery,
    ClaimSort,
    Jump,
    Package,
    count_open,
    next_entry,
    next_status,
    select,
)


class Session:
    """One workspace opened in the app."""

    def __init__(
        self,
        workspace: Workspace,
        on_stale: Callable[[StaleDecisionError], None] | None = None,
        *,
        outline: bool = False,
    ) -> None:
        """``outline``: read only the package's outline now (``Package.outline``); the
        caller loads the rest elsewhere and hands it over with ``loaded``."""
        self.workspace = workspace
        # Told when a decision write is refused because another session changed the claim
        # since this one loaded it (the app shows it and reloads); None: the error is raised.
        self.on_stale = on_stale
        self.package = Package.outline(workspace) if outline else Package.load(workspace)
        self.loading = outline  # a load of the package is under way elsewhere
        self.query = ClaimQuery()
        self.visible: list[ClaimEntry] = select(self.package.entries, self.query)
        self.generation = 0  # bumped on every reload so screens know to redraw
        self.changed: set[str] = set()  # claims whose decision changed since the list last looked
        self.current: str | None = None  # the claim the editor has open
        self._written: set[str] = set()  # claims decided on since a load began

    def reload(self) -> None:
        """Re-read the workspace (after a pipeline run wrote to it)."""
        self.package = Package.load(self.workspace)
        self.visible = select(self.package.entries, self.query)
        self.generation += 1
        self.changed.clear()

    def begin_load(self) -> None:
        """A load of the package starts elsewhere; ``loaded`` will take its result."""
        self.loading = True
        self._written.clear()

    def loaded(self, package: Package) -> None:
        """Show ``package``, read elsewhere since ``begin_load``: as ``reload``, except
        that a decision written meanwhile is read again (the load may predate it)."""
        self.package = package
        self.visible = select(self.package.entries, self.query)
        self.generation += 1
        self.changed.clear()
        self.loading = not package.complete
        for claim_id in self._written:
            self._refresh(claim_id)
        if package.complete:
            self._written.clear()

    def apply(self, query: ClaimQuery) -> list[ClaimEntry]:
        """Make ``query`` the claims list's query; returns the claims it shows."""
        self.query = query
        if query.sort is ClaimSort.status:
            for entry in self.package.entries:
                self.open_items(entry)
        self.visible = select(self.package.entries, query)
        return self.visible

    def place(self, claim_id: str) -> str:
        """Where the claim sits in the list being worked through: '3 of 12'."""
        ids = [e.id for e in self.visible]
        if claim_id in ids:
            return f"{ids.index(claim_id) + 1} of {len(ids)}"
        return f"not in the list ({self.query.filter.value})"

    def neighbour(self, claim_id: str, step: int) -> ClaimEntry | None:
        """The claim ``step`` places from ``claim_id`` in the list the editor is working through."""
        ids = [e.id for e in self.visible]
        if claim_id not in ids:
            return self.visible[0] if self.visible else None
        index = ids.index(claim_id) + step
        return self.visible[index] if 0 <= index < len(ids) else None

    def jump(self, after: str | None, jump: Jump) -> ClaimEntry | None:
        """The next claim ``jump`` wants after ``after``: in the list being worked
        through, else anywhere in the package (the list may filter it out)."""
        return next_entry(self.visible, after, jump) or next_entry(
            self.package.entries, after, jump
        )

    def open_items(self, entry: ClaimEntry) -> int:
        """How many of the claim's checklist items are still open (counted once, then kept)."""
        if entry.open_items is None:
            entry.open_items = count_open(self.checklist(entry.id))
        return entry.open_items

    # ------------------------------------------------------------------ decisions

    def checklist(self, claim_id: str) -> list[ChecklistItem]:
        return self.workspace.checklist(claim_id)

    def cycle_item(self, claim_id: str, key: CheckKey) -> CheckStatus:
        """Move one checklist item to its next status; returns the status saved."""
        items = {item.key: item for item in self.checklist(claim_id)}
        item = items[key]
        status = next_status(item.editor_status)
        self.set_item(claim_id, key, status)
        return status

    def set_item(self, claim_id: str, key: CheckKey, status: CheckStatus | None) -> bool:
        """Save the editor's status for one item (``None`` goes back to the automatic one);
        False when refused as stale (see ``on_stale``)."""
        return self._write(
            claim_id, lambda v: self.workspace.set_item_status(claim_id, key, status, based_on=v)
        )

    def set_verdict(self, claim_id: str, verdict: Verdict | None) -> bool:
        return self._write(
            claim_id, lambda v: self.workspace.set_verdict(claim_id, verdict, based_on=v)
        )

    def set_note(self, claim_id: str, note: str) -> bool:
        """Save ``note`` unless it is already the saved one; True when it wrote."""
        entry = self.package.by_id.get(claim_id)
        if entry is not None and entry.decision.note == note:
            return False
        return self._write(claim_id, lambda v: self.workspace.set_note(claim_id, note, based_on=v))

    def _write(self, claim_id: str, write: Callable[[int | None], None]) -> bool:
        """Write based on the decision as this session shows it, so a change made in
        another session since is never overwritten unseen."""
        entry = self.package.by_id.get(claim_id)
        try:
            write(None if entry is None else entry.decision.version)
        except StaleDecisionError as stale:
            self._refresh(claim_id)
            if self.on_stale is None:
                raise
            self.on_stale(stale)
            return False
        self._refresh(claim_id)
        return True

    def _refresh(self, claim_id: str) -> None:
        self._written.add(claim_id)
        entry = self.package.by_id.get(claim_id)
        if entry is None:
            return
        entry.decision = self.workspace.decision(claim_id)
        self.package.decisions_changed()
        entry.open_items = count_open(self.checklist(claim_id))
        self.changed.add(claim_id)
