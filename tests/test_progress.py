"""The progress line of a batch: what the editor reads while it runs."""

from __future__ import annotations

from assistant.model import ExtractionResult, ExtractionStatus, Usage
from assistant.progress import Tally


def _result(
    article_id: str, *, tokens: int = 0, cached: bool = False, failed: bool = False
) -> ExtractionResult:
    return ExtractionResult(
        article_id=article_id,
        extractor="llm",
        status=ExtractionStatus.failed if failed else ExtractionStatus.ok,
        usage=Usage(prompt_tokens=tokens // 2, completion_tokens=tokens - tokens // 2, calls=1),
        cached=cached,
    )


def test_the_line_counts_done_failed_cached_and_the_tokens_this_run_spent() -> None:
    tally = Tally()
    assert str(tally) == "0 done · 0 failed · 0 cached"
    tally.add(_result("a", tokens=1500))
    tally.add(_result("b", tokens=99_000, cached=True))  # spent in an earlier run
    tally.add(_result("c", tokens=500, failed=True))
    assert str(tally) == "3 done · 1 failed · 1 cached · 2,000 tokens"
    tally.add(_result("d", tokens=30_000))
    assert str(tally).endswith("· 32.0k tokens")


def test_answers_being_streamed_show_until_their_article_is_done() -> None:
    tally = Tally()
    tally.piece("a", 120)
    tally.piece("b", 40)
    tally.piece("a", 300)
    assert str(tally) == "0 done · 0 failed · 0 cached · writing 2 answers (340 tokens so far)"
    tally.add(_result("a", tokens=2000))
    assert str(tally) == (
        "1 done · 0 failed · 0 cached · 2,000 tokens · writing 1 answer (40 tokens so far)"
    )
