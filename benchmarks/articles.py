"""Synthetic articles for the benchmarks that run ``factcheck report`` end to end.

Two kinds, both deterministic (the same arguments give the same bytes):

- ``write_short_articles``: short articles of three figures, each in its own Markdown
  file, on eight towns (grouped into eight stories by the town's name), so the rule
  layer has little to do and a run's time is the extraction's (``cache_rerun.py``,
  ``batch_throughput.py``);
- ``write_long_articles``: a night's output as one JSONL file -- dated articles of about
  2 KB, several outlets covering each of many unrelated events over a few days, with what
  real coverage carries: figures with bounds and periods, totals that move from day to
  day, breakdowns into parts, sources through wires, hedges and disclaimers,
  superlatives, quotes from residents, and the background prose around them
  (``memory.py``). No ``story`` field: the batch is grouped by shared names, as a
  night's wire would be.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

TOWNS = ("Arlen", "Brisk", "Calder", "Dunmore", "Elsby", "Fenwick", "Garth", "Holm")


def write_short_articles(folder: Path, n: int) -> None:
    """``n`` distinct short articles as ``story-NNNN.md``, on eight towns in turn."""
    for i in range(n):
        town = f"{TOWNS[i % len(TOWNS)]} {i}"
        (folder / f"story-{i:04d}.md").write_text(
            f"---\noutlet: Desk {i}\npublished: 2026-03-0{1 + i % 9}\n---\n"
            f"At least {100 + i} people were evacuated from {town} on Monday, the interior "
            f"ministry said. {3 + i % 7} people died, according to the regional police.\n\n"
            f"About {20 + i % 50} homes were damaged, officials said.\n",
            encoding="utf-8",
        )


# A night's output: names are built from syllables so each event has names of its own
# (as real events do), next to the names every story shares (wires, the Red Cross).
_ONSETS = ("b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kl", "l", "m", "n", "p", "r", "s",
           "st", "t", "tr", "v", "w", "z")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "ae", "ei", "ou")
_CODAS = ("", "n", "r", "l", "s", "th", "m", "nd", "rk", "st")
_TOWN_ENDS = ("holt", "mouth", "bridge", "ford", "wick", "by", "ton", "stead", "mere", "dale")
_FIRST = ("Anna", "Marek", "Lena", "Tomas", "Ines", "Pavel", "Rosa", "Jonas", "Mira", "Karl",
          "Elena", "David", "Sara", "Omar", "Lucia", "Viktor")  # fmt: skip
OUTLETS = ("Daily Post", "Evening Star", "The Courier", "Metro", "The Ledger", "Wire Digest",
           "Morning Herald", "The Observer")  # fmt: skip
_WIRES = ("Reuters", "AP", "AFP")
_EVENTS = (
    ("floods", "flooding", "the river burst its banks"),
    ("wildfire", "fire", "the fire jumped the ridge"),
    ("storm", "storm", "the storm made landfall"),
    ("earthquake", "earthquake", "the quake struck before dawn"),
    ("mine collapse", "collapse", "a gallery of the mine caved in"),
    ("train derailment", "derailment", "the night train left the rails"),
)
_AGENCIES = ("the interior ministry", "the civil protection agency",
             "the regional governor's office", "the fire service")  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)]
    parts += [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables - 1)]
    return "".join(parts).capitalize()


@dataclass(frozen=True)
class _Event:
    """One story: what happened where, who speaks for it, and the true running totals
    of its figures at the end of each day of coverage."""

    kind: tuple[str, str, str]
    town: str
    neighbour: str
    region: str
    official: str
    agency: str
    resident: str
    started: date
    deaths: tuple[int, ...]
    injured: tuple[int, ...]
    evacuated: tuple[int, ...]
    homes: tuple[int, ...]


def _event(rng: random.Random, number: int, days: int) -> _Event:
    def running(start: int, step: int) -> tuple[int, ...]:
        totals = [start]
        for _ in range(days - 1):
            totals.append(totals[-1] + rng.randint(0, step))
        return tuple(totals)

    return _Event(
        kind=rng.choice(_EVENTS),
        town=_word(rng, 1) + rng.choice(_TOWN_ENDS),
        neighbour=_word(rng, 2),
        region=f"{_word(rng, 2)} province",
        official=f"{rng.choice(_FIRST)} {_word(rng, 2)}",
        agency=rng.choice(_AGENCIES),
        resident=f"{rng.choice(_FIRST)} {_word(rng, 2)}",
        # Events start on the days of a month, so stories overlap in time as a night does.
        started=date(2026, 3, 1) + timedelta(days=number % 28),
        deaths=running(rng.randint(3, 40), 6),
        injured=running(rng.randint(20, 200), 30),
        evacuated=running(rng.randint(1_000, 40_000), 3_000),
        homes=running(rng.randint(100, 900), 80),
    )


def _figure(rng: random.Random, truth: int) -> str:
    """How an outlet writes the true figure: as is, rounded, as a bound, or wrong."""
    roll = rng.random()
    if roll < 0.55:
        return f"{truth:,}"
    if roll < 0.7 and truth >= 1_000:
        return f"about {round(truth, -2):,}"
    if roll < 0.85:
        return f"more than {max(1, truth - truth // 10):,}"
    return f"{truth + rng.randint(1, max(2, truth // 4)):,}"  # an outlet got it wrong


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _source(rng: random.Random, event: _Event) -> str:
    wire = rng.choice((*_WIRES, None, None))
    said = rng.choice((f"{event.agency} said", f"according to {event.agency}"))
    return f"{said}, {wire} reported" if wire else said


def _article_text(rng: random.Random, event: _Event, day: int) -> str:
    """About 2 KB of coverage on the ``day``-th day of the event."""
    name, noun, how = event.kind
    weekday = _WEEKDAYS[(event.started + timedelta(days=day)).weekday()]
    deaths, injured = event.deaths[day], event.injured[day]
    homes = event.homes[day]
    flooded = homes * 3 // 5
    destroyed = homes - flooded - (10 if rng.random() < 0.3 else 0)  # sometimes off by ten
    paragraphs = [
        f"{_cap(_figure(rng, deaths))} people have died and {_figure(rng, injured)} were injured "
        f"so far in the {name} in {event.town}, in {event.region}, {_source(rng, event)}. "
        f"Officials said {how} on {_WEEKDAYS[event.started.weekday()]}.",
        f"More than {event.evacuated[day] - event.evacuated[day] // 10:,} residents of "
        f"{event.town} and neighbouring {event.neighbour} were evacuated, "
        f"{_source(rng, event)}. {_cap(_figure(rng, 200 + deaths * 7))} soldiers and volunteers "
        f"were deployed on {weekday}, and the Red Cross opened shelters in schools and "
        "sports halls across the province.",
        f"{homes} homes were damaged, of which {flooded} were flooded and {destroyed} "
        f"destroyed, {event.official}, who heads the emergency committee in {event.region}, "
        f"told reporters in {event.town} on {weekday}.",
        f"On {weekday} alone, {rng.randint(12, 140)} people were rescued from rooftops and "
        "cars by helicopter crews, the coast guard said.",
        f'"We lost everything in one night," said {event.resident}, '
        f"{rng.randint(24, 81)}, who spent the night in a shelter in {event.neighbour}. "
        "Her house stood two streets from the river, and the water came up through the "
        "floor before anyone told the family to leave.",
        f"It was the worst {noun} in {event.region} since records began, "
        f"{_source(rng, event)}. Some of the figures could not be independently verified, "
        "and the death toll was reportedly expected to rise as rescue teams reached "
        f"villages cut off since {_WEEKDAYS[event.started.weekday()]}.",
        f"Roads between {event.town} and {event.neighbour} remained closed, and power was "
        f"cut to about {_figure(rng, 12_000 + homes * 10)} homes, the grid operator said.",
        f"Brown water still stood in the streets of the old town of {event.town}, and "
        "shopkeepers carried what they could to the upper floors. Along the river, cars lay "
        "on their sides where the current had left them, and the smell of diesel hung over "
        "the square. Volunteers handed out bread and blankets from the back of a lorry "
        "while church bells rang across the valley.",
        f"{event.official} said an inquiry would look at whether warnings had been issued "
        "in time. In the villages upstream, where the first alarms sounded, families waited "
        "by the roadside for news of relatives they had not reached since the telephone "
        "lines went down.",
    ]
    return "\n\n".join(paragraphs)


def long_articles(n: int, *, per_story: int = 8, seed: int = 11) -> Iterator[dict[str, str]]:
    """``n`` JSONL records (id, outlet, title, url, published, text) of about 2 KB each,
    ``per_story`` articles per event on average, each event covered over three days."""
    rng = random.Random(seed)
    days = 3
    made = 0
    number = 0
    while made < n:
        event = _event(rng, number, days)
        for k in range(min(n - made, rng.randint(per_story // 2, per_story * 3 // 2))):
            day = k % days
            published = event.started + timedelta(days=day)
            outlet = OUTLETS[(number + k) % len(OUTLETS)]
            yield {
                "id": f"s{number:04d}-a{k:02d}",
                "outlet": outlet,
                "title": f"{event.kind[0].capitalize()} in {event.town}: toll rises",
                "url": f"https://news.example/{number}/{k}",
                "published": published.isoformat(),
                "text": _article_text(rng, event, day),
            }
            made += 1
        number += 1


def write_long_articles(path: Path, n: int, *, per_story: int = 8, seed: int = 11) -> None:
    """``long_articles`` as one JSONL file, line by line."""
    with path.open("w", encoding="utf-8") as out:
        for record in long_articles(n, per_story=per_story, seed=seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
