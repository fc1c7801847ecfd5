"""Holding the workspace app's background load until a test lets it go."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from assistant.store import Workspace
from assistant.tui import app as app_module
from assistant.tui.package import Package


class GatedPackage(Package):
    """``Package.load`` that waits for the test to open the gate."""

    gate = threading.Event()

    @classmethod
    def load(
        cls,
        workspace: Workspace,
        cancelled: Callable[[], bool] = lambda: False,
        pause: Callable[[], None] = lambda: None,
    ) -> Package:
        assert cls.gate.wait(30)
        return Package.load(workspace, cancelled, pause)


def gate_loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every story loads in the background and waits for the gate this yields; the gate
    opens at the end, so no load is left waiting. For a fixture: ``yield from``."""
    monkeypatch.setattr(app_module, "BACKGROUND_ABOVE", 0)  # every story is "large"
    monkeypatch.setattr(app_module, "Package", GatedPackage)
    GatedPackage.gate = threading.Event()
    yield GatedPackage.gate
    GatedPackage.gate.set()
