"""The library entry points: sources of every kind, streaming, and offsets for any input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes import Article, Kind, extract, extract_corpus
from quotes.config import Settings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PIECES = [
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    "«",
    "»",
    " said ",
    "Smith",
    " he ",
    ".",
    ",",
    "\n",
    "\n\n",
    "according to ",
    "the ministry",
    " that ",
    "We will win",
    ": ",
    "—",
    "Ms. Berg",
    " told reporters ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_gives_exact_offsets_and_never_raises(text: str) -> None:
    for ex in extract(text):
        for q in ex.quotes:
            assert q.text == text[q.start : q.end] and q.start < q.end
            if q.speaker_span is not None:
                assert text[q.speaker_span[0] : q.speaker_span[1]] == q.speaker_mention
        for d in ex.diagnostics:
            assert d.offset is None or 0 <= d.offset < len(text)


def test_sources_of_every_kind_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“One,” Anna Berg said.", encoding="utf-8")
    sources = ["“Two,” Peter Novak said.", Article(doc="c", text="“Three,” Ivo Horak said."), tmp_path / "a.txt"]
    docs = [ex.article.doc for ex in extract(sources)]
    assert docs == ["<text 0>", "c", str(tmp_path / "a.txt")]


def test_a_missing_path_is_an_extraction_with_an_error_not_an_exception(tmp_path: Path) -> None:
    out = extract_corpus([tmp_path / "missing.txt", tmp_path])
    assert [d.code for ex in out for d in ex.diagnostics] == ["E102", "E101"]


def test_records_and_groups_are_the_same_in_every_run() -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    code = "from quotes.cli import run; run()"
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-c", code, "align", str(root / "seeds"), "--format", "jsonl"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1 and outputs.pop().count("\n") > 30


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the address and the byline: the byline's author is no antecedent of "she"
            'URL: https://example.com/2024/05/"bridge"-opens\n'
            "By Maria Lopez, Staff Writer\n\n"
            "The bridge will open in June, the city said on Monday.\n\n"
            '"It is a great day," she said.\n',
            ["The bridge will open in June", "It is a great day,"],
        ),
        (  # a line that is only a short quoted phrase is a subheading; a sentence the quote ends is a quote
            '"Ruritania is big enough for both," President Berg said on Monday.\n'
            "'Ruritania should not seek to contain its neighbours'\n"
            'Berg opened his remarks by saying that tensions should "not veer into conflict."\n'
            '"We will win."\n',
            ["Ruritania is big enough for both,", "not veer into conflict.", "We will win."],
        ),
        (  # a subheading that labels the quoted phrase it ends with; a label before a sentence is a quote
            '"Ruritania is big enough for both," President Berg said on Monday.\n\n'
            "Berg's speech in three lines: 'Ruritania is in danger'\n\n"
            'Helena Varga, The Dunmore Post: "It was a draw, and both sides knew it."\n',
            ["Ruritania is big enough for both,", "It was a draw, and both sides knew it."],
        ),
    ],
)
def test_page_furniture_holds_no_quote_and_names_no_speaker(text: str, expected: list[str]) -> None:
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [q.text for q in quotes] == expected
    assert all(q.speaker != "Maria Lopez" for q in quotes)


def test_a_photo_caption_inside_a_quote_of_several_paragraphs_names_no_speaker() -> None:
    text = (
        "Premier Anton Berg spoke on Monday.\n\n"
        '"This is a democracy where everybody can be heard," Mr Berg said.\n\n'
        "Police on hand at the square.\n\n"
        "Police on hand at the square.Credit: Daniel Moreau\n\n"
        '"Let us hope that it can be resolved peacefully."\n'
    )
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert quotes[-1].text == "Let us hope that it can be resolved peacefully."
    assert quotes[-1].speaker == "Anton Berg"  # the caption's photographer is no speaker, nor a paragraph between


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the second paragraph opens a quote it never closes; the caption stands before the quote goes on
            "Premier Anton Berg spoke on Monday.\n\n"
            '"This is a democracy where everybody can be heard," Mr Berg said.\n\n'
            '"The summit showed that if you have something to say, you can say it\n\n'
            "Police on hand at the square.\n\n"
            "Police on hand at the square.Credit: Daniel Moreau\n\n"
            '"Let us hope that it can be resolved peacefully."\n',
            [
                ("This is a democracy where everybody can be heard,", "Anton Berg"),
                ("The summit showed that if you have something to say, you can say it", "Anton Berg"),
                ("Let us hope that it can be resolved peacefully.", "Anton Berg"),
            ],
        ),
        (  # a caption credited with "by" is furniture too: its photographer is no antecedent
            "Flour seller Anna Berg, 50, said she was not surprised by the rise in prices.\n\n"
            "Flour seller Anna Berg, 50, considers the rise a burden for all the stalls. — Picture by Daniel Moreau\n\n"
            "“Even back then the flour cost more than we could charge.\n\n"
            "“My business has not been affected, but this is ridiculous,” she said.\n",
            [
                ("she was not surprised by the rise in prices", "Anna Berg"),
                ("Even back then the flour cost more than we could charge.", "Anna Berg"),
                ("My business has not been affected, but this is ridiculous,", "Anna Berg"),
            ],
        ),
    ],
)
def test_a_photo_caption_between_paragraphs_neither_ends_a_quote_nor_names_its_speaker(
    text: str, expected: list[tuple[str, str]]
) -> None:
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [(q.text, q.speaker) for q in quotes] == expected


def test_photo_captions_are_page_furniture() -> None:
    from quotes.detect import furniture

    text = (
        "The siege ended at noon.\n\nPolice at the square.\nPolice at the square.Credit: Daniel Moreau\n\n"
        "Image caption,\n\nPhoto: AP\n\nShe said it was over."
    )
    assert [text[a:b] for a, b in furniture(text)] == [
        "Police at the square.",
        "Police at the square.Credit: Daniel Moreau",
        "Image caption,",
        "Photo: AP",
    ]


def test_a_headline_in_title_case_holds_no_quote() -> None:
    text = (
        "Pledge of Peace Was Shared at G7 Summit, Says Kishida\n\n"
        "Prime Minister Fumio Kishida said on Sunday that the summit had sent a strong message.\n"
    )
    quotes = [q.text for ex in extract(text) for q in ex.quotes]
    assert quotes == ["the summit had sent a strong message"]


def test_a_short_first_line_with_no_full_stop_is_the_title_and_holds_no_quote() -> None:
    text = "Berg hails the port deal as “historic”\n\nAnton Berg said on Sunday that the port would reopen in June.\n"
    assert [q.text for ex in extract(text) for q in ex.quotes] == ["the port would reopen in June"]
    long_first = (  # a first paragraph of more words than a title has is body text, full stop or not
        "Anton Berg said on Sunday that the port would reopen in June after months of talks with the unions"
        " and the city council over wages, hours and safety\n\nThe talks went well.\n"
    )
    assert [q.kind for ex in extract(long_first) for q in ex.quotes] == [Kind.INDIRECT]


def test_a_date_stamp_the_page_opens_with_is_no_speaker() -> None:
    text = " date 2023-12-14 President Vladimir Putin on Thursday said that Moscow's goals had not changed.\n"
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [q.text for q in quotes] == ["Moscow's goals had not changed"]
    assert quotes[0].speaker != "date"


def test_a_date_stamp_is_no_subject_of_the_sentence_after_it() -> None:
    text = " date 2024-02-19 Chilean President Anton Berg compared the strike to a siege in a speech on Sunday.\n"
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [(q.text, q.speaker) for q in quotes] == [("the strike to a siege in a speech on Sunday", "Anton Berg")]


def test_the_line_a_date_stamp_opens_is_the_page_title_and_holds_no_quote() -> None:
    text = (
        " date 2024-02-18 Berg says that the port is a “disgrace” and must close\n"
        "Anton Berg said on Sunday that the port would close in June.\n"
    )
    assert [q.text for ex in extract(text) for q in ex.quotes] == ["the port would close in June"]
    one_line = " date 2024-02-18 Anton Berg said on Sunday that the port would close in June."
    assert [q.text for ex in extract(one_line) for q in ex.quotes] == ["the port would close in June"]


def test_a_wire_dateline_with_a_hyphen_stays_out_of_the_reported_clause() -> None:
    text = "TOKYO (Reuters) - Takata Corp is preparing to expand a recall nationwide, the Nikkei business daily said.\n"
    quotes = [q for ex in extract(text) for q in ex.quotes]
    assert [q.text for q in quotes] == ["Takata Corp is preparing to expand a recall nationwide"]
    text = "LONDON - The bank will cut rates in June, its governor said on Monday.\n"
    assert [q.text for ex in extract(text) for q in ex.quotes] == ["The bank will cut rates in June"]


# --- long articles: windows, exact offsets, linear cost -------------------------------------------------------

_GIVEN = ("Anna", "Omar", "Lena", "Tomas", "Mira", "Kenji", "Sara", "Ivan", "Nadia", "Paulo")
_HE = {"Omar", "Tomas", "Kenji", "Ivan", "Paulo"}  # the others are "she": a pronoun never skips its own person
_FAMILY = ("Berg", "Haddad", "Novak", "Silva", "Okafor", "Tanaka", "Moreau", "Kowalski", "Reyes", "Lindqvist")


def _news(paragraphs: int) -> str:
    """A long article of distinct paragraphs: each names a new person, quotes them, then reports them."""
    out = []
    for i in range(paragraphs):
        name = f"{_GIVEN[i % 10]} {_FAMILY[(i // 10) % 10]}"
        out.append(
            f'"We will open {i} new clinics this year," said {name}, a health official. '
            f"{name.split()[1]} added that the plan would cost {i} million dollars. "
            f'"It is not enough," {"he" if name.split()[0] in _HE else "she"} said.'
        )
    return "\n".join(out) + "\n"


def _our_calls(run: Callable[[], object]) -> int:
    """How many Python function calls ``run`` makes in the package's own code (a count, not a time)."""
    import sys

    root = str(Path(__import__("quotes").__file__).parent)
    calls = 0

    def count(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        if event in ("call", "c_call") and frame.f_code.co_filename.startswith(root):
            calls += 1

    sys.setprofile(count)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize(
    "make",
    [_news, lambda n: " ".join(f"“alpha beta gamma {i},” he said." for i in range(4 * n)) + "\n"],
    ids=["paragraphs", "pairs on one line"],
)
def test_extraction_work_grows_linearly_with_article_size(make: Callable[[int], str]) -> None:
    from quotes.nlp import parse
    from quotes.pipeline import extract_parsed

    work = []
    for n in (60, 240):
        ((article, doc),) = parse([Article("long.txt", make(n))], settings=Settings())
        work.append(_our_calls(lambda a=article, d=doc: extract_parsed(a, d)))
    assert work[1] / work[0] < 4 * 1.25  # four times the text: about four times the work, not sixteen


def test_a_long_article_is_parsed_in_windows_with_exact_offsets_and_the_same_quotes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import quotes.nlp as nlp

    text = _news(120)
    monkeypatch.setattr(nlp, "LONG_ARTICLE_CHARS", 10**9)
    (whole,) = extract(Article("long.txt", text), cache=False)
    monkeypatch.setattr(nlp, "LONG_ARTICLE_CHARS", 2_000)
    monkeypatch.setattr(nlp, "WINDOW_CHARS", 1_500)
    monkeypatch.setattr(nlp, "CONTEXT_CHARS", 300)
    assert len(nlp.windows(text)) > 5
    (windowed,) = extract(Article("long.txt", text), cache=False)
    assert all(text[q.start : q.end] == q.text for q in windowed.quotes)
    key = [(q.start, q.end, q.kind, q.speaker, q.line) for q in whole.quotes]
    assert [(q.start, q.end, q.kind, q.speaker, q.line) for q in windowed.quotes] == key


def test_an_article_past_spacys_limit_is_read_and_the_others_go_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text('"We will win," Smith said.\n', encoding="utf-8")
    (tmp_path / "big.txt").write_text('"Prices rose," Lee said.\n' * 42_000, encoding="utf-8")  # 1.05 M characters
    (tmp_path / "c.txt").write_text('"We will lose," Jones said.\n', encoding="utf-8")
    out = list(extract(tmp_path, cache=False))
    assert [Path(ex.article.doc).name for ex in out] == ["a.txt", "big.txt", "c.txt"]
    assert [ex.errors for ex in out] == [(), (), ()]
    assert len(out[1].quotes) == 42_000 and out[1].quotes[-1].line == 42_000


def test_unusable_texts_are_diagnostics_in_input_order(tmp_path: Path) -> None:
    sources: list[str | Path | Article] = [
        Article("a", '"We will win," Smith said.'),
        tmp_path / "missing.txt",
        Article("s", 'Lee said "x\ud800y" today.'),  # an unpaired surrogate: no file decodes to that
        '"Hi," Kim said.',
        "x" * 2_000_001,  # past the cap
    ]
    out = list(extract(sources, cache=True))
    assert [[d.code for d in ex.errors] for ex in out] == [[], ["E102"], ["E110"], [], ["E109"]]
    assert [len(ex.quotes) for ex in out] == [1, 0, 0, 1, 0]


def test_twenty_articles_and_a_five_megabyte_one_give_twenty_extractions_and_one_error(tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"{i:02}.txt").write_text(f'"We will build {i} schools," Smith said.\n', encoding="utf-8")
    (tmp_path / "huge.txt").write_text("Prices rose again. " * 275_000, encoding="utf-8")  # 5.2 MB
    out = list(extract(tmp_path, cache=False))
    assert [len(ex.quotes) for ex in out if not ex.errors] == [1] * 20
    assert [(Path(ex.article.doc).name, [d.code for d in ex.errors]) for ex in out if ex.errors] == [
        ("huge.txt", ["E109"])
    ]


def _shuffled_seed_articles(count: int) -> list[Article]:
    """``count`` articles made of the paragraphs of seeds/, each a different selection and order."""
    import random

    paragraphs = [p for f in sorted(SEEDS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n") if p]
    rng = random.Random(14)
    return [Article(f"gen{i}.txt", "\n".join(rng.sample(paragraphs, 4)) + "\n") for i in range(count)]


def test_two_processes_give_the_records_of_one_in_input_order_windows_included(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import quotes.nlp as nlp

    monkeypatch.setattr(nlp, "PARALLEL_MIN_DOCS", 2)  # a few documents are enough to start two processes
    monkeypatch.setattr(nlp, "LONG_ARTICLE_CHARS", 2_000)  # and one article parsed in windows among them
    monkeypatch.setattr(nlp, "WINDOW_CHARS", 1_500)
    monkeypatch.setattr(nlp, "CONTEXT_CHARS", 300)
    started: list[int] = []
    processes = nlp.processes
    monkeypatch.setattr(nlp, "processes", lambda jobs, docs: started.append(processes(jobs, docs)) or started[-1])
    sources = [SEEDS, *_shuffled_seed_articles(6), Article("long.txt", _news(20)), "“Short,” Anna Berg said."]

    def records(jobs: int) -> list[dict[str, object]]:
        return [q.to_dict() for ex in extract(sources, settings=Settings(jobs=jobs), cache=False) for q in ex.quotes]

    one, two = records(1), records(2)
    assert started == [1, 2]
    assert len(one) > 50 and two == one


def test_the_paragraph_component_pickles_for_worker_processes_started_by_spawn() -> None:
    import pickle

    from quotes.nlp import PARAGRAPH_COMPONENT, pipeline

    component = pipeline(Settings()).get_pipe(PARAGRAPH_COMPONENT)
    assert pickle.loads(pickle.dumps(component)) is component


@pytest.mark.parametrize(("jobs", "documents", "expected"), [(2, 10, 1), (2, 64, 2), (8, 64, 2), (1, 1000, 1)])
def test_few_documents_are_parsed_in_one_process(jobs: int, documents: int, expected: int) -> None:
    from quotes.nlp import processes

    assert processes(jobs, documents) == expected


def test_a_report_across_the_wraps_of_hard_wrapped_wire_copy_is_one_record() -> None:
    text = (Path(__file__).parent / "data" / "wrapped_wire.txt").read_text(encoding="utf-8")  # invented wire copy
    [ex] = extract([text], cache=False)
    reports = [q for q in ex.quotes if q.kind is Kind.INDIRECT]
    assert [(q.speaker, q.line) for q in reports] == [("county officials", 1), ("Anna Holt", 5)]
    assert "Snow-clearing\ncrews" in reports[0].text and reports[0].text.endswith("400 roads")
    assert reports[1].text.startswith("Engineers had") and reports[1].text.endswith("several towns")
    for q in ex.quotes:  # the records keep the text as written, line breaks and all
        assert q.text == text[q.start : q.end]
        assert q.speaker_span is None or q.speaker_mention == text[slice(*q.speaker_span)]
    assert ex.article.text == text
    assert "\n" in reports[0].text


def test_html_tags_in_a_page_are_no_part_of_a_speakers_mention() -> None:
    text = "<p>Dunmore council said on Monday that the <strong>bridge</strong> would reopen in May.</p>"
    [ex] = extract([text], cache=False)
    [quote] = ex.quotes
    assert (quote.speaker_mention, quote.text) == ("Dunmore council", "the <strong>bridge</strong> would reopen in May")
    assert quote.text == text[quote.start : quote.end]


def test_a_caption_file_turn_runs_from_its_label_to_the_next() -> None:
    # a broadcast's caption file breaks its lines every few words: one turn is one record, label to label, and a
    # lone title above a label ("SEN.") is part of that label
    text = (
        "ANNA HOLT: Good evening.\n"
        "I'm Anna Holt.\n"
        "Tonight: the Dunmore council\n"
        "meets to decide on\n"
        "the harbour budget.\n"
        "Members are divided\n"
        "on the plan.\n"
        "SEN.\n"
        "TOMAS BERG, Dunmore: The harbour\n"
        "has waited long enough.\n"
        "We will vote for it.\n"
        "ANNA HOLT: Thank you.\n"
    )
    (ex,) = extract(text, cache=False)
    turns = [(q.speaker, q.text) for q in ex.quotes if q.kind.value == "direct"]
    assert turns == [
        (
            "ANNA HOLT",
            "Good evening.\nI'm Anna Holt.\nTonight: the Dunmore council\nmeets to decide on\nthe harbour budget.\n"
            "Members are divided\non the plan.",
        ),
        ("TOMAS BERG", "The harbour\nhas waited long enough.\nWe will vote for it."),
        ("ANNA HOLT", "Thank you."),
    ]


def test_a_turn_label_s_leading_titles_are_the_role_not_the_name() -> None:
    text = (
        "ANNA HOLT, DUNMORE ANCHOR: Good evening.\n\n"
        "LT. GEN. TOMAS BERG, FORCES COMMANDER: We will hold the line.\n\n"
        "ANNA HOLT: Thank you, general.\n"
    )
    (ex,) = extract(text, cache=False)
    assert [q.speaker for q in ex.quotes] == ["ANNA HOLT", "TOMAS BERG", "ANNA HOLT"]
    assert next(s for s in ex.speakers if s.name == "TOMAS BERG").role == "lt. gen."
