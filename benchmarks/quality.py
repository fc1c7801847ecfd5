"""Accuracy on real coverage: the gold set scored, one column per extractor.

Runs every gold package of ``tests/gold/packages/`` (annotations of real multi-outlet
coverage in ``../shared/corpus/realworld-dev``) through the whole pipeline with each
extractor asked for, scores the report against the annotations, and scores
sentence-level uncertainty on ``hedges-dev``. Prints one table, each figure next to its
bound, then (with ``--examples N``) up to N examples of each kind of error, which is
where to look for the next failure class. ``factcheck eval`` prints the same table.

    python benchmarks/quality.py [--llm offline --llm mock] [--gold DIR|FILE ...]
                                 [--corpus DIR] [--examples N]
    python benchmarks/quality.py --agreement     # the two readers of tests/gold/second/

Exits 1 when a bound is missed, 2 when the gold or the corpus cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from assistant.evaluate.table import add_arguments, run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", help="gold files or folders")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head: not an error worth a traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
