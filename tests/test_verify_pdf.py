"""PDF sources for `verifier verify --source X.pdf` (the `pdf` extra,
pypdf): the PDFs are built here, byte by byte, as the PDF format says (a
catalog, one page, Helvetica, one content stream, the cross-reference
table), so nothing binary is kept in the repository. A transcript as a PDF
gives the verdicts the same transcript gives as text; a PDF without a text
layer, a damaged one and a missing extra are one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli

pytest.importorskip("pypdf")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "kelmar-port-briefing.txt")
TRANSCRIPT = ROOT / "examples" / "kelmar-port-briefing.transcript.txt"


def tiny_pdf(lines: list[str] | None = None, drawing: str | None = None) -> bytes:
    """A one-page PDF whose page shows `lines` as text (or, with `drawing`,
    only those path operators: a page with no text layer)."""
    def esc(t: str) -> str:
        return t.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = drawing if drawing is not None else "".join(
        f"BT /F1 10 Tf 40 {800 - 14 * i} Td ({esc(t)}) Tj ET\n" for i, t in enumerate(lines or []))
    stream = ops.encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def verdicts(*source: str) -> dict[str, str]:
    args = [a for s in source for a in ("--source", s)]
    r = run_cli("verify", EXAMPLE, *args, "-f", "json")
    assert r.returncode == 0, r.stderr
    return {c["claim_id"]: c["verdict"] for c in json.loads(r.stdout)["verification"]["checks"]}


def test_a_transcript_as_pdf_gives_the_verdicts_of_its_text(tmp_path):
    lines = [ln for ln in TRANSCRIPT.read_text(encoding="utf-8").splitlines() if ln.strip()]
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(tiny_pdf(lines))
    from verifier.verify.sources import read_source

    doc = read_source(pdf)
    assert doc.text.splitlines() == lines and doc.source == str(pdf)
    as_pdf = verdicts(f"Anna Berg={pdf}")
    assert as_pdf == verdicts(f"Anna Berg={TRANSCRIPT}")
    assert {"verbatim", "altered", "mismatch", "not_found"} <= set(as_pdf.values())
    # the file is known by its first bytes as well as by its name
    disguised = tmp_path / "briefing.bin"
    disguised.write_bytes(pdf.read_bytes())
    assert verdicts(str(disguised)) == verdicts(str(pdf))


def test_pdfs_that_cannot_be_read_are_one_line_errors(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(tiny_pdf(drawing="0 0 m 300 300 l S\n"))
    (tmp_path / "torn.pdf").write_bytes(tiny_pdf(["Anna Berg: we will build."])[:60])
    for name, why in (("scan.pdf", "the PDF has no text layer (a scan?)"), ("torn.pdf", "not a readable PDF")):
        r = run_cli("verify", EXAMPLE, "--source", str(tmp_path / name))
        err = r.stderr.decode()
        assert r.returncode == 7 and "Traceback" not in err, err
        assert err.strip().splitlines() == [err.strip()] and why in err and name in err, err


def test_without_the_pdf_extra_a_pdf_source_says_what_to_install(tmp_path):
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(tiny_pdf(["DIRECTOR ANNA BERG: We will extend the northern quay by 400 metres."]))
    code = ("import sys\nsys.modules['pypdf'] = None  # as if the extra were not installed\n"
            "from verifier.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    r = subprocess.run([sys.executable, "-c", code, "verify", EXAMPLE, "--source", str(pdf)], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 9, r.stderr
    assert r.stderr.strip() == (f"verifier: error: {pdf}: PDF sources need the pdf extra: pip install "
                                "'verifier[pdf]' (or give the text as .txt)")


def test_text_sources_do_not_import_pypdf():
    code = ("import sys\nfrom verifier.verify import verify\n"
            f"verify(open({EXAMPLE!r}).read(), [{str(TRANSCRIPT)!r}])\nprint('pypdf' in sys.modules)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "False", r.stderr
