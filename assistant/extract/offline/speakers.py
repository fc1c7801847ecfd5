"""Who is speaking: the attributions of an article resolved against what came before.

``find_attributions`` reads one sentence; this module reads the article in order and
fixes what one sentence cannot know:

- "he" and "she" stand for the last named *person* who can be "he" or "she" - not the
  last source, which may be a ministry or a newspaper. A person is told from a place or
  a body by a title ("Mr.", "Sen.", "Director"), a known given name, an age after the
  name ("Ada Roe, 60,"), or two capitalised words in subject position ("His deputy,
  Nirmala Osei, disagreed"); "she" skips "Dennis Ashby", "he" skips "Joan Pettifer".
  The speaker of the sentence before comes first, then the first person it names (its
  subject, more often than not), then earlier sentences. When nobody fits, the last
  source stands in - unless it is a person the pronoun cannot be: then the pronoun is
  left as written rather than guessed.
- "it" stands for a document ("the statement", "the indictment") or a body named just
  before, never for a person.
- A quotation with no attribution of its own goes on with the previous sentence's
  speaker: '"...," Corbel said.' then '"The roof was gone within a minute."'.
- One person is one origin: "Corbel" after "Lena Corbel" is "Lena Corbel", and so is
  "the county's public works director" after "Dunmore Public Works Director Lena Corbel".

Use one ``Speakers`` per article and call ``resolve`` for each sentence in text order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.extract.offline.attribution import (
    PRONOUNS,
    Attribution,
    AttributionForm,
    is_outlet,
    outlet_named_before,
    quotation_spans,
)
from assistant.extract.offline.lexicon import words
from assistant.extract.offline.source_lexicon import (
    ABBREVIATIONS,
    DOCUMENT_NOUNS,
    FEMALE_NAMES,
    FEMALE_ROLES,
    FEMALE_TITLES,
    GENERIC_SOURCES,
    MALE_NAMES,
    MALE_ROLES,
    MALE_TITLES,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PERSONAL_TITLES,
    PLACE_PREFIXES,
    REPORTING_VERBS,
    ROLE_WORDS,
)
from assistant.model import Span

Gender = str  # "m", "f"; None when the text does not tell

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
# Only the words a name can hold: capitalised ones (Latin letters with their accents)
# and the particles inside names. Scanning these alone keeps the pass fast.
_UPPER = "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
_NAME_TOKEN = re.compile(
    rf"(?<![\w'’-])(?:[A-Z{_UPPER}][\w'’-]*|"
    rf"(?:{'|'.join(sorted(NAME_PARTICLES))})(?:-[\w'’-]+|(?![\w'’-])))"
)
# Capitalised words that open a sentence or a clause and name no one.
_FUNCTION_WORDS = words("""
    the a an but and or so yet when while after before as if since though although because
    however meanwhile also then in on at for from by with of to this that these those his
    her their its our my your according speaking asked later earlier still now there here
    it he she they we i you
    """)
# How many sentences back a pronoun may reach for its person.
_REACH = 6
# How many speakers back "the spokesman" may look for "a spokesman for X".
_SPEAKER_REACH = 20
# How many sources back "it" may look for a body.
_BODY_REACH = 4
# "the network", "the paper": the outlet named before, if there is one.
_MEDIA_ANAPHOR = re.compile(r"[Tt]he\s+(network|channel|paper|station)")
# How many characters back "the network" may reach for its outlet.
_OUTLET_REACH = 1500
# How many characters back "it" may reach for a document.
_DOCUMENT_REACH = 300
_DOCUMENT = re.compile(
    r"\b(?:the|its|their|his|her|a|an|this|that)\s+(?:[\w’'-]+\s+){0,2}?(?P<noun>"
    + "|".join(sorted(DOCUMENT_NOUNS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_QUOTE_MARK = re.compile(r"[\"“”]")
_NICKNAME = re.compile(r"\s+[\"“‘'][^\"”’']{1,30}[\"”’']\s+")
_AGE_AFTER = re.compile(r",\s*\d{1,3}\s*[,;)]")
# How a finished sentence (or one that introduces what follows) ends.
_SENTENCE_ENDS = frozenset(".!?…\"'”’)]:")
_OPENS_QUOTE = re.compile(r"\s*[\"“‘']")
_POSSESSIVE = re.compile(r"['’]s?$")
# What follows a name in subject position: an appositive's comma or a lower-case word.
_AFTER_NAME = re.compile(r"\s*(?:(?P<comma>,)|(?P<word>[a-z][\w'’-]*))")
# Verbs that follow a subject without -ed or -s: "Ann Roe told", "Ann Roe was".
_BARE_VERBS = words("""
    is was has had will would could can may might must should did does went took made
    saw found gave came left ran spoke thought knew
    """)
# A title with the body it heads, before a run of capitalised words: "Minister of".
_TITLE_OF = re.compile(
    rf"\b(?:{'|'.join(sorted(PERSONAL_TITLES))})\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_APPOSITIVE = re.compile(r"[^,.;:!?()]*")
_OPENING_MARKS = " \t\"“”‘’'("

# A pronoun with its auxiliary run in: "he's", "she’d", "they've".
_CONTRACTION = re.compile(r"['’](?:s|d|ve|ll|re)$")


@dataclass(frozen=True, slots=True)
class Person:
    """A person the article names: the fullest name seen, whether "he" or "she" may
    stand for them, and the words of their titles and roles ("dunmore", "director")."""

    name: str
    gender: Gender | None = None
    titles: frozenset[str] = field(default=frozenset())
    # Told by the shape of the name alone ("Nirmala Osei disagreed"): a pronoun may stand
    # for them, but their surname does not stand for them elsewhere - the same words
    # may name a firm or a place.
    by_shape: bool = False


@dataclass(slots=True)
class _Mention:
    """A person named at ``at``. A speaker's person is read from the source as
    ``written`` only when a pronoun asks (``person`` stays ``None`` till then, and
    after it when the source is no person): most speakers are never asked about."""

    at: int
    sentence: int
    person: Person | None
    speaker: bool = False  # named as the source of an attribution
    written: str = ""  # the source as written, for a speaker: "Dr Ann Lee"
    read: bool = True

    @property
    def name(self) -> str:
        return self.written or (self.person.name if self.person else "")


class Speakers:
    """The article read sentence by sentence; see the module docstring."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_surname: dict[str, Person | None] = {}  # None: two people share it
        self._persons: dict[tuple[str, int], Person | None] = {}  # ``_person_of`` memo
        self._mentions: dict[int, list[_Mention]] = defaultdict(list)  # by sentence
        self._speakers: list[_Mention] = []  # for "the spokesman" after "a spokesman"
        self._unread: list[tuple[int, int, int]] = []  # (sentence, start, end) to read
        self._sentence = -1
        self._end = 0  # where the previous sentence ended
        self._previous: Attribution | None = None  # whom a quotation may go on with
        self._quote_open = False
        self._unfinished = False  # the sentence before broke off after "X reports that"
        self._bodies: list[tuple[int, str]] = []  # (sentence, source) that "it" may be
        self._last_source: str | None = None  # for a pronoun that names no one better

    def resolve(self, start: int, end: int, attributions: list[Attribution]) -> list[Attribution]:
        """The attributions of the sentence ``text[start:end]`` with pronouns resolved and
        names made whole; a quotation with none of its own gets the previous speaker's,
        ``carried``. Call once per sentence, in text order. Raises nothing."""
        self._sentence += 1
        if self.text.find("\n", self._end, start) >= 0 and not _closes_first(self.text, start, end):
            self._quote_open = False  # a paragraph that closes no quotation ends one
        self._end = end
        self._unread.append((self._sentence, start, end))
        resolved = []
        for a in attributions:
            a = self._resolved(a, start, end)
            resolved.append(a)
            if a.original and not a.is_pronoun:
                self._last_source = a.original
                # a later "she added" in this sentence may stand for it
                mention = _Mention(a.span.start, self._sentence, None, True, a.original, False)
                self._mentions[self._sentence].append(mention)
                self._speakers.append(mention)
                if not is_outlet(a.original):
                    self._bodies.append((self._sentence, a.original))
        if not resolved:
            carried = self._carried(start, end)
            resolved = [carried] if carried else []
        self._remember(start, end, resolved)
        return resolved

    def person_meant(self, pronoun: Span, start: int, end: int) -> str | None:
        """The person "he" or "she" at ``pronoun`` stands for, in the sentence
        ``text[start:end]`` last passed to ``resolve``: the last person named before it
        in the sentence, else the speaker or first person of a recent sentence whom the
        pronoun can be. Never the last source as a stand-in (a figure about someone is
        no quotation to credit): no fitting person gives ``None``."""
        written = self.text[pronoun.start : pronoun.end]
        if written.lower() not in ("he", "she"):
            return None
        probe = Attribution(original=written, cue="", cue_span=pronoun, span=pronoun)
        gender: Gender = "m" if written.lower() == "he" else "f"
        mention = self._antecedent(probe, gender, start, end, described=True)
        return mention.name if mention and mention.person is not None else None

    # ------------------------------------------------------------------ resolution

    def _resolved(self, a: Attribution, start: int, end: int) -> Attribution:
        if a.original is None:
            return a
        lower = _CONTRACTION.sub("", a.original.lower())  # "he's maintained": he
        if lower in ("he", "she"):
            gender = "m" if lower == "he" else "f"
            mention = self._antecedent(a, gender, start, end)
            return self._named(a, mention.name if mention else self._fallback(gender))
        if lower == "it":
            return self._named(a, self._thing(a, start) or self._fallback(None))
        if lower in PRONOUNS:
            return self._named(a, self._last_source)  # "they", "we"
        media = _MEDIA_ANAPHOR.fullmatch(a.original)
        if media:
            reach = max(0, start - _OUTLET_REACH)
            outlet = outlet_named_before(self.text, reach, a.span.start, media.group(1))
            return replace(a, original=outlet) if outlet else a
        if is_outlet(a.original):
            return a  # "Reuters" names no person to complete
        whole = self._whole_name(a.original)
        return replace(a, original=whole) if whole else a

    def _named(self, a: Attribution, name: str | None) -> Attribution:
        """``a`` with its pronoun replaced by ``name``, else left as it is."""
        return replace(a, original=name) if name else a

    def _fallback(self, gender: Gender | None) -> str | None:
        """The last source named, for a pronoun that names no one better - unless that
        source is a person the pronoun cannot stand for: "she" is never a man, "he"
        never a woman, "it" never a person known as either. Leaving the pronoun as it
        is beats crediting the wrong person."""
        if self._last_source is None:
            return None
        person = self._person_of(self._last_source)
        if person is None or person.gender is None:
            return self._last_source
        return self._last_source if person.gender == gender else None

    def _antecedent(
        self, a: Attribution, gender: Gender, start: int, end: int, described: bool = False
    ) -> _Mention | None:
        """Where the person "he" (``gender`` "m") or "she" ("f") stands for was named:
        earlier in the sentence when the pronoun opens what it reports ("When Doe's name
        came up, he told ..."), else as the speaker of a recent sentence, else as its
        first person. A pronoun a figure ``described`` ("He was 77.") is rather the one
        the sentence before was about than the one who told it ("Corrigan died on
        Sunday, his manager, Robert Hale, said."): its first person who is no speaker,
        if any."""
        self._read_people()
        mentions = sorted(self._mentions.get(self._sentence, ()), key=lambda m: m.at)
        if not _trailing(self.text, a, start, end):
            before = [m for m in mentions if m.at < a.span.start and self._fits(m, gender)]
            if before:
                return before[-1]
        else:
            # '"...," she said' after an earlier sentence merged into this one: the
            # people named before the quotation count.
            opening = _quotation_before(self.text, start, a.span.start)
            if opening is not None:
                before = [m for m in mentions if m.at < opening and self._fits(m, gender)]
                if before:
                    return before[-1]
        for sentence in range(self._sentence - 1, max(-1, self._sentence - 1 - _REACH), -1):
            here = sorted(
                (m for m in self._mentions.get(sentence, ()) if self._fits(m, gender)),
                key=lambda m: m.at,
            )
            if not here:
                continue
            speakers = [m for m in here if m.speaker]
            if described:
                # Never the teller: with no one else named there, whom it means is
                # someone this reading does not know as a person ("Wes Corrigan").
                tellers = {m.name for m in speakers}
                told_of = [m for m in here if not m.speaker and m.name not in tellers]
                return told_of[0] if told_of else None
            return speakers[-1] if speakers else here[0]
        return None

    def _thing(self, a: Attribution, start: int) -> str | None:
        """What "it" stands for: a document named earlier in the sentence, the body
        that spoke in the sentence before, or a document named there."""
        found = list(_DOCUMENT.finditer(self.text, start, a.span.start))
        if found:
            return _trim(found[-1].group(0))
        self._read_people()
        for sentence, body in reversed(self._bodies[-_BODY_REACH:]):
            if sentence >= self._sentence - 1 and self._person_of(body) is None:
                return body
        found = list(_DOCUMENT.finditer(self.text, max(0, start - _DOCUMENT_REACH), start))
        return _trim(found[-1].group(0)) if found else None

    def _fits(self, m: _Mention, gender: Gender | None) -> bool:
        """Whether the mention names a person "he" (``gender`` "m") or "she" may stand
        for; any person when ``gender`` is ``None``."""
        if not m.read:
            m.person, m.read = self._person_of(m.written), True
        if m.person is None:
            return False
        return gender is None or m.person.gender is None or m.person.gender == gender

    def _whole_name(self, name: str) -> str | None:
        """The fullest name of the person ``name`` stands for: "Corbel" or "Ms. Corbel" ->
        "Lena Corbel"; "the county's works director" -> the one person the article
        gave that title. ``None`` when there is nothing to add."""
        ws = name.split()
        if len(ws) > 2 and ws[0].lower() != "the":
            return None  # a full name already, or no person: nothing to add
        bare = [w for w in ws if w.rstrip(".") not in PERSONAL_TITLES]
        if len(bare) == 1 and bare[0][:1].isupper():
            self._read_people()
            person = self._by_surname.get(_POSSESSIVE.sub("", bare[0]))
            if person is not None and person.name != name:
                return person.name
            return None
        if ws[0].lower() == "the" and ws[-1].lower() in ROLE_WORDS and len(ws) <= 6:
            self._read_people()
            wanted = {w.lower() for w in ws[1:] if not _POSSESSIVE.search(w)}
            fits = {
                p.name for p in self._by_surname.values() if p is not None and wanted <= p.titles
            }
            if len(fits) == 1:
                return fits.pop()
            # "a spokesman for the port said ... the spokesman said": one person
            earlier = {
                m.written
                for m in self._speakers[-_SPEAKER_REACH:]
                if m.written.split()[0].lower() in ("a", "an")
                and ws[-1].lower() in m.written.lower().split()
                and self._fits(m, None)
            }
            if len(earlier) == 1:
                return earlier.pop()
        return None

    def _person_of(self, name: str) -> Person | None:
        """The person a source name is, when it names one: a name ("Jane Doe, a
        spokeswoman") or one person by role ("a spokeswoman for the ministry")."""
        key = (name, len(self._by_surname))  # valid until someone new is registered
        if key not in self._persons:
            self._persons[key] = self._read_person(name)
        return self._persons[key]

    def _read_person(self, name: str) -> Person | None:
        tokens = list(_NAME_TOKEN.finditer(name))
        for person, _ in _people_in(name, tokens, self._by_surname):
            return person
        if _looks_named(name):
            return Person(name)  # "Marwick said", "Ola Marwick said"
        role = next(
            (w for w in _TOKEN.findall(name)[:4] if w.islower() and w not in _FUNCTION_WORDS),
            "",
        )
        if role in ROLE_WORDS and name.split()[0].lower() in ("a", "an", "the", "one"):
            return Person(name, _role_gender(role))
        return None

    # ------------------------------------------------------------------ quotations

    def _carried(self, start: int, end: int) -> Attribution | None:
        """The previous speaker, when this sentence is a quotation that goes on with
        them (or the sentence before broke off mid-report)."""
        if self._previous is None or self._previous.original is None:
            return None
        opens = _OPENS_QUOTE.match(self.text, start) is not None
        first = self.text[start : start + 1]
        goes_on = self._unfinished and (first.islower() or first.isdigit() or first in "$£€")
        if not (opens or self._quote_open or goes_on):
            return None
        at = Span(start=end, end=end)
        return replace(self._previous, cue_span=at, span=at, form=AttributionForm.carried)

    def _remember(self, start: int, end: int, resolved: list[Attribution]) -> None:
        spoken = [a for a in resolved if a.original]
        self._previous = spoken[-1] if spoken else None
        if _QUOTE_MARK.search(self.text, start, end):
            self._quote_open = _still_open(self.text, start, end, self._quote_open)
        last = end - 1
        while last > start and self.text[last].isspace():
            last -= 1
        self._unfinished = bool(spoken) and self.text[last] not in _SENTENCE_ENDS

    # ------------------------------------------------------------------ people

    def _read_people(self) -> None:
        """Read the people named in the sentences not read yet. Done only when a
        pronoun or a bare surname asks: an article that needs no such answer costs
        nothing here."""
        for sentence, start, end in self._unread:
            quoted = quotation_spans(self.text, start, end)
            self._mentions[sentence].extend(self._find_mentions(sentence, start, end, quoted))
        self._unread.clear()

    def _find_mentions(
        self, sentence: int, start: int, end: int, quoted: Sequence[tuple[int, int]]
    ) -> list[_Mention]:
        """The people the sentence names outside its quotations, registered as they
        come."""
        tokens = list(_NAME_TOKEN.finditer(self.text, start, end))
        if quoted:
            tokens = [t for t in tokens if not any(qs <= t.start() < qe for qs, qe in quoted)]
        found = []
        for person, at in _people_in(self.text, tokens, self._by_surname):
            if not person.by_shape:
                person = self._register(person)
            found.append(_Mention(at, sentence, person))
        return found

    def _register(self, person: Person) -> Person:
        surname = person.name.split()[-1]
        if surname in self._by_surname and self._by_surname[surname] is None:
            return person  # two people share the surname: leave it as written
        known = self._by_surname.get(surname) or person
        if _two_people(known, person):
            self._by_surname[surname] = None  # "Ruth Kemble" and "Alan Kemble"
            return person
        merged = Person(
            name=person.name if len(person.name) >= len(known.name) else known.name,
            gender=person.gender or known.gender,
            titles=person.titles | known.titles,
        )
        self._by_surname[surname] = merged
        return merged


