"""The first-name table (verifier/attribution/data/first_names.tsv) and the tool that builds it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from verifier.attribution import first_names
from verifier.attribution.first_names import first_name_sex, is_first_name, name_sex
from verifier.attribution.lexicon import LexiconError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("word, sex", [
    ("Maria", "f"), ("Priya", "f"), ("Hillary", "f"), ("Tom", "m"), ("Vladimir", "m"), ("Bernie", "m"),
    ("Jean", None), ("Kim", None), ("Wall", None), ("Affordable", None),
])
def test_a_first_name_gives_its_sex_and_a_shared_or_unknown_one_none(word, sex):
    assert first_name_sex(word) == sex


def test_a_shared_first_name_is_still_a_first_name():
    assert is_first_name("Jean") and is_first_name("taylor") and not is_first_name("Wall")


def test_the_shipped_table_is_large_and_well_formed():
    table = first_names._table()
    assert len(table) > 10000 and set(table.values()) == {"f", "m", "u"}


def test_a_malformed_table_is_a_one_line_lexicon_error(monkeypatch, tmp_path):
    bad = tmp_path / "first_names.tsv"
    bad.write_text("# header\nmaria\tf\ntom\tx\n", encoding="utf-8")

    class Files:
        def joinpath(self, _):
            return bad

    first_names._table.cache_clear()
    monkeypatch.setattr(first_names, "files", lambda _: Files())
    try:
        with pytest.raises(LexiconError, match="line 3"):
            first_names._table()
    finally:
        monkeypatch.undo()
        first_names._table.cache_clear()
    assert first_name_sex("Maria") == "f"


def test_the_build_tool_keeps_common_names_and_marks_shared_ones(tmp_path):
    src = tmp_path / "name_data.json"
    src.write_text(json.dumps({
        "maria": [30, 90000, 0.99, 3], "tom": [30, 50000, 0.01, 3], "jean": [30, 40000, 0.48, 3],
        "zyx": [1, 12, 1.0, 3], "o'neil": [5, 9000, 0.0, 3], "bo": [9, 2500, 0.3, 3],
    }), encoding="utf-8")
    out = tmp_path / "first_names.tsv"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_first_names.py"), str(src), str(out)],
                   check=True, capture_output=True, timeout=60)
    rows = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows == ["bo\tu", "jean\tu", "maria\tf", "tom\tm"]


@pytest.mark.parametrize("words, sex", [
    (["Sen.", "Maria", "Lopez"], "f"), (["President", "Joe", "Biden"], "m"), (["Charlie", "King"], "m"),
    (["Trump"], None), (["Jordan"], None), (["Jean", "Moreau"], None),
])
def test_a_full_name_takes_the_sex_of_its_first_name_past_titles(words, sex):
    assert name_sex(words) == sex
