"""factcheck: an LLM-assisted fact-check assistant for newsroom editors."""

__version__ = "0.1.0"
