"""Extractors turn an Article into claims. See ``base.Extractor`` for the contract."""

from assistant.extract.base import Extractor

__all__ = ["Extractor"]
