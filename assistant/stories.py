"""Which articles of a batch cover the same story: the rule layer compares within a story only.

A night's output holds many unrelated events; "deaths on Monday" in two of them are two
counts, never a conflict. Each article gets a story, in this order:

1. the ``story`` its input names (a JSONL field, Markdown front matter);
2. else its folder, when the batch spans several: each folder given on the command line
   is a story, and so is each of its immediate sub-folders (files directly in a given
   folder with sub-folders are that folder's story);
3. else automatic grouping (``similar_groups``): the articles whose capitalised names
   (people, places, organisations) overlap enough, as TF-IDF cosine similarity, are one
   story, linked transitively; articles published far apart need a larger overlap.

Pure and deterministic: the same articles in any order give the same stories (the
stories are numbered by their first article in batch order, so the report follows it).
``benchmarks/story_grouping.py`` measures the automatic grouping on real packages.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.paths import name_of
from assistant.model import Article, StoryBasis

__all__ = [
    "LINK_THRESHOLD",
    "Story",
    "StoryBasis",
    "folder_stories",
    "group_stories",
    "similar_groups",
]

# Two articles are one story when the cosine similarity of their name vectors reaches
# this. Unrelated real stories share only common names (a capital, a president). On the
# 37 development packages, three uses are held to their bounds: the packages mixed with
# their dates and mixed with no dates (purity >= 0.95, recall >= 0.9), and each package
# given alone, as a desk runs one story's coverage, where a split silently hides its
# conflicts (>= 95 % kept whole). All three hold from 0.30 to 0.34; this is the middle
# of that range, not a value fit to one package (``benchmarks/story_grouping.py
# --sweep`` prints it). Above 0.34 packages given alone start to split.
LINK_THRESHOLD = 0.32
# Coverage of one event comes within days; a follow-up months later (the trial, the
# verdict) must share more names to be taken as the same story: the threshold is raised
# by this factor for articles published further apart than ``DATE_WINDOW_DAYS``.
DATE_WINDOW_DAYS = 30
FAR_APART_FACTOR = 1.25
# Each article keeps its strongest names only, so the pairs compared stay few on a
# night's output (a common name is in many articles, but rarely among their strongest).
NAMES_PER_ARTICLE = 40
LABEL_NAMES = 3

# Capitalised words that are not names: sentence starters, days, months, titles.
_NOT_NAMES = frozenset(
    """
    a about after again all also an and any are as at be been before being both but by
    can could did do does during each even every few for from had has have he her here
    his how i if in into is it its just last many may me might more most mr mrs ms dr
    much must my new no not now of on once one only or other our out over own said says
    she should since so some still such than that the their them then there these they
    this those though through to too two under until up very was we were what when where
    which while who whom whose why will with would year yet you your
    monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december
    """.split()  # noqa: SIM905 -- a word list reads better as words
)
_JSONL_LINE = re.compile(r"#L\d+\Z")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# What comes right before a word that starts a sentence (or a line, or a quotation).
_SENTENCE_START = re.compile(r"(?:\A|[.!?:]\s+|\n\s*)[\"'“‘(\[—–-]*\s*\Z")


@dataclass(frozen=True)
class Story:
    id: str
    label: str
    basis: StoryBasis
    article_ids: tuple[str, ...]


def group_stories(
    articles: Sequence[Article],
    *,
    folders: Mapping[str, str] | None = None,
    one_story: bool = False,
) -> list[Story]:
    """The stories of ``articles``, numbered ``story-1``... in order of their first article.

    ``folders`` maps an article id to its folder (``folder_stories``); it is used only
    when it names two folders or more. With ``one_story`` every article is one story
    (labelled with the story its inputs name, if they all name the same).
    """
    if not articles:
        return []
    if one_story:
        return [_one(articles)]
    keys: dict[str, tuple[StoryBasis, str]] = {}
    for article in articles:
        if article.story:
            keys[article.id] = (StoryBasis.field, article.story)
    folders = folders or {}
    if len({folders[a.id] for a in articles if a.id in folders and a.id not in keys}) > 1:
        for article in articles:
            if article.id not in keys and article.id in folders:
                keys[article.id] = (StoryBasis.folder, folders[article.id])
    rest = [a for a in articles if a.id not in keys]
    for members, label in similar_groups(rest):
        for article_id in members:
            keys[article_id] = (StoryBasis.similar, label)
    order: dict[tuple[StoryBasis, str], list[str]] = {}
    for article in articles:
        order.setdefault(keys[article.id], []).append(article.id)
    return [
        Story(id=f"story-{n}", label=label, basis=basis, article_ids=tuple(ids))
        for n, ((basis, label), ids) in enumerate(order.items(), start=1)
    ]


def _one(articles: Sequence[Article]) -> Story:
    named = {a.story for a in articles}
    label = named.pop() if len(named) == 1 and None not in named else "all articles"
    return Story(
        id="story-1",
        label=label or "all articles",
        basis=StoryBasis.batch,
        article_ids=tuple(a.id for a in articles),
    )


def folder_stories(articles: Iterable[Article], paths: Sequence[Path]) -> dict[str, str]:
    """Each article found by walking a folder in ``paths`` -> its story folder: the
    immediate sub-folder of the given folder it lies in, or the given folder itself.
    Articles from files named one by one have no folder story."""
    roots = [name_of(p) for p in paths if p.is_dir()]
    found: dict[str, str] = {}
    for article in articles:
        source = _JSONL_LINE.sub("", article.source)
        for root in roots:
            prefix = root if root.endswith(os.sep) else root + os.sep
            if not source.startswith(prefix):
                continue
            rest = Path(source[len(prefix) :]).parts
            found[article.id] = os.path.join(root, rest[0]) if len(rest) > 1 else root
            break
    return found


def similar_groups(articles: Sequence[Article]) -> list[tuple[tuple[str, ...], str]]:
    """Articles sharing enough names, linked transitively (connected components of the
    similarity graph), each group with a label of its most distinctive names.

    Groups come in order of their first article; the grouping itself does not depend on
    the order of ``articles``.
    """
    if not articles:
        return []
    # Work in an order of their own (content, then id), so that floating-point sums and
    # so every link come out the same whatever order the batch gave.
    canonical = sorted(
        range(len(articles)), key=lambda i: (articles[i].content_hash, articles[i].id)
    )
    given = list(articles)
    articles = [given[i] for i in canonical]
    names = [_names(a) for a in articles]
    vectors = _tfidf([counts for counts, _ in names])
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _links(vectors, articles):
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)  # a component's root is its first article, in any order
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        members[root(i)].append(i)
    position = {article.id: n for n, article in enumerate(given)}
    groups = []
    for indices in members.values():
        label = _label([vectors[i] for i in indices], [names[i][1] for i in indices])
        ids = sorted((articles[i].id for i in indices), key=position.__getitem__)
        groups.append((tuple(ids), label or articles[indices[0]].id))
    return sorted(groups, key=lambda group: position[group[0][0]])


def _threshold(a: Article, b: Article) -> float:
    if a.published and b.published and abs((a.published - b.published).days) > DATE_WINDOW_DAYS:
        return LINK_THRESHOLD * FAR_APART_FACTOR
    return LINK_THRESHOLD


def _names(article: Article) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """How often each name occurs in the title and text (lowercased), and how each was
    written. A word is a name when it is capitalised somewhere other than at the start
    of a sentence, so "Police said" does not make "police" a name."""
    text = f"{article.title or ''}\n{article.text}"
    words = [(m.group().rstrip("'’-"), m.start()) for m in _WORD.finditer(text)]
    proper = {
        word.lower()
        for word, start in words
        if word[:1].isupper()
        and word.lower() not in _NOT_NAMES
        and not _SENTENCE_START.search(text[max(0, start - 6) : start])
    }
    counts: Counter[str] = Counter()
    written: dict[str, Counter[str]] = defaultdict(Counter)
    for word, _ in words:
        key = word.lower()
        if key in proper and len(key) > 1:
            counts[key] += 1
            if word[:1].isupper():
                written[key][word] += 1
    return counts, written


def _tfidf(counts: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors: sublinear tf, smoothed idf (``1 + ln((n+1)/(df+1))``,
    so a name every article of a small one-story batch shares still counts). A name in
    one article only links nothing and is left out; each keeps its best
    ``NAMES_PER_ARTICLE``."""
    n = len(counts)
    df = Counter(name for c in counts for name in c)
    vectors = []
    for c in counts:
        weights = {
            name: (1 + math.log(tf)) * (1 + math.log((n + 1) / (df[name] + 1)))
            for name, tf in c.items()
            if df[name] > 1
        }
        best = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:NAMES_PER_ARTICLE]
        norm = math.sqrt(sum(w * w for _, w in best)) or 1.0
        vectors.append({name: w / norm for name, w in best})
    return vectors


