"""How the rule layer scales: normalize + compare + checklist on 10k and 100k claims.

Synthetic story packages (one flood per package, 8-24 articles over three days, several
outlets) with a realistic mix of metrics and their synonyms, periods (weekdays, "so far",
"overnight", none, unresolvable), sources written differently, wire intermediaries,
conflicting, rounded and bounded figures, breakdowns into parts, verification
disclaimers and superlatives. Everything is run as one batch, as a standards desk would.

    python benchmarks/compare_scale.py            # prints a table and PASS/FAIL

Bounds, from the issue ("100k claims compared in under 5 s"): the compare stage alone must
take under 5 s for 100k claims, and its 100k/10k time ratio must be at most 12
(near-linear). Normalize and checklist are timed and printed next to it but held only to
the same near-linearity bound (ratio at most 12); the total is reported, not bounded.
Exit status 1 when a bound fails.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import date

from assistant.checklist import build_checklists
from assistant.compare import compare
from assistant.model import (
    Article,
    Bound,
    Claim,
    ClaimKind,
    Hedge,
    HedgeKind,
    HedgeScope,
    Period,
    Quantity,
    SourceLink,
    SourceRole,
    Span,
)
from assistant.normalize import normalize_claims

SIZES = (10_000, 100_000)
BOUND_SECONDS = 5.0
BOUND_RATIO = 12.0

OUTLETS = ["Daily Post", "Evening Star", "The Courier", "Wire Digest", "Metro", "The Ledger"]
SOURCES = [
    "the interior ministry",
    "the Ministry of the Interior",
    "interior ministry officials",
    "the health ministry",
    "hospital officials",
    "the Red Cross",
    "police",
    None,
]
WIRES = ["Reuters", "AP", "AFP", None, None, None]
PERIODS = [
    None,
    None,
    "so far",
    "on Monday",
    "on Tuesday",
    "overnight",
    "since the floods began",
    "in the past 24 hours",
    "during the storm",
]
# (metric phrases as different articles write them, typical size)
METRICS = [
    (["dead", "people died", "killed", "deaths"], 40),
    (["injured", "injuries", "people injured"], 150),
    (["people evacuated", "residents forced to leave their homes", "evacuees"], 30_000),
    (["people rescued", "rescued"], 400),
    (["people displaced", "displaced"], 8_000),
    (["trucks"], 60),
    (["vehicles"], 300),
    (["boats sunk"], 12),
]


@dataclass
class Corpus:
    articles: list[Article]
    claims: list[Claim]


class _Writer:
    """Builds one article sentence by sentence, keeping the span of every claim."""

    def __init__(self, article_id: str) -> None:
        self.article_id = article_id
        self.text = ""
        self.claims: list[Claim] = []

    def sentence(self, text: str, *, new_paragraph: bool = False) -> int:
        if self.text:
            self.text += "\n\n" if new_paragraph else " "
        start = len(self.text)
        self.text += text
        return start

    def claim(self, quote: str, at: int, **fields: object) -> Claim:
        start = self.text.index(quote, at)
        claim = Claim.model_validate(
            {
                "id": f"{self.article_id}#{len(self.claims) + 1}",
                "article_id": self.article_id,
                "quote": quote,
                "span": Span(start=start, end=start + len(quote)),
                "statement": quote,
                "kind": ClaimKind.quantity,
            }
            | fields
        )
        self.claims.append(claim)
        return claim


def _figure(rng: random.Random, truth: int) -> Quantity:
    """How an outlet reports the true figure: as is, rounded, as a bound, or wrong."""
    roll = rng.random()
    if roll < 0.6:
        return Quantity(value=truth, text=f"{truth:,}")
    if roll < 0.75:
        rounded = round(truth, -2) if truth >= 1000 else truth
        return Quantity(value=rounded, bound=Bound.about, text=f"about {rounded:,}")
    if roll < 0.85:
        floor = max(1, truth - truth // 10)
        return Quantity(value=floor, bound=Bound.more_than, text=f"more than {floor:,}")
    wrong = truth + rng.randint(1, max(2, truth // 3))
    return Quantity(value=wrong, text=f"{wrong:,}")


def _attribution(rng: random.Random) -> list[SourceLink]:
    links = []
    if wire := rng.choice(WIRES):
        links.append(SourceLink(name=wire, role=SourceRole.intermediary))
    if source := rng.choice(SOURCES):
        links.append(SourceLink(name=source, role=SourceRole.original))
    return links


def _article(rng: random.Random, package: int, n: int, truths: dict[str, int]) -> _Writer:
    writer = _Writer(f"p{package}-a{n}")
    subject = f"the Town{package} floods"
    for index in range(rng.randint(3, 6)):
        phrases, _ = rng.choice(METRICS)
        metric = rng.choice(phrases)
        quantity = _figure(rng, truths[phrases[0]])
        period = rng.choice(PERIODS)
        quote = f"{quantity.text} {metric}" + (f" {period}" if period else "")
        at = writer.sentence(f"Officials said {quote}.", new_paragraph=index % 3 == 0 and index > 0)
        writer.claim(
            quote,
            at,
            subject=subject,
            metric=metric,
            quantity=quantity,
            period=Period(text=period) if period else None,
            attribution=_attribution(rng),
        )
    if rng.random() < 0.3:  # a breakdown into parts that may or may not add up
        damaged = truths["homes damaged"]
        flooded = damaged * 3 // 5
        destroyed = damaged - flooded - (rng.random() < 0.3) * 10
        text = (
            f"{damaged} homes were damaged, of which {flooded} flooded and {destroyed} destroyed."
        )
        at = writer.sentence(text)
        for quote, metric, value in [
            (f"{damaged} homes were damaged", "homes damaged", damaged),
            (f"{flooded} flooded", "homes flooded", flooded),
            (f"{destroyed} destroyed", "homes destroyed", destroyed),
        ]:
            writer.claim(
                quote,
                at,
                subject=subject,
                metric=metric,
                quantity=Quantity(value=value, text=str(value)),
            )
    if rng.random() < 0.15:
        at = writer.sentence("It was the worst flooding since records began.")
        writer.claim("It was the worst flooding since records began", at, kind=ClaimKind.comparison)
    if rng.random() < 0.2 and writer.claims:
        at = writer.sentence("These figures could not be independently verified.")
        cue = "could not be independently verified"
        start = writer.text.index(cue, at)
        disclaimer = Hedge(
            cue=cue,
            span=Span(start=start, end=start + len(cue)),
            kind=HedgeKind.verification_disclaimer,
            scope=HedgeScope.preceding,
        )
        last = writer.claims[-1]
        writer.claims[-1] = last.model_copy(update={"hedges": [disclaimer]})
    return writer


def corpus(size: int, seed: int = 7) -> Corpus:
    """Story packages totalling at least ``size`` claims, cut to exactly ``size``."""
    rng = random.Random(seed)
    articles: list[Article] = []
    claims: list[Claim] = []
    package = 0
    while len(claims) < size:
        truths = {phrases[0]: rng.randint(base // 2, base * 2) for phrases, base in METRICS}
        truths["homes damaged"] = rng.randint(100, 900)
        for n in range(rng.randint(8, 24)):
            writer = _article(rng, package, n, truths)
            articles.append(
                Article(
                    id=writer.article_id,
                    outlet=rng.choice(OUTLETS),
                    published=date(2026, 3, rng.randint(2, 4)),
                    text=writer.text,
                    source=f"{writer.article_id}.txt",
                )
            )
            claims.extend(writer.claims)
        package += 1
    return Corpus(articles, claims[:size])


def run(size: int, repeat: int = 3) -> dict[str, float]:
    """Seconds per stage for ``size`` claims: the fastest of ``repeat`` runs after a warm-up.

    The warm-up run is discarded, as timeit and pyperf do: the first touch of fresh memory
    is expensive in a virtual machine and says nothing about the rule layer.
    """
    data = corpus(size)
    best: dict[str, float] = {}
    for attempt in range(repeat + 1):
        started = time.perf_counter()
        claims = normalize_claims(data.articles, data.claims)
        normalized = time.perf_counter()
        comparison = compare(data.articles, claims)
        compared = time.perf_counter()
        build_checklists(claims, comparison)
        done = time.perf_counter()
        del claims, comparison
        stages = {
            "normalize": normalized - started,
            "compare": compared - normalized,
            "checklist": done - compared,
        }
        if attempt:
            best = {k: min(v, best.get(k, v)) for k, v in stages.items()}
    return best


def main() -> int:
    results = {size: run(size) for size in SIZES}
    stages = ("normalize", "compare", "checklist")
    print(f"{'claims':>8}  " + "  ".join(f"{name:>18}" for name in (*stages, "total")))
    for size, times in results.items():
        times["total"] = sum(times[name] for name in stages)
        cells = "  ".join(
            f"{times[n]:>6.2f}s {size / times[n]:>8,.0f}/s" for n in (*stages, "total")
        )
        print(f"{size:>8,}  {cells}")
    small, large = (results[size] for size in SIZES)
    ratios = {name: large[name] / small[name] for name in (*stages, "total")}
    print("100k/10k time ratio: " + ", ".join(f"{n} {r:.1f}" for n, r in ratios.items()))
    checks = [
        (
            f"compare: {SIZES[1]:,} claims in {large['compare']:.2f} s "
            f"(bound < {BOUND_SECONDS:g} s, the issue's bound)",
            large["compare"] < BOUND_SECONDS,
        ),
        *(
            (
                f"{name}: 100k/10k time ratio {ratios[name]:.1f} (bound <= {BOUND_RATIO:g})",
                ratios[name] <= BOUND_RATIO,
            )
            for name in stages
        ),
    ]
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")
    print(
        f"info  normalize {large['normalize']:.2f} s, checklist {large['checklist']:.2f} s, "
        f"total {large['total']:.2f} s for {SIZES[1]:,} claims (no time bound)"
    )
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
