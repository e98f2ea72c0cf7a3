"""A verified Report for the verdict-review tests, made by the real
`verifier.verify` on the project's example article and its transcript
(examples/kelmar-port-briefing*.txt): one verbatim quote, one altered
quote, one changed number, one claim the speaker never made."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "kelmar-port-briefing.txt"
TRANSCRIPT = ROOT / "examples" / "kelmar-port-briefing.transcript.txt"


def verified_report():
    from verifier.verify import verify

    return verify(ARTICLE.read_text(encoding="utf-8"), [str(TRANSCRIPT)])


def write_verified(path: Path) -> Path:
    path.write_text(verified_report().model_dump_json(indent=2), encoding="utf-8")
    return path


def verdicts(report) -> dict[str, str]:
    return {c.claim_id: c.verdict for c in report.verification.checks}


def claim_with(report, verdict: str) -> str:
    return next(c.claim_id for c in report.verification.checks if c.verdict == verdict)
