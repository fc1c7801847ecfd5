"""The footer of every screen: Textual's, rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """Everything of ``screen``'s active bindings that a footer draws."""
    app = screen.app
    return tuple(
        (
            binding.key,
            app.get_key_display(binding),
            binding.description,
            binding.action,
            binding.show,
            binding.group,
            binding.tooltip,
            enabled,
            tooltip,
        )
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
    )


class KeysFooter(Footer):
    """Textual's ``Footer``, rebuilt only when the keys it shows change.

    The Footer removes its keys and mounts them again whenever the screen's bindings may
    have changed: on every focus change, screen switch and ``refresh_bindings``. That
    took 25-60 ms on two busy cores, paid by the key that caused it (opening the claims
    list, a filter, the next claim), and it nearly always drew the same keys again. They
    change far more rarely: "x Cancel run" when a run starts or ends, say.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        keys = shown_keys(screen)
        if keys == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = keys  # what the rebuild the Footer schedules now will draw
        super().bindings_changed(screen)
