"""`verifier review PATH`: a person settles each claim, one screen at a time.

The pipeline options (extractor, model, base URL, recordings ...) are those
of `verifier check`: they are taken from its signature, not copied, so the
two commands stay in step. The work itself is in verifier/review/.
"""

from __future__ import annotations

import inspect
import typing
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from verifier.commands import check as _check


class Export(str, Enum):
    fixture = "fixture"
    report = "report"


# The options of `verifier check` that say how to run the pipeline (and
# colour); taken from its signature when it has them.
_PIPELINE = ("extractor", "input_format", "model", "base_url", "mode", "recordings", "config", "llm_mode",
             "temperature", "seed", "timeout", "concurrency", "max_cost", "color")
_RENAME = {"recordings": "recordings_dir", "config": "config_path"}


def _help_decisions(value: bool) -> None:
    if value:
        from verifier.review import decisions, verdict_decisions

        typer.echo(decisions.__doc__.strip() + "\n\nWith --verdicts:\n\n" + verdict_decisions.__doc__.strip())
        raise typer.Exit(0)


def review(
    path: Path = typer.Argument(..., help="An article, a saved Report (.json), or a directory of them (one session each)."),
    decisions: Optional[Path] = typer.Option(
        None, "--decisions", help="Apply decisions from FILE (one per line, '-' for stdin) instead of asking; "
        "see `verifier review --help-decisions`."),
    export: list[Export] = typer.Option(
        [], "--export", help="At the end write the reviewed article as an eval fixture and/or the corrected Report "
        "(repeatable)."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Where exports go: a file (one input), a directory, or '-' for stdout "
        "(default: beside the input, NAME.fixture.json / NAME.reviewed.json / NAME.settled.json)."),
    out: Optional[Path] = typer.Option(None, "--out", hidden=True, help="The old spelling of --output."),
    verdicts: bool = typer.Option(
        False, "--verdicts", help="Settle the verification verdicts of a Report saved by `verifier verify -f json` "
        "(confirm or override each; the settled Report goes to NAME.settled.json or -o)."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who decides (env VERIFIER_REVIEWER; default: your user name)."),
    restart: bool = typer.Option(False, "--restart", help="Start the session over (the old session file is kept, renamed)."),
    fixture_id: Optional[str] = typer.Option(None, "--fixture-id", help="Id of the exported fixture (default: from the file name)."),
    licence: str = typer.Option("", "--licence", help="Licence recorded in the exported fixture, e.g. CC0-1.0."),
    help_decisions: bool = typer.Option(False, "--help-decisions", is_eager=True, callback=_help_decisions,
                                        help="Show the --decisions file format and exit."),
    **pipeline_options,
) -> None:
    """Review claims one by one in the terminal: accept, flip, edit, reject, add.

    Disagreements and ungrounded claims come first. Every decision is saved
    beside the input as it is made (NAME.review.jsonl); run the same command
    again to resume. Press ? in the session for the keys. With --verdicts,
    settle the verdicts of `verifier verify` instead: confirm or override
    each, seeing the passage and the word-level diff.
    """
    from verifier.errors import EXIT_USAGE, VerifierError
    from verifier.review.run import ReviewRun

    if output is not None and out is not None and output != out:
        err = VerifierError("--out is the old spelling of --output: give one of them")
        err.exit_code = EXIT_USAGE
        raise err

    color = pipeline_options.pop("color", None)
    extractor = pipeline_options.pop("extractor", None)
    input_format = pipeline_options.pop("input_format", None)
    settings = {_RENAME.get(k, k): v for k, v in pipeline_options.items() if v is not None}
    ReviewRun(
        path=path, decisions=decisions, exports=[e.value for e in export], out=output or out, reviewer=reviewer,
        restart=restart, fixture_id=fixture_id, licence=licence, color=color,
        extractor=getattr(extractor, "value", extractor), input_format=input_format, settings=settings,
        verdicts=verdicts,
    ).run()


def _merge_signature() -> None:
    """review's own parameters, then check's pipeline options (annotations
    resolved, since both modules use postponed annotations)."""
    own_hints = typing.get_type_hints(review)
    check_hints = typing.get_type_hints(_check.check)
    own = [p.replace(annotation=own_hints.get(p.name, p.annotation))
           for p in inspect.signature(review).parameters.values() if p.kind is not p.VAR_KEYWORD]
    names = {p.name for p in own}
    theirs = inspect.signature(_check.check).parameters
    borrowed = [theirs[n].replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=check_hints.get(n))
                for n in _PIPELINE if n in theirs and n not in names]
    review.__signature__ = inspect.Signature(own + borrowed, return_annotation=None)


_merge_signature()
