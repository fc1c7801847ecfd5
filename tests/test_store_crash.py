"""Killing the process while decisions are being written loses nothing it confirmed.

A subprocess writes decisions in a loop and prints ``CONFIRMED <n>`` after each call
returns; the test SIGKILLs it mid-loop, then checks the file and every confirmed write.
"""

from __future__ import annotations

import os
import runpy
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from factories import article, claim

from assistant.model import (
    CheckKey,
    CheckStatus,
    ClaimKind,
    ExtractionResult,
    Verdict,
)
from assistant.store import Workspace

WRITER = Path(__file__).with_name("store_kill_writer.py")
writer = runpy.run_path(str(WRITER))  # the module's functions, without running main()


def seed(path: Path) -> None:
    """A workspace holding the claims the writer decides on."""
    article_id, count = writer["ARTICLE"], writer["CLAIMS"]
    claims = [claim(f"{article_id}#{n}", "x", kind=ClaimKind.event) for n in range(count)]
    with Workspace.open(path) as ws:
        ws.save_articles([article(article_id, "x", source="wire.txt")])
        ws.save_extraction(
            ExtractionResult(article_id=article_id, extractor="mock", claims=claims), run_started=0
        )


@pytest.mark.reliability
def test_a_killed_writer_loses_no_confirmed_decision_and_leaves_the_file_intact(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ws.factcheck"
    seed(path)
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    confirmed: list[int] = []
    while len(confirmed) < 40:
        line = proc.stdout.readline()
        if not line.startswith("CONFIRMED "):
            pytest.fail(f"the writer stopped early: {proc.communicate()[1]}")
        confirmed.append(int(line.split()[1]))
    assert proc.poll() is None, "the writer finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    printed_before_the_kill, _ = proc.communicate()
    confirmed += [int(line.split()[1]) for line in printed_before_the_kill.splitlines()]

    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    with Workspace.open(path) as ws:
        decisions = ws.decisions()
        audited = {
            (e.claim_id, e.action if e.action != "item" else e.key, e.new) for e in ws.audit()
        }
    for n in confirmed:
        claim_id, what, value = writer["planned_write"](n)
        decision = decisions[claim_id]
        if what == "verdict":
            assert decision.verdict == Verdict(value), n
        elif what == "note":
            assert decision.note == value, n
        else:
            assert decision.items[CheckKey(what)] == CheckStatus(value), n
        assert (claim_id, what, value) in audited, n