def _links(
    vectors: Sequence[dict[str, float]], articles: Sequence[Article]
) -> Iterator[tuple[int, int]]:
    """Every pair (i, j), i < j, similar enough to be one story.

    The cosine similarity of every pair sharing a name, through an inverted index (only
    pairs with something in common are visited), summed one article at a time: a name
    in every article of a night's output ("Red Cross") would otherwise hold a sum for
    every pair of the batch at once (12.5 million for 5,000 articles: 2 GB). Each
    pair's products are added in the order the names were first met, as when all the
    sums were held together, so a similarity right on the threshold comes out the same.
    """
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for name, weight in vector.items():
            postings[name].append((i, weight))  # in article order
    met = {name: n for n, name in enumerate(postings)}
    for i, vector in enumerate(vectors):
        sums: dict[int, float] = defaultdict(float)
        for name in sorted(vector, key=met.__getitem__):
            posting, wi = postings[name], vector[name]
            for j, wj in posting[bisect_left(posting, (i,)) + 1 :]:
                sums[j] += wi * wj
        for j, similarity in sums.items():
            if similarity >= _threshold(articles[i], articles[j]):
                yield i, j


def _label(vectors: Sequence[dict[str, float]], written: Sequence[dict[str, Counter[str]]]) -> str:
    """The group's most distinctive names, as most often written: 'Comeaux · Texas'."""
    weight: Counter[str] = Counter()
    for vector in vectors:
        weight.update(vector)
    top = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:LABEL_NAMES]
    forms: Counter[str] = Counter()
    labels = []
    for name, _ in top:
        forms.clear()
        for w in written:
            forms.update(w.get(name, Counter()))
        labels.append(min(forms.items(), key=lambda kv: (-kv[1], kv[0]))[0] if forms else name)
    return " · ".join(labels)
