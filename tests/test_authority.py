"""The speaker authority file (``--speakers``): malformed files are one clear error naming the file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.errors import DataError, InputError
from quotes.speakers import load_authority

BERG = '[[speaker]]\nid = "berg"\nname = "Anna Berg"\n'


@pytest.mark.parametrize(
    "content, field",
    [
        ("speaker = 5\n", "speaker"),
        (BERG + "aliases = 5\n", "aliases"),
        (BERG + "aliases = ['Berg', 5]\n", "aliases"),
        (BERG + "kind = []\n", "kind"),
        (BERG + "kind = 'org'\n", "kind"),
        (BERG + "role = 5\n", "role"),
        (BERG + "body = ['x']\n", "body"),
        ('[[speaker]]\nid = 5\nname = "Anna Berg"\n', "id"),
        ('[[speaker]]\nid = "berg"\nname = ["Anna Berg"]\n', "name"),
    ],
)
def test_a_malformed_speaker_is_a_data_error_naming_file_and_field(tmp_path: Path, content: str, field: str) -> None:
    file = tmp_path / "speakers.toml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_authority(file)
    assert "speakers.toml" in str(caught.value) and field in str(caught.value)
    assert str(caught.value).startswith("[Q300]") and "\n" not in str(caught.value)


def test_a_directory_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=f"{tmp_path}: .*directory"):
        load_authority(tmp_path)
