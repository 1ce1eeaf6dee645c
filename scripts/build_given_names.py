"""Write quotes/data/given_names.tsv: given names that mark a person's gender, from nomquamgender's name data.

Usage (the data is not a dependency of the package; install it only to rebuild the table):

    .venv/bin/pip install nomquamgender==0.1.4
    .venv/bin/python scripts/build_given_names.py [--check]

nomquamgender (MIT licence, Ian Van Buskirk, https://github.com/ianvanbuskirk/nomquamgender) gives, per
name, how many sources and people carry it and the share of them recorded as women (p(gf)). A name is
kept when it is written in Latin letters, at least ``MIN_PEOPLE`` people carry it, and at least
``SHARE`` of them one gender: a strict cut-off chosen before looking at any article, so that "he" or
"she" is never kept away from someone whose name is common for both (Jean, Kim, Lee, Taylor, Andrea).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shipped import ship_text  # noqa: E402

NAME = "given_names.tsv"
MIN_PEOPLE = 1000
SHARE = 0.98
LATIN = re.compile(r"^[a-z][a-z'-]*[a-z]$")
HEADER = f"""# Given names that mark a person's gender: "he" or "she" never resolves to someone whose first name
# marks the other gender, unless the article itself says otherwise (an honorific, a role word, the
# pronoun their own sentence uses). Written by scripts/build_given_names.py from nomquamgender 0.1.4's
# name data (MIT licence, (c) Ian Van Buskirk): names in Latin letters carried by at least {MIN_PEOPLE}
# people, at least {SHARE:.0%} of them one gender. name, gender.
"""


def rows(data: dict[str, list[object]]) -> list[tuple[str, str]]:
    """(name, gender) of the names that mark a gender, sorted by name."""
    out = []
    for name, entry in data.items():
        people, share = entry[1], entry[2]
        if not LATIN.match(name) or not isinstance(people, int) or not isinstance(share, float | int):
            continue
        if people >= MIN_PEOPLE and (share >= SHARE or share <= 1 - SHARE):
            out.append((name, "female" if share >= SHARE else "male"))
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when the shipped table differs")
    args = parser.parse_args()
    try:
        source = resources.files("nomquamgender").joinpath("name_data.json").read_text(encoding="utf-8")
    except ModuleNotFoundError:
        print(
            "build_given_names: nomquamgender is not installed; run .venv/bin/pip install nomquamgender==0.1.4",
            file=sys.stderr,
        )
        return 2
    text = HEADER + "".join(f"{name}\t{gender}\n" for name, gender in rows(json.loads(source)))
    return ship_text(text, NAME, check=args.check, what="table", fresh="its source data")


if __name__ == "__main__":
    sys.exit(main())
