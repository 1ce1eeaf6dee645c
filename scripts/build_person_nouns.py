"""Write quotes/data/person_nouns.tsv: common nouns that name a person (``dishwasher``, ``retiree``), from WordNet.

Usage (WordNet is not a dependency of the package; install it only to rebuild the table):

    sudo apt-get install wordnet-base        # Debian's WordNet 3.0 database, /usr/share/wordnet
    .venv/bin/python scripts/build_person_nouns.py [--check] [--wordnet /usr/share/wordnet]

WordNet (Princeton University, WordNet 3.0 licence: free use, copy and distribution with its notice) files
every noun sense under a lexicographer class; ``noun.person`` (class 18) holds the senses that name people.
A one-word, lower-case noun is kept when its most frequent sense is a person (``teacher``, ``pensioner``),
or when it has a person sense at all and ends as an agent noun does (``cleaner``, ``dishwasher``, ``teller``:
their first sense is a thing, but a cleaner who says something is a person), unless that first sense is a text
(``letter``, ``reminder``: what a letter says is its writer's). Nouns whose senses are all
things (``report``, ``sign``) and proper names (``Franklin``) are left out. The rule was set before looking
at any article.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shipped import ship_text  # noqa: E402

NAME = "person_nouns.tsv"
#: WordNet's lexicographer class of nouns that name people.
NOUN_PERSON = 18
#: WordNet's class of nouns of communication (``letter``, ``reminder``): a text, not its writer, when it "says".
NOUN_COMMUNICATION = 10
#: Endings of agent nouns: a noun with a person sense that ends so names a person when it speaks.
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ee", "ant", "ent")
HEADER = """# Common nouns that name a person ("the dishwasher says", "a retiree who …"): such a noun can be a
# source, and a description it heads is one person (or a group, in the plural). Written by
# scripts/build_person_nouns.py from WordNet 3.0 (Princeton University; WordNet 3.0 licence):
# one-word lower-case nouns whose first sense is in noun.person, or which have a person sense and end
# as an agent noun does (-er, -or, -ist, -ian, -ee, -ant, -ent) and whose first sense is no text.
"""


def synsets(data_noun: Path) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Each noun synset's lexicographer class and words, by offset."""
    classes: dict[str, int] = {}
    words: dict[str, list[str]] = {}
    for line in data_noun.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue  # the licence header
        parts = line.split()
        count = int(parts[3], 16)
        classes[parts[0]] = int(parts[1])
        words[parts[0]] = [parts[4 + 2 * k] for k in range(count)]
    return classes, words


def person_nouns(index_noun: Path, classes: dict[str, int], words: dict[str, list[str]]) -> list[str]:
    """The nouns kept (see the module docstring), sorted."""
    out = []
    for line in index_noun.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma, count = parts[0], int(parts[2])
        if "_" in lemma or not lemma.replace("-", "").isalpha():
            continue  # one word, letters only
        offsets = parts[-count:]  # most frequent sense first
        persons = [
            o
            for o in offsets
            if classes[o] == NOUN_PERSON and any(w.lower() == lemma and not w[0].isupper() for w in words[o])
        ]
        agent = lemma.endswith(AGENT_ENDINGS) and classes[offsets[0]] != NOUN_COMMUNICATION
        if persons and (offsets[0] in persons or agent):
            out.append(lemma)
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the shipped table differs")
    parser.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    data, index = args.wordnet / "data.noun", args.wordnet / "index.noun"
    if not data.exists() or not index.exists():
        print(f"build_person_nouns: no WordNet in {args.wordnet}; apt-get install wordnet-base", file=sys.stderr)
        return 2
    classes, words = synsets(data)
    text = HEADER + "".join(f"{w}\n" for w in person_nouns(index, classes, words))
    return ship_text(text, NAME, check=args.check, what="table", fresh="its source data")


if __name__ == "__main__":
    sys.exit(main())
