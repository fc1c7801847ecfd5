"""Keeping the API key out of everything we write: logs, stderr, fixtures, tracebacks.

Gateways and proxies echo the key, or the whole ``Authorization`` header, in their error
bodies; instructor and openai quote those bodies in their own log lines. So the key is
replaced wherever text leaves the process, not only where we format it ourselves:

- ``install(key)`` registers the key and puts a redacting filter on every handler of the
  root logger (our own records and the libraries' alike), and a redacting ``sys.excepthook``;
- ``redact(text)`` is for the other exits (recorded fixtures, error texts).

A registered secret is replaced by ``[REDACTED]``; so is any ``Bearer <token>`` and
anything shaped like an OpenAI key (``sk-...``), registered or not.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from types import TracebackType

REDACTED = "[REDACTED]"
# Shorter values are placeholders ("no-key", "none") whose every occurrence in ordinary
# text would be blanked; no real key is this short.
MIN_SECRET_LENGTH = 8

_PATTERNS = re.compile(
    # "Authorization: Bearer <token>" however it is quoted; "Bearer" capitalised, so that
    # "bearer bonds" in an article quoted by a log line stays as it is.
    r"(?<=Bearer )[A-Za-z0-9._~+/=\-]{8,}"
    r"|(?<=BEARER )[A-Za-z0-9._~+/=\-]{8,}"
    r"|(?<=bearer )(?=[A-Za-z0-9._~+/=\-]*[0-9_\-])[A-Za-z0-9._~+/=\-]{16,}"
    r"|\bsk-[A-Za-z0-9_\-]{16,}"  # OpenAI-shaped keys (sk-..., sk-proj-...)
)

_lock = threading.Lock()
_secrets: tuple[str, ...] = ()


def add_secret(value: str | None) -> None:
    """Redact ``value`` from now on, in every process-wide exit (ignored if too short)."""
    global _secrets
    if value is None or len(value.strip()) < MIN_SECRET_LENGTH:
        return
    with _lock:
        if value not in _secrets:
            # Longest first, so a key that contains another is replaced whole.
            _secrets = tuple(sorted((*_secrets, value), key=len, reverse=True))


def redact(text: str) -> str:
    """``text`` with every registered secret, bearer token and key-shaped string replaced."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return _PATTERNS.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Renders the record's message (and traceback) redacted, before any formatter sees it.

    A filter on a handler sees every record the handler writes, whichever logger made it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a library's bad format string: keep what can be shown
            message = f"{record.msg!r} {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def redact_handler(handler: logging.Handler) -> None:
    if not any(isinstance(f, RedactingFilter) for f in handler.filters):
        handler.addFilter(RedactingFilter())


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    # Plain frames (file, line, code): never local variables, and never the key.
    text = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(redact(text))


def install(*keys: str | None) -> None:
    """Register ``keys`` and redact every root-logger handler and uncaught traceback."""
    for key in keys:
        add_secret(key)
    for handler in logging.getLogger().handlers:
        redact_handler(handler)
    sys.excepthook = _excepthook
