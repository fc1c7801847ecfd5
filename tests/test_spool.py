"""Spools keep what a big batch writes once on disk, and give it back as written; and
extraction can hand each result on without keeping any."""

from __future__ import annotations

import asyncio
import io

from assistant import pipeline
from assistant.extract.offline import OfflineExtractor
from assistant.model import Article, ExtractionResult, ExtractionStatus
from assistant.spool import ResultSpool, Spool


def test_a_spool_gives_back_each_keyed_chunk_and_everything_in_order() -> None:
    with Spool() as spool:
        spool.append(b"head,")
        spool.append("één".encode(), key="a")
        spool.append(b"-b-", key="b")
        assert spool.get("b") == b"-b-" and spool.get("a") == "één".encode()
        spool.append(b"tail")  # appends go on at the end after a read
        out = io.BytesIO()
        spool.copy_to(out)
        assert out.getvalue() == "head,één-b-tail".encode()
        assert len(spool) == len(out.getvalue())
        cut = io.BytesIO()
        spool.copy_to(cut, end=5)
        assert cut.getvalue() == b"head,"
        assert "a" in spool and "c" not in spool


def _article(n: int) -> Article:
    return Article(
        id=f"a{n}",
        outlet="Daily Post",
        text=f"At least {100 + n} people were evacuated on Monday, the ministry said.",
        source=f"a{n}.txt",
    )


def test_the_result_spool_keeps_whole_results_on_disk_and_outcomes_in_memory() -> None:
    articles = [_article(n) for n in range(3)]
    results = asyncio.run(pipeline.extract_all(articles, OfflineExtractor()))
    failed = ExtractionResult(
        article_id="a9", extractor="offline", status=ExtractionStatus.failed, error="boom"
    )
    with ResultSpool() as spool:
        for result in [*results, failed]:
            spool.add(result)
        assert spool.load("a1") == results[1] and results[1].claims
        assert spool.load("missing") is None
        outcomes = spool.outcomes(["a9", "a0", "missing"])
        assert [o.article_id for o in outcomes] == ["a9", "a0"]
        assert outcomes[0].error == "boom" and outcomes[0].status is ExtractionStatus.failed
        assert outcomes[1].claims == [] and outcomes[1].usage == results[0].usage


def test_the_result_spool_gives_the_same_result_whether_still_in_memory_or_not() -> None:
    articles = [_article(n) for n in range(3)]
    results = asyncio.run(pipeline.extract_all(articles, OfflineExtractor()))
    with ResultSpool(recent=1) as spool:
        for result in results:
            spool.add(result)
        # a2 is the one kept in memory; a0 and a1 are read back from disk.
        assert spool.load("a2") is results[2]
        for result in results[:2]:
            loaded = spool.load(result.article_id)
            assert loaded == result and loaded is not result


def test_extract_each_hands_on_every_result_as_extract_all_returns_them() -> None:
    articles = [_article(n) for n in range(5)]
    landed: list[ExtractionResult] = []
    kept = asyncio.run(pipeline.extract_each(articles, OfflineExtractor(), on_result=landed.append))
    assert kept is None
    expected = asyncio.run(pipeline.extract_all(articles, OfflineExtractor()))
    by_id = {r.article_id: r for r in landed}
    assert len(landed) == 5
    assert [by_id[a.id].claims for a in articles] == [r.claims for r in expected]