def _looks_named(name: str) -> bool:
    """A source written as a name of one to three capitalised words: one that speaks
    is a person's, unless it names a body ("Harbour Foods") or an outlet."""
    bare = [w for w in name.split() if w.rstrip(".") not in PERSONAL_TITLES]
    if not bare or len(bare) > 3 or not all(w[:1].isupper() for w in bare):
        return False
    if any(_unpossessed(w) in ORGANISATION_WORDS for w in bare):
        return False
    return not is_outlet(name) and bare[0].lower() not in _FUNCTION_WORDS


def _two_people(a: Person, b: Person) -> bool:
    """Two full names with one surname and different given names."""
    first_a, first_b = a.name.split(), b.name.split()
    return len(first_a) > 1 and len(first_b) > 1 and first_a[0] != first_b[0]


def _people_in(
    text: str, tokens: list[re.Match[str]], known: dict[str, Person | None]
) -> list[tuple[Person, int]]:
    """The people named in runs of capitalised ``tokens`` of ``text``, with where each
    is named."""
    found = []
    for run in _runs(text, tokens):
        if len(run) == 1:  # most runs: one capitalised word, a known surname or nothing
            word = _unpossessed(run[0].group(0))
            known_person = known.get(word)
            if known_person is not None:
                found.append((known_person, run[0].start()))
                continue
            after = run[0].end()
            if text[after : after + 1] != ",":
                continue
        person = _person(text, run, known)
        if person is not None:
            found.append(person)
    return found


