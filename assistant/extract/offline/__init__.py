"""The offline extractor: rules instead of a model (see ``extractor`` for what it finds).

``find_hedges`` is public for the LLM layer's grounding, which adds the lexicon's cues
that a model missed.
"""

from assistant.extract.offline.extractor import OfflineExtractor
from assistant.extract.offline.hedges import find_hedges

__all__ = ["OfflineExtractor", "find_hedges"]
