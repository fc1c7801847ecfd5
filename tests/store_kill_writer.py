"""The crash test's victim: writes editor decisions into a workspace until it is killed.

    python store_kill_writer.py WORKSPACE

Write ``n`` is ``planned_write(n)``; after each ``set_*`` call returns, the script prints
``CONFIRMED <n>`` and flushes, as the TUI would show a decision as saved.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.model import CheckKey, CheckStatus, Verdict
from assistant.store import Workspace

ARTICLE = "wire"
CLAIMS = 3000  # far more writes than the test waits for before it kills

_VERDICTS = list(Verdict)
_KEYS = list(CheckKey)


def planned_write(n: int) -> tuple[str, str, str]:
    """(claim id, what, value) of write ``n``: each claim gets a verdict, an item, a note."""
    claim = n // 3
    claim_id = f"{ARTICLE}#{claim}"
    if n % 3 == 0:
        return claim_id, "verdict", _VERDICTS[claim % len(_VERDICTS)].value
    if n % 3 == 1:
        return claim_id, _KEYS[claim % len(_KEYS)].value, CheckStatus.failed.value
    return claim_id, "note", f"write {n}: confirmed by phone ✅ — الوزارة"


def main(path: Path) -> None:
    with Workspace.open(path, actor="writer") as ws:
        for n in range(3 * CLAIMS):
            claim_id, what, value = planned_write(n)
            if what == "verdict":
                ws.set_verdict(claim_id, Verdict(value))
            elif what == "note":
                ws.set_note(claim_id, value)
            else:
                ws.set_item_status(claim_id, CheckKey(what), CheckStatus(value))
            print(f"CONFIRMED {n}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