def _runs(text: str, tokens: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Name words (``_NAME_TOKEN``) next to each other ("Dunmore Public Works Director Lena
    Corbel", "Ida K. Marwick"), with name particles inside ("Hamid al-Rashidi")."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for t in tokens:
        if current:
            left = current[-1].end()
            gap = t.start() - left
            if (gap == 1 and text[left] == " ") or (
                not text[left + 1 : left + 2].islower() and _joins(text, current[-1], t)
            ):
                current.append(t)
                continue
            runs.append(current)
        current = [t]
    if current:
        runs.append(current)
    return runs


def _joins(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    if right.start() - left.end() == 1 and text[left.end()] == " ":
        return True  # the common case, without a slice
    gap = text[left.end() : right.start()]
    if gap == " " or (gap.isspace() and "\n" not in gap):
        return True
    word = left.group(0)
    if (word in MALE_NAMES or word in FEMALE_NAMES) and _NICKNAME.fullmatch(gap):
        return True  # 'Martin "The Owl" Kemble'
    abbreviation = len(word) == 1 or word in ABBREVIATIONS or word in PERSONAL_TITLES
    return gap.startswith(".") and gap[1:].isspace() and abbreviation


def _person(
    text: str, run: list[re.Match[str]], known: dict[str, Person | None]
) -> tuple[Person, int] | None:
    words_ = [t.group(0) for t in run]
    opening = run[0].start()
    while words_ and words_[0].lower() in _FUNCTION_WORDS:
        words_, run = words_[1:], run[1:]
    if not words_:
        return None
    if len(words_) == 1:  # most runs: one capitalised word
        word = _unpossessed(words_[0])
        if (person := known.get(word)) is not None:
            return person, run[0].start()
        after = run[0].end()
        aged = text[after : after + 1] == "," and _AGE_AFTER.match(text, after)
        if aged and word not in ORGANISATION_WORDS:
            return Person(word), run[0].start()
        return None
    clean = [_unpossessed(w) for w in words_]
    given = next((i for i, w in enumerate(clean) if w in MALE_NAMES or w in FEMALE_NAMES), None)
    if given is not None and given + 1 < len(clean):
        name = _until_organisation(clean[given:])
        if len(name) > 1:
            gender = _given_gender(clean[given])
            return _made(text, run, clean, given, name, gender), run[given].start()
    title = max((i for i, w in enumerate(clean) if w in PERSONAL_TITLES), default=None)
    if title is not None and title + 1 < len(clean):
        name = _until_organisation(clean[title + 1 :])
        if name and name[0] not in PERSONAL_TITLES:
            gender = _title_gender(clean[title])
            return _made(text, run, clean, title + 1, name, gender), run[title + 1].start()
    if len(clean) <= 2 and (person := known.get(clean[-1])) is not None:
        return person, run[-1].start()
    if 1 < len(clean) <= 3 and _role_before(text, run[0].start()):
        name = _until_organisation(clean)
        if name == clean:  # "depot manager Lena Corbel", "port spokesman Ivo Brandt"
            return _made(text, run, clean, 0, name, None), run[0].start()
    if len(clean) <= 3 and _AGE_AFTER.match(text, run[-1].end()):
        name = _until_organisation(clean)
        if name == clean:
            return Person(" ".join(name)), run[0].start()
    if len(clean) > 2 and _TITLE_OF.search(text, max(0, opening - 40), opening):
        # "Minister of Health Nirmala Osei", "Chairwoman of the Board Ola Berg": a title
        # whose body is named before the person.
        size = 3 if len(clean[-2]) == 1 else 2
        if _name_shaped(clean[-size:]):
            first = len(clean) - size
            name = clean[first:]
            return _made(text, run, clean, first, name, _given_gender(name[0])), run[first].start()
    if _name_shaped(clean) and _subject_position(text, opening, run[-1].end()):
        # "Nirmala Osei disagreed", "His deputy, Nirmala Osei, said": a person, though
        # the given name tells no gender.
        person = _made(text, run, clean, 0, clean, None)
        return replace(person, by_shape=True), run[0].start()
    return None


def _name_shaped(ws: list[str]) -> bool:
    """Two capitalised words (a middle initial allowed) that name no place, body or
    title: "Nirmala Osei", "Ola K. Berg"; not "New Harbour", "Acme Foods", "FBI Agent"."""
    if len(ws) == 3 and len(ws[1]) == 1:
        ws = [ws[0], ws[2]]
    if len(ws) != 2 or ws[0] in PLACE_PREFIXES:
        return False
    return all(
        w[1:2].islower()
        and w not in ORGANISATION_WORDS
        and w not in PERSONAL_TITLES
        and w.lower() not in _FUNCTION_WORDS
        for w in ws
    ) and not is_outlet(" ".join(ws))


def _subject_position(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` opens its sentence or a clause (after a
    comma) and is followed by its verb or by an appositive."""
    before = text[max(0, start - 20) : start].rstrip(_OPENING_MARKS)
    if before and before[-1] not in ".!?\n,;:":
        return False
    after = _AFTER_NAME.match(text, end)
    if after is None:
        return False
    if after.group("comma"):
        return _describes_person(text, after.end())
    word = after.group("word")
    if word in ROLE_WORDS or word in GENERIC_SOURCES:
        return False  # "Harbour Point residents said": the name is a place
    return word in _BARE_VERBS or word in REPORTING_VERBS or word.endswith(("ed", "s", "ly"))


def _describes_person(text: str, pos: int) -> bool:
    """Whether the appositive at ``pos`` may describe a person: an age, a name, a role
    ("a nurse at the clinic") - not "a cooperative founded in 1950"."""
    clause = _APPOSITIVE.match(text, pos)
    assert clause is not None  # the pattern matches any text
    ws = [w.lower() for w in _TOKEN.findall(clause.group(0))]
    if not ws or ws[0] not in ("a", "an", "the"):
        return True
    return any(_unpossessed(w) in ROLE_WORDS for w in ws[1:])


def _unpossessed(word: str) -> str:
    """ "McKee's" -> "McKee"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("'", "’")) else word


def _role_before(text: str, pos: int) -> bool:
    """A lower-case role noun right before ``pos``: "depot manager |Lena Corbel"."""
    before = text[max(0, pos - 30) : pos].split()
    return bool(before) and before[-1] in ROLE_WORDS


def _made(
    text: str,
    run: list[re.Match[str]],
    clean: list[str],
    first: int,
    name: list[str],
    gender: Gender | None,
) -> Person:
    """A person from the words of a run: those before the name are titles, and so are
    the lower-case words just before the run ("public works director Lena Corbel")."""
    titles = {w.lower() for w in clean[:first]}
    before = text[max(0, run[0].start() - 60) : run[0].start()]
    lower = _TOKEN.findall(before.rsplit(",", 1)[-1])[-4:]
    if lower and lower[-1] in ROLE_WORDS:  # "public works director Lena Corbel"
        for w in reversed(lower):
            if not w.islower() or w in _FUNCTION_WORDS:
                break
            titles.add(w)
    spaced = [w + "." if w in ABBREVIATIONS or len(w) == 1 else w for w in name]
    if gender is None:
        gender = next((g for w in titles if (g := _role_gender(w))), None)
    return Person(" ".join(spaced), gender, frozenset(titles))


def _until_organisation(ws: list[str]) -> list[str]:
    for i, w in enumerate(ws):
        if w in ORGANISATION_WORDS:
            return ws[:i]
    return ws


def _given_gender(word: str) -> Gender | None:
    """ "m" or "f" for a given name of one, ``None`` for one of either."""
    male, female = word in MALE_NAMES, word in FEMALE_NAMES
    if male == female:
        return None
    return "m" if male else "f"


def _title_gender(title: str) -> Gender | None:
    if title in MALE_TITLES:
        return "m"
    if title in FEMALE_TITLES:
        return "f"
    return None


def _role_gender(word: str) -> Gender | None:
    if word in MALE_ROLES:
        return "m"
    if word in FEMALE_ROLES:
        return "f"
    return None


def _trailing(text: str, a: Attribution, start: int, end: int) -> bool:
    """'"...," he said' and 'Marwick never called, he said': the pronoun comes after
    what it reports, so nobody named in that part can be it."""
    if a.form is not AttributionForm.subject:
        return True
    lead = text[start : a.span.start].rstrip()
    return (
        bool(lead)
        and lead[-1] in ",\"”’'"
        and not re.match(r"[^,.;:]*?(?:\bthat\b|:|[\"“])", text[a.cue_span.end : end])
    )


def _quotation_before(text: str, start: int, pos: int) -> int | None:
    """Where the quotation that ends just before ``pos`` opens."""
    lead = text[start:pos].rstrip(" ,")
    if not lead.endswith(("”", '"')):
        return None
    for qs, qe in reversed(quotation_spans(text, start, pos)):
        if qe >= start + len(lead):
            return qs
    return None


def _closes_first(text: str, start: int, end: int) -> bool:
    """Whether the first quotation mark of ``text[start:end]`` closes a quotation: the
    sentence goes on with one opened before it."""
    mark = _QUOTE_MARK.search(text, start, end)
    return mark is not None and mark.group(0) == "”"


def _still_open(text: str, start: int, end: int, open_before: bool) -> bool:
    """Whether a quotation is open after ``text[start:end]``, given whether one was open
    before it: a quotation may run over several sentences and paragraphs."""
    is_open = open_before
    for mark in _QUOTE_MARK.finditer(text, start, end):
        ch = mark.group(0)
        is_open = True if ch == "“" else False if ch == "”" else not is_open
    return is_open


def _trim(phrase: str) -> str:
    return " ".join(phrase.split())
