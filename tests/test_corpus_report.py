"""`verifier report`: corpus figures from real batch results (JSONL and the
Parquet tables of a Dask run's sink), as CSV and as a self-contained HTML
page checked in a real headless Chromium."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import run_cli
from verifier.corpus_report.aggregate import is_unnamed

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def corpus(path: Path) -> None:
    lines = []
    for i in range(12):
        outlet = ["Herald", "Courier", "Gazette"][i % 3]
        text = (f"Ingrid Halvorsen said the ferry route {i} will reopen in May.\n\n"
                f"Officials said the harbour number {i} was safe.\n\n"
                f"The harbour number {i} handled {100 + i} ships last year.\n")
        if outlet == "Herald":
            text += f"\nThis proves the harbour plan number {i} is a failure.\n"
        if outlet == "Courier":
            text += f"\nTom Berg admitted the pier number {i} was closed for weeks.\n"
        lines.append({"id": f"a{i}", "text": text, "outlet": outlet, "date": f"2024-{1 + i % 4:02d}-1{i % 9}"})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    corpus(d / "c.jsonl")
    r = run_cli("check", str(d / "c.jsonl"), "-o", str(d / "r.jsonl"), "-e", "rules", "--no-progress")
    assert r.returncode == 0, r.stderr
    return d / "r.jsonl"


def expected_outlets(results: Path) -> dict[str, tuple[int, int, int]]:
    """(claims, asserted, unnamed attributed) per outlet, counted from the reports themselves."""
    out: dict[str, list[int]] = {}
    for line in results.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        t = out.setdefault(rec["meta"]["outlet"], [0, 0, 0])
        for c in rec["report"]["claims"]:
            t[0] += 1
            t[1] += c["label"] == "asserted"
            t[2] += c["label"] == "attributed" and c["speaker"] in (None, "Officials")
    return {k: tuple(v) for k, v in out.items()}


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_unnamed_sources():
    for s in (None, "", "Officials", "a spokeswoman", "people familiar with the matter", "Analysts", "The ministry"):
        assert is_unnamed(s), s
    for s in ("Ingrid Halvorsen", "Tom Berg", "Reuters", "the Norwegian Union of Industry Workers", "Dr. Ng"):
        assert not is_unnamed(s), s


def test_csv_figures_match_the_reports(results, tmp_path):
    r = run_cli("report", str(results), "-o", str(tmp_path / "page.html"), "--csv", str(tmp_path))
    assert r.returncode == 0, r.stderr
    want = expected_outlets(results)
    rows = {row["outlet"]: row for row in read_csv(tmp_path / "outlets.csv")}
    assert set(rows) == set(want) | {"(all)"}
    for outlet, (claims, asserted, unnamed) in want.items():
        row = rows[outlet]
        assert (int(row["claims"]), int(row["asserted"]), int(row["unnamed"])) == (claims, asserted, unnamed)
        assert float(row["asserted_share"]) == pytest.approx(asserted / claims, abs=1e-4)
    assert float(rows["Herald"]["asserted_share"]) > float(rows["Gazette"]["asserted_share"])
    periods = read_csv(tmp_path / "periods.csv")
    assert [p["month"] for p in periods] == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert sum(int(p["articles"]) for p in periods) == 12
    speakers = read_csv(tmp_path / "speakers.csv")
    assert speakers[0]["speaker"] == "Ingrid Halvorsen" and speakers[0]["top_cue"] == "said"
    cues = {(c["speaker"], c["cue"]): int(c["claims"]) for c in read_csv(tmp_path / "cues.csv")}
    assert cues[("Tom Berg", "admitted")] == 4
    assert not any(s == "Officials" for s, _ in cues)  # unnamed sources are counted apart, not as speakers


def test_parquet_tables_give_the_same_figures(results, tmp_path):
    pytest.importorskip("pyarrow")
    from verifier.batch.parquet import ParquetSink
    from verifier.batch.store import read_results

    sink = ParquetSink(tmp_path / "r.parquet", part_articles=5)
    assert sink.catch_up(read_results(results)) == 12
    a = run_cli("report", str(results), "-o", str(tmp_path / "a.html"), "--csv", str(tmp_path))
    assert a.returncode == 0, a.stderr
    from_jsonl = (tmp_path / "outlets.csv").read_text()
    b = run_cli("report", str(tmp_path / "r.parquet"), "-o", str(tmp_path / "b.html"), "--csv", str(tmp_path))
    assert b.returncode == 0, b.stderr
    assert (tmp_path / "outlets.csv").read_text() == from_jsonl


@pytest.mark.parametrize("args, needle", [
    (["missing.jsonl"], "no such file"),
    (["{results}", "--period", "week"], "choose day, month or year"),
    (["{results}", "--csv", "nowhere"], "not an existing directory"),
    (["{empty}"], "holds no batch results"),
])
def test_bad_input_is_one_line_error(results, tmp_path, args, needle):
    (tmp_path / "empty.jsonl").write_text("hello\n")
    args = [a.format(results=results, empty=tmp_path / "empty.jsonl") for a in args]
    r = run_cli("report", *args, "-o", str(tmp_path / "x.html"), cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode != 0 and needle in err, err
    assert err.startswith("verifier: error: ") and err.strip().count("\n") == 0, err


@pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium (apt-get install -y chromium)")
def test_the_page_in_headless_chromium(results, tmp_path):
    page = tmp_path / "page.html"
    r = run_cli("report", str(results), "-o", str(page), "--csv", str(tmp_path))
    assert r.returncode == 0, r.stderr
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html  # self-contained: nothing fetched
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--window-size=1000,2400"]
    with tempfile.TemporaryDirectory(prefix="verifier-chromium-") as profile:
        dom = subprocess.run([*base, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                             capture_output=True, text=True, timeout=90)
    assert dom.returncode == 0, dom.stderr[-2000:]
    out = dom.stdout
    assert out.count('class="chart"') == 4  # outlets, time, speakers, unnamed sources
    assert out.count('class="bar"') >= 3 + 3 + 2  # a bar per outlet (twice) and per named speaker
    assert out.count('class="point"') == 8  # two lines over four months
    assert "Ingrid Halvorsen" in out and "Tom Berg" in out and "admitted 4" in out
    shot = tmp_path / "shot.png"
    with tempfile.TemporaryDirectory(prefix="verifier-chromium-") as profile:
        s = subprocess.run([*base, f"--user-data-dir={profile}", f"--screenshot={shot}", page.as_uri()],
                           capture_output=True, text=True, timeout=90)
    assert s.returncode == 0 and shot.stat().st_size > 10_000, s.stderr[-2000:]


def test_superseded_error_lines_of_an_unfinished_run_are_not_counted_failed(tmp_path):
    """A results file as an interrupted resume leaves it (compaction runs
    only at the end of a finished run): an article's error line, then its
    ok line. The report counts the article checked, not failed."""
    from batch_helpers import article

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(article(1))
    bad = src / "b.txt"
    bad.write_bytes("Le ministre a déclaré".encode("latin-1"))
    out = tmp_path / "out.jsonl"
    assert run_cli("check", str(src), "-o", str(out), "-e", "rules").returncode == 1
    first = out.read_text()
    bad.write_text(article(2))
    assert run_cli("check", str(src), "-o", str(out), "-e", "rules").returncode == 0
    retried = [ln for ln in out.read_text().splitlines(keepends=True) if str(bad) in ln]
    out.write_text(first + "".join(retried))  # the error line kept, as an unfinished run leaves it
    assert out.read_text().count('"status": "error"') == 1
    r = run_cli("report", str(out), "-o", str(tmp_path / "r.html"), "--csv", str(tmp_path))
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "2 articles" in r.stderr.decode() and " failed" not in html, html[:600]
