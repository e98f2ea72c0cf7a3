"""Regenerate the screenshots of the HTML report in this directory.

    /work/venv/bin/python docs/screenshots/make.py [--example]

report.png: the hand-built sample report of tests/render_samples.py (every
status, nested and crossing evidence, an ungrounded claim) with claim c4
selected, 1280x1600. report-mobile.png: the same page 600 px wide, details
in the bottom sheet. With --example, also example.png: the bundled example
article checked with the rule extractor. Needs Chromium (Debian: `apt-get
install chromium`); pngquant, when installed, makes the PNGs small.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def shoot(html: str, out: Path, size: str, fragment: str = "") -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        sys.exit("needs chromium (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--hide-scrollbars", f"--window-size={size}",
             f"--screenshot={out}", page.as_uri() + fragment],
            check=True, capture_output=True, timeout=120)
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--quality", "60-90", "--output", str(out), str(out)],
                       check=False)
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1024:.0f} KiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--example", action="store_true", help="also shoot the bundled example article")
    args = ap.parse_args()
    from render_samples import ferry_report

    from verifier.render.html import to_html

    html = to_html(ferry_report())
    shoot(html, HERE / "report.png", "1280,1600", "#c4")
    shoot(html, HERE / "report-mobile.png", "600,1100", "#c2")
    if args.example:
        import verifier

        example = ROOT / "examples" / "shipyard-orders.txt"
        report = verifier.Verifier(extractor="rules").check_path(example)
        shoot(to_html(report), HERE / "example.png", "1280,1400")


if __name__ == "__main__":
    main()
