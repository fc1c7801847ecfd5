"""Lexicons are data: word lists written as plain strings of words, easy to extend."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, as a set."""
    return frozenset(text.split())
