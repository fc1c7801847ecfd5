"""Ingest: files, directories, JSONL, HTML, PDF and DOCX into clean, tagged ``Article``s.

    batch = ingest_paths([Path("story/")], defaults=IngestDefaults(outlet="Daily"))
    batch.articles   # the articles, in input order
    batch.inputs     # every input with status ok/rejected and a reason

Stages, one module each: ``paths`` (what to read), ``decode`` (bytes to text),
``stream`` (a JSONL batch line by line), ``formats`` (txt, md, html, jsonl, pdf, docx
to documents), ``clean`` (control characters and invisible junk), ``lines`` (which lines
are captions, promos, footers ...), ``document`` (assembly into an ``Article``),
``batch`` (the public entry points).
"""

from assistant.ingest.batch import DEFAULT_MAX_BYTES, IngestBatch, ingest_paths, ingest_text
from assistant.ingest.metadata import IngestDefaults

__all__ = ["DEFAULT_MAX_BYTES", "IngestBatch", "IngestDefaults", "ingest_paths", "ingest_text"]
