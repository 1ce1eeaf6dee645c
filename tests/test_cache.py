"""The extraction cache: hits skip the parser, results equal uncached ones, bad entries are misses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from quotes import Article, extract, extract_corpus, nlp, verify
from quotes.cache import CACHE_ENV, cache_dir, open_cache
from quotes.config import Settings
from quotes.verify import Corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CLAIM = "This year marks the 60th anniversary of the normalization of Korea-Japan relations"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache folder for one test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents the spaCy parser sees, in order (a spy on ``nlp.parse``)."""
    seen: list[str] = []
    real = nlp.parse

    def spy(articles, *, settings):  # type: ignore[no-untyped-def]
        for article, doc in real(articles, settings=settings):
            seen.append(article.doc)
            yield article, doc

    monkeypatch.setattr(nlp, "parse", spy)
    return seen


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed articles and their outlets.toml."""
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("extractions/*/*.json"))


def test_second_verify_against_the_same_paths_does_not_parse_again(cache: Path, parsed: list[str]) -> None:
    first = verify(CLAIM, speaker="Lee Jae-myung", against=[SEEDS])
    assert len(parsed) == 5 and len(_entries(cache)) == 5
    parsed.clear()
    second = verify(CLAIM, speaker="Lee Jae-myung", against=[SEEDS])
    assert parsed == []
    assert second == first and second.to_dict() == first.to_dict()


def test_cached_corpus_equals_the_uncached_one_speakers_unified_across_documents(cache: Path) -> None:
    uncached = extract_corpus([SEEDS], cache=False)
    assert _entries(cache) == []
    cold = extract_corpus([SEEDS])
    warm = extract_corpus([SEEDS])
    assert cold == uncached and warm == uncached
    # the cross-document step is redone on cached documents: one id for Kang across outlets
    kang = {q.speaker_id for ex in warm for q in ex.quotes if q.speaker and "Kang" in q.speaker}
    assert kang == {"kang-yu-jung"}


def test_verdicts_are_identical_with_and_without_the_cache(cache: Path) -> None:
    claims = [CLAIM, "This year marks the 70th anniversary of the normalization of Korea-Japan relations"]
    without = [verify(c, against=Corpus.from_paths([SEEDS], cache=False)).to_dict() for c in claims]
    verify(claims[0], against=[SEEDS])  # fills the cache
    with_cache = [verify(c, against=Corpus.from_paths([SEEDS])).to_dict() for c in claims]
    assert with_cache == without


def test_a_changed_file_is_extracted_again_and_only_it(cache: Path, parsed: list[str], seeds_copy: Path) -> None:
    extract_corpus([seeds_copy])
    parsed.clear()
    changed = sorted(seeds_copy.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n“We will win,” Anna Berg said.\n", encoding="utf-8")
    warm = extract_corpus([seeds_copy])
    assert parsed == [str(changed)]
    assert warm == extract_corpus([seeds_copy], cache=False)
    assert any(q.speaker == "Anna Berg" for ex in warm for q in ex.quotes)


def test_mixed_hits_and_misses_keep_the_input_order(cache: Path, parsed: list[str], seeds_copy: Path) -> None:
    files = sorted(seeds_copy.glob("*.txt"))
    extract_corpus([files[1], files[3]])
    parsed.clear()
    missing = seeds_copy / "missing.txt"
    paths = [files[0], files[1], missing, files[2], files[3], files[4]]
    warm = extract_corpus(paths)
    assert parsed == [str(files[0]), str(files[2]), str(files[4])]
    assert [ex.article.doc for ex in warm] == [str(p) for p in paths]
    assert warm == extract_corpus(paths, cache=False)


@pytest.mark.parametrize(
    "garbage",
    [b"", b"{", b"\xff\xfe not utf-8", b"[]", b'{"key": 1}', b"null", b"{}"],
    ids=["empty", "truncated", "binary", "array", "wrong-key", "null", "no-fields"],
)
def test_a_corrupt_entry_is_ignored_and_recomputed(
    cache: Path, parsed: list[str], seeds_copy: Path, garbage: bytes
) -> None:
    expected = extract_corpus([seeds_copy])
    for entry in _entries(cache):
        entry.write_bytes(garbage)
    parsed.clear()
    assert extract_corpus([seeds_copy]) == expected
    assert len(parsed) == 5
    parsed.clear()
    assert extract_corpus([seeds_copy]) == expected and parsed == []  # rewritten, good again


def test_an_entry_whose_offsets_do_not_fit_the_text_is_a_miss(cache: Path, parsed: list[str], tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("“We will win,” Anna Berg said.\n", encoding="utf-8")
    expected = extract_corpus([file])
    (entry,) = _entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["quotes"][0][1] = 10_000  # an end past the text
    entry.write_text(json.dumps(data), encoding="utf-8")
    parsed.clear()
    assert extract_corpus([file]) == expected and parsed == [str(file)]


def test_the_same_text_under_another_name_is_a_hit_named_by_its_current_path(
    cache: Path, parsed: list[str], tmp_path: Path
) -> None:
    text = "Intro.\n“We will win,” Anna Berg said. Berg added that the team was ready for the final.\n"
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "a.txt").write_text(text, encoding="utf-8")
    renamed = tmp_path / "two" / "b.txt"
    renamed.write_text(text, encoding="utf-8")
    extract_corpus([tmp_path / "one"])
    parsed.clear()
    (warm,) = extract_corpus([renamed])
    assert parsed == []
    assert warm.article.doc == str(renamed) and {q.doc for q in warm.quotes} == {str(renamed)}
    assert [warm] == extract_corpus([renamed], cache=False)


def test_the_outlet_from_outlets_toml_is_part_of_the_key(cache: Path, parsed: list[str], tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("“We will win,” Anna Berg said.\n", encoding="utf-8")
    extract_corpus([file])
    (tmp_path / "outlets.toml").write_text('[files."a.txt"]\noutlet = "The Daily"\n', encoding="utf-8")
    from quotes.ingest import folder_metadata

    folder_metadata.cache_clear()
    parsed.clear()
    (ex,) = extract_corpus([file])
    assert parsed == [str(file)] and ex.article.outlet == "The Daily"
    assert {q.outlet for q in ex.quotes} == {"The Daily"}


def test_texts_and_articles_are_cached_too(cache: Path, parsed: list[str]) -> None:
    sources = ["“We will win,” Anna Berg said.", Article(doc="x", text="“No,” Ben Cole said.", outlet="O")]
    first = list(extract(sources))
    parsed.clear()
    assert list(extract(sources)) == first and parsed == []


@pytest.mark.parametrize("how", ["env", "keyword"])
def test_the_cache_can_be_turned_off(how: str, cache: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "env":
        monkeypatch.setenv(CACHE_ENV, "off")
    for _ in range(2):
        extract_corpus([SEEDS], cache=how != "keyword")
    assert len(parsed) == 10 and not cache.exists()


def test_an_interrupted_write_leaves_no_entry_and_no_temporary_file(
    cache: Path, parsed: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "a.txt"
    file.write_text("“We will win,” Anna Berg said.\n", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("quotes.cache.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        extract_corpus([file])
    assert [p for p in cache.rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    monkeypatch.setenv(CACHE_ENV, str(cache))
    assert extract_corpus([file]) == extract_corpus([file], cache=False)
    assert len(_entries(cache)) == 1


def test_an_unusable_cache_folder_is_no_error(
    parsed: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    assert extract_corpus([SEEDS]) == extract_corpus([SEEDS], cache=False)


def test_cache_folder_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.setenv(CACHE_ENV, "OFF")
    assert cache_dir() is None and open_cache(Settings()) is None
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "quotes"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "quotes"


def test_the_key_depends_on_the_model_and_not_on_the_name(cache: Path) -> None:
    store = open_cache(Settings())
    assert store is not None
    a, b = Article(doc="a", text="Words."), Article(doc="b", text="Words.")
    assert store.key(a) == store.key(b)
    assert store.key(a) != store.key(Article(doc="a", text="Words!"))
    assert store.key(a) != store.key(Article(doc="a", text="Words.", date="2025-06-09"))
    assert open_cache(Settings(model="no_such_pipeline")) is None  # unknown pipeline: no cache


def test_a_report_around_a_partial_quote_comes_back_from_the_cache(cache: Path, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Anna Berg said the speech was “shameful” and had to be withdrawn at once.\n", encoding="utf-8")
    cold = extract_corpus([story])
    warm = extract_corpus([story])
    assert [q.text for ex in warm for q in ex.reports] == ["the speech was “shameful” and had to be withdrawn at once"]
    assert warm == cold
