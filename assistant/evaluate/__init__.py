"""Scoring factcheck against gold annotations of real coverage (``tests/gold/``).

    gold.py     the annotation format: load, locate every quote in its article, check
    match.py    which tool claim answers which gold figure, statement and hedge
    score.py    the figures of merit: extraction, attribution, hedges, each cross-article rule
    hedges.py   sentence-level uncertainty on cue-annotated sentences (hedges-dev)

The rule layer and extractors know nothing of this package; it only reads their output.
"""
