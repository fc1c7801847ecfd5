"""Segment tagging: furniture is tagged, and news that merely looks like it is not."""

from __future__ import annotations

import pytest

from assistant.ingest import ingest_text
from assistant.ingest.lines import classify_line, guess_title, tag_segments
from assistant.model import Segment, SegmentTag, Span

T = SegmentTag


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        # caption, and a caption that carries a claim (kept, tagged)
        ("Photo: Residents wade through floodwater on Monday.", T.caption),
        ("PHOTO: RESCUERS SEARCH THE RUBBLE", T.caption),
        ("Pictured: the bridge that collapsed, killing 12 people", T.caption),
        ("*Caption: Flooded streets in Porto Alegre*", T.caption),
        ("Residents wade through floodwater. (Photo: Jane Doe/Agency)", T.caption),
        ("Rescuers carry a child to safety. (AP Photo/Jane Doe)", T.caption),
        ("Residents queue for water. Photograph: Jane Doe/Reuters", T.caption),
        ("Photos of the damage circulated widely on social media.", T.body),
        ("Pictured on Monday, the mayor said 40 people had died.", T.body),
        ("The agency released a photo by the river bank on Monday.", T.body),
        # credit and byline furniture
        ("Photo by Jane Doe/Reuters", T.credit),
        ("Photograph: Jane Doe/Reuters", T.credit),
        ("Credit: Getty Images", T.credit),
        ("© 2026 Jane Doe/Reuters", T.credit),
        ("(c) Jane Doe", T.credit),
        ("Jane Doe/Reuters", T.credit),
        ("AP Photo/Jane Doe", T.credit),
        ("Getty Images", T.credit),
        ("By Jane Doe and John Smith, Reuters", T.credit),
        ("(Reporting by Jane Doe; Editing by John Smith)", T.credit),
        ("(Updates with new toll in paragraphs 1-3, adds quotes in paragraphs 6-7)", T.credit),
        ("(Recasts, adds background in paragraph 9)", T.credit),
        ("By Monday, 40 people had been evacuated.", T.body),
        ("The ratio rose to 3/4 of all homes in the district.", T.body),
        ("Credit card losses rose 40% in March, the bank said.", T.body),
        # promos
        ("CLICK HERE to get breaking news alerts", T.promo),
        ("For live updates, click here.", T.promo),
        ("Download our app for the latest news", T.promo),
        ("Download the Daily News app", T.promo),
        ("Subscribe to our channel", T.promo),
        ("Sign up for our newsletter", T.promo),
        ("Get our morning newsletter in your inbox", T.promo),
        ("Read more: Floods in Spain kill 40", T.promo),
        ("Read more »", T.promo),
        ("Watch: Rescuers pull survivors from the rubble", T.promo),
        ("Advertisement", T.promo),
        ("Subscribers to the service lost data, the company said.", T.body),
        ("Read more than 200 pages of the report online.", T.body),
        ("Watchdog groups said 40 complaints were filed.", T.body),
        ("Users who download the app are tracked, researchers said.", T.body),
        ('"Click here," the scam message read, before asking for a password.', T.body),
        # teasers for other stories
        ("MORE: CELEBRITY CHEF OPENS RESTAURANT IN LISBON", T.teaser),
        ("THE LATEST ON THE FLOODS IN BRAZIL", T.teaser),
        ("Related: Celebrity chef opens restaurant in Lisbon", T.teaser),
        ("NATO said 40 troops were deployed on Monday.", T.body),
        ("UN, WHO and NATO leaders met in Geneva.", T.body),
        ("WHO AND UNICEF SAID 40 CHILDREN DIED.", T.body),
        ("UPDATE 2", T.body),
        # translation banners
        ("This article was machine-translated from Portuguese.", T.translation_banner),
        ("Automatically translated from Spanish", T.translation_banner),
        ("[This story has been translated using AI]", T.translation_banner),
        ("The statement, machine-translated from Portuguese, said 40 died.", T.body),
        # footers
        ("Contact us at news@example.com", T.footer),
        ("Follow us on Twitter and Facebook", T.footer),
        ("Copyright 2026 The Daily", T.footer),
        ("Copyright © The Daily", T.footer),
        ("© 2026 Example News. All rights reserved.", T.footer),
        ("news-desk@example.co.uk", T.footer),
        ("Email: tips@example.com", T.footer),
        ("Copyright claims rose 40% in 2025, the office said.", T.body),
        ("Officials said in an email to news@example.com that 40 died.", T.body),
        ("Follow-up inspections found 40 homes damaged.", T.body),
        # the plain case
        ("More than 2,000 people were evacuated, the agency said.", T.body),
    ],
)
def test_classify_line(line: str, tag: SegmentTag) -> None:
    assert classify_line(line) is tag


