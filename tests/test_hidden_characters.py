"""Characters a reader cannot see never change a label (issue: hostile text):
the engine reads the text as displayed, its offsets still point into the
user's text, and the Report warns that the article carries them."""

from __future__ import annotations

import json

import pytest
from conftest import run_cli

from verifier import attribute
from verifier.attribution.normalize import analysis_text, hidden_characters, latin_reading

CLEAN = "Officials said the bridge will reopen in May."


@pytest.mark.parametrize("cue", [
    "sa\u200bid",  # zero-width space
    "sa\u200did",  # zero-width joiner
    "sa\u00adid",  # soft hyphen
    "sa\u2060id",  # word joiner
    "s\u0430id",  # Cyrillic a
    "\u202edias\u202c",  # right-to-left override: shows "said"
    "\ufeffsaid",  # byte-order mark
])
def test_a_hidden_character_in_a_cue_changes_nothing(cue):
    text = CLEAN.replace("said", cue)
    a = text.index("the bridge")
    v = attribute(text, [(a, len(text) - 1)])[0]
    assert (v.label, v.speaker, v.cue) == ("attributed", "Officials", "said")
    shown = text[v.cue_span.start:v.cue_span.end]  # offsets into the user's text
    assert shown.strip("\ufeff\u202e\u202c") in (cue.strip("\ufeff\u202e\u202c"),)


@pytest.mark.parametrize("text, source", [
    ("Acc\u200bording to the ministry, the bridge will reopen in May.", "the ministry"),
    ("The bridge will reopen in May, the ministry \u0430nnounced.", "the ministry"),
    ("The mayor \u200bwarned that the bridge would stay shut.", "The mayor"),
])
def test_other_cues_read_through_hidden_characters(text, source):
    a = text.index("bridge")
    v = attribute(text, [(a, a + 6)])[0]
    assert (v.label, v.speaker) == ("attributed", source)


def test_lookalikes_are_read_as_latin_only_inside_latin_words():
    assert latin_reading("s\u0430id") == "said"
    assert latin_reading("сказал") == "сказал"  # Russian stays Russian
    assert latin_reading("said") == "said"


def test_offset_map_points_into_the_original():
    text = "a\u200bb \u202ecba\u202c d"
    seen, offsets = analysis_text(text)
    assert seen == "ab abc d"
    assert [text[offsets[i]] for i in range(len(seen))] == list(seen)
    assert analysis_text(CLEAN) == (CLEAN, None)


def test_the_report_warns_of_hidden_characters(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("Officials sa\u200bid the bridge will reopen in May. Tolls will rise in June.\n", encoding="utf-8")
    out = run_cli("check", str(art), "-f", "json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert any("invisible" in w for w in report["warnings"])
    assert hidden_characters("Plain text.") is None
