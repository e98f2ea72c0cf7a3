"""The brat attribution reader and the bench built on it, on small corpora
written here (real files, the real CLI as a subprocess)."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from verifier import errors
from verifier.bench_attribution import build_units, run_bench, speaker_matches
from verifier.brat import corpus_files, parse_ann, read_article, read_corpus
from verifier.document import Document
from verifier.errors import InputNotFound, MalformedInput

TEXT = (
    "The harbor board said the new pier would open in March. Ferries will use it. The show starts at noon.\n\n"
    "\"We are ready,\" the director told reporters. Repairs, the report found, cost more than planned.\n\n"
    "Read more at our site.\n"
)


def span(fragment: str, text: str = TEXT) -> tuple[int, int]:
    a = text.index(fragment)
    return a, a + len(fragment)


def ann_for(text: str = TEXT) -> str:
    src = span("The harbor board")
    cue = span("said")
    content = span("the new pier would open in March")
    q = span("\"We are ready,\"")
    qsrc = span("the director")
    qcue = span("told")
    # discontinuous content: "Repairs" ... "cost more than planned"
    r1, r2 = span("Repairs"), span("cost more than planned")
    rsrc, rcue = span("the report"), span("found")
    disc = span("Read more at our site.")
    return "\n".join([
        f"T1\tSource {src[0]} {src[1]}\tThe harbor board",
        f"T2\tCue {cue[0]} {cue[1]}\tsaid",
        f"T3\tContent {content[0]} {content[1]}\tthe new pier would open in March",
        f"T4\tAttribution {cue[0]} {cue[1]}\tsaid",
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
        f"T5\tContent {q[0]} {q[1]}\t\"We are ready,\"",
        f"T6\tSource {qsrc[0]} {qsrc[1]}\tthe director",
        f"T7\tCue {qcue[0]} {qcue[1]}\ttold",
        f"T8\tAttribution {qcue[0]} {qcue[1]}\ttold",
        "E2\tAttribution:T8 Content:T5 Source:T6 Cue:T7",
        f"T9\tContent {r1[0]} {r1[1]};{r2[0]} {r2[1]}\tRepairs cost more than planned",
        f"T10\tSource {rsrc[0]} {rsrc[1]}\tthe report",
        f"T11\tCue {rcue[0]} {rcue[1]}\tfound",
        f"T12\tAttribution {rcue[0]} {rcue[1]}\tfound",
        "E3\tAttribution:T12 Content:T9 Cue:T11 Source:T10",
        f"T13\tDiscard {disc[0]} {disc[1]}\tRead more at our site.",
        "#1\tAnnotatorNotes T13\tboilerplate",
        "",
    ])


def write_polnear(root, name="harbor_2020-01-01_pier", annotators=("ab12",), text=TEXT):
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    for who in annotators:
        (root / "attributions" / f"{name}_{who}.ann").write_text(ann_for(text), encoding="utf-8")


def test_t_and_e_lines_discontinuous_spans_and_discard():
    art = parse_ann(ann_for(), TEXT, name="harbor")
    assert len(art.attributions) == 3
    first = art.attributions[0]
    assert (first.source_text, first.cue_text) == ("The harbor board", "said")
    disc = next(a for a in art.attributions if a.cue_text == "found")
    assert disc.contents[0].fragments == (span("Repairs"), span("cost more than planned"))
    gold = art.gold_spans()
    assert [TEXT[g.start:g.end] for g in gold] == [
        "the new pier would open in March", "\"We are ready,\"", "Repairs", "cost more than planned"]
    assert gold[0].source == "The harbor board" and gold[0].cue == "said"
    assert art.discard == [span("Read more at our site.")]
    assert not art.warnings


def test_a_line_that_continues_a_multiline_annotation_text_is_read_past():
    text = "He said: \"one\n\ntwo\" and left."
    a, b = text.index("\"one"), text.index("two\"") + 4
    ann = f"T1\tContent {a} {b}\t\"one\n\ntwo\"\nT2\tCue 3 7\tsaid\nE1\tAttribution:T2 Content:T1\n"
    art = parse_ann(ann, text)
    assert [(g.start, g.end) for g in art.gold_spans()] == [(a, b)]
    assert not art.attributions[0].has_source


@pytest.mark.parametrize("line, message", [
    ("T1\tContent 5 500\tx", "outside the text"),
    ("T1\tContent five 9\tx", "bad offsets"),
    ("nonsense at the top", "not a brat annotation line"),
    ("E1\tAttribution:T9 Cue", "bad event argument"),
])
def test_malformed_annotations_give_a_one_line_error_with_the_line(line, message):
    with pytest.raises(MalformedInput, match=message) as exc:
        parse_ann(line + "\n", TEXT, name="bad.ann")
    assert "bad.ann:1" in str(exc.value) and "\n" not in str(exc.value)


def test_event_pointing_at_a_missing_id_is_a_warning_not_a_crash():
    art = parse_ann("T1\tCue 4 10\tharbor\nE1\tAttribution:T1 Content:T7\n", TEXT)
    assert art.warnings and "T7" in art.warnings[0]


def test_polnear_layout_one_annotator_per_article_unless_asked(tmp_path):
    write_polnear(tmp_path, annotators=("ab12", "cd34"))
    write_polnear(tmp_path, name="harbor_2020-01-02_other", annotators=("cd34",))
    assert [a.name for a in read_corpus(tmp_path)] == ["harbor_2020-01-01_pier", "harbor_2020-01-02_other"]
    assert [a.annotator for a in read_corpus(tmp_path)] == ["ab12", "cd34"]
    assert len(list(read_corpus(tmp_path, annotator="all"))) == 3
    assert [a.name for a in read_corpus(tmp_path, annotator="cd34")] == [
        "harbor_2020-01-01_pier", "harbor_2020-01-02_other"]
    assert len(list(read_corpus(tmp_path, limit=1))) == 1
    with pytest.raises(MalformedInput, match="zz99"):
        corpus_files(tmp_path, annotator="zz99")


def test_brat_layout_text_beside_annotation_keeps_names_like_wsj_0001(tmp_path):
    (tmp_path / "wsj_0001.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "wsj_0001.ann").write_text(ann_for(), encoding="utf-8")
    (tmp_path / "wsj_0002.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "wsj_0002.ann").write_text(ann_for(), encoding="utf-8")
    arts = list(read_corpus(tmp_path))
    assert [a.name for a in arts] == ["wsj_0001", "wsj_0002"]
    assert read_article(tmp_path / "wsj_0001.ann").annotator is None


def test_missing_and_empty_corpora(tmp_path):
    with pytest.raises(InputNotFound):
        list(read_corpus(tmp_path / "nope"))
    with pytest.raises(MalformedInput, match="no brat articles"):
        list(read_corpus(tmp_path))
    (tmp_path / "lonely.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputNotFound, match="no text file"):
        read_article(tmp_path / "lonely.ann")


def test_units_sentence_and_span_levels():
    art = parse_ann(ann_for(), TEXT, name="harbor")
    units = build_units(art, Document(text=TEXT))
    sent = {TEXT[u.start:u.end]: u.gold for u in units if u.level == "sentence"}
    assert sent["The harbor board said the new pier would open in March."] == "attributed"
    assert sent["Ferries will use it."] == "asserted"
    assert not any("Read more" in s for s in sent)  # Discard is left out
    spans = {TEXT[u.start:u.end]: u.gold for u in units if u.level == "span"}
    assert spans["the new pier would open in March"] == "attributed"
    assert spans["The harbor board said"] == "asserted"
    assert spans["cost more than planned"] == "attributed"
    assert "Repairs" not in spans  # fewer than three words


def test_run_bench_scores_the_checker_and_a_broken_one_scores_lower():
    from verifier.schemas import Verdict

    arts = [parse_ann(ann_for(), TEXT, name="harbor")]
    good = run_bench(arts)
    assert good.sentence["units"] >= 3 and good.span["units"] >= 4
    assert good.sentence["macro_f1"] == 1.0
    assert good.speaker["evaluated"] >= 2 and good.speaker["accuracy"] == 1.0

    def always_asserted(doc, spans):
        return [Verdict(label="asserted") for _ in spans]

    bad = run_bench(arts, always_asserted, checker_name="always asserted")
    assert bad.sentence["macro_f1"] < good.sentence["macro_f1"]
    assert bad.errors and bad.errors[0]["pattern"].startswith("missed")
    assert set(bad.phenomena) >= {"direct quote", "indirect speech", "asserted text"}


def test_speaker_matching_is_loose_but_not_blind():
    assert speaker_matches("Hillary Clinton", "Clinton")
    assert speaker_matches("officials", "Federal and state officials")
    assert speaker_matches("Vladimir Putin", "President Vladimir Putin")
    assert not speaker_matches("Donald Trump", "Hillary Clinton")
    assert not speaker_matches(None, "Clinton")


def test_bench_command_prints_tables_and_writes_json(tmp_path):
    corpus = tmp_path / "corpus"
    write_polnear(corpus)
    out = tmp_path / "bench.json"
    proc = run_cli("bench-attribution", str(corpus), "--json", str(out), "--errors", "5", "--no-color")
    assert proc.returncode == 0, proc.stderr.decode()
    stdout = proc.stdout.decode()
    assert "sentence" in stdout and "macro-F1" in stdout and "Speaker accuracy" in stdout
    data = json.loads(out.read_text())
    assert data["articles"] == 1
    assert data["sentence_level"]["macro_f1"] == 1.0
    assert {"span_level", "speaker", "phenomena", "error_patterns", "timings"} <= set(data)
    assert data["timings"]["check_s"] >= 0


def test_bench_command_errors_and_threshold(tmp_path):
    proc = run_cli("bench-attribution", str(tmp_path / "missing"))
    assert proc.returncode == errors.EXIT_NOT_FOUND
    assert proc.stderr.decode().count("\n") == 1 and "Traceback" not in proc.stderr.decode()
    proc = run_cli("bench-attribution", str(tmp_path))
    assert proc.returncode == errors.EXIT_MALFORMED
    corpus = tmp_path / "c"
    # a plain lexicon takes any "said" for a report, negated or not: below 0.99 on this corpus
    write_polnear(corpus, text=TEXT + "Nobody ever said the ferries were late.\n")
    proc = run_cli("bench-attribution", str(corpus), "--checker", "baseline", "--fail-under", "0.99", "--errors", "0")
    assert proc.returncode == errors.EXIT_REGRESSION
    assert "below" in proc.stderr.decode()