def _tagged(text: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(s.tag.value, text[s.span.start : s.span.end]) for s in tag_segments(text, title=title)]


def test_tagged_spans_cover_whole_lines_and_neighbours_merge() -> None:
    text = (
        "Floods force 2,000 from homes\n\n"
        "By Jane Doe\n\n"
        "More than 2,000 people were evacuated on Monday.\n"
        "Photo: Residents wade through floodwater.\n"
        "  Photo by Jane Doe/Reuters\n"
        "Jane Doe/Reuters\n\n"
        "The agency said 40 homes were destroyed."
    )

    assert _tagged(text, title="Floods force 2,000 from homes") == [
        ("headline", "Floods force 2,000 from homes"),
        ("credit", "By Jane Doe"),
        ("caption", "Photo: Residents wade through floodwater."),
        ("credit", "Photo by Jane Doe/Reuters\nJane Doe/Reuters"),
    ]


def test_headline_only_when_the_first_line_is_the_title() -> None:
    text = "Storm hits coast\n\nThe storm hit the coast on Monday."

    assert _tagged(text, title="Storm hits coast | The Daily") == [("headline", "Storm hits coast")]
    assert _tagged(text, title="A different story") == []
    assert _tagged(text, title=None) == []


def test_everything_after_a_closing_rule_is_footer() -> None:
    text = (
        "First paragraph of the story.\n\nSecond paragraph.\n\nThird paragraph.\n\n"
        "---\nThe Daily is published by Example Media.\nAddress: 1 Main St."
    )

    assert _tagged(text) == [
        ("footer", "---\nThe Daily is published by Example Media.\nAddress: 1 Main St.")
    ]


def test_a_rule_early_in_the_story_is_a_section_break_not_a_footer() -> None:
    text = "Intro paragraph.\n\n---\n\nThe story goes on.\n\nAnd on.\n\nAnd ends here."

    assert _tagged(text) == []


def test_an_article_written_in_capitals_has_no_teasers() -> None:
    text = (
        "FLOODS FORCE THOUSANDS FROM HOMES IN PORTO ALEGRE\n"
        "RESCUE TEAMS WORKED THROUGH THE NIGHT IN THE NORTH\n"
        "OFFICIALS EXPECT MORE RAIN ON TUESDAY AND WEDNESDAY"
    )

    assert _tagged(text) == []


def test_known_segments_from_the_markup_are_kept_and_not_reclassified() -> None:
    text = "The story.\n\nClick here for the gallery."
    caption = Segment(span=Span(start=12, end=len(text)), tag=T.caption)

    assert tag_segments(text, known=[caption]) == [caption]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Storm hits coast\nBody.", "Storm hits coast"),
        ("Storm hits coast\n\nThe storm hit on Monday.", "Storm hits coast"),
        ("STORM HITS COAST\n\nThe storm hit on Monday.", "STORM HITS COAST"),
        ("Is this the worst storm ever?\n\nThe storm hit.", "Is this the worst storm ever?"),
        ("The storm hit the coast on Monday.\n\nMore text.", None),
        ("Storm hits coast\nThe storm hit on Monday.", None),  # not its own paragraph
        ("Storm hits coast", None),  # nothing but the line
        ("By Jane Doe\n\nThe storm hit on Monday.", None),
        ("Storm\n\nThe storm hit on Monday.", None),  # one word: a label, not a headline
    ],
)
def test_guess_title(text: str, title: str | None) -> None:
    assert guess_title(text) == title


def test_tag_at_answers_for_every_offset() -> None:
    article = ingest_text(
        "Storm hits coast\n\nThe storm hit 40 homes.\n\nDownload our app now",
        source="s.txt",
    )

    assert article.tag_at(0) is T.headline
    assert article.tag_at(article.text.index("40")) is T.body
    assert article.tag_at(article.text.index("app")) is T.promo
