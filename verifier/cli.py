"""The `verifier` command line. Each command lives in verifier/commands/;
this module only wires them up and turns errors into one-line messages and
exit codes. Nothing here imports openai or instructor."""

from __future__ import annotations

import sys

import typer

from verifier.commands import bench, check, eval as eval_cmd, recordings, review, validate

app = typer.Typer(
    name="verifier",
    help="Claim by claim, who stands behind each statement in a news article: attributed or asserted.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from verifier import __version__

        typer.echo(f"verifier {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Claim by claim, who stands behind each statement in a news article."""


app.command("check")(check.check)
app.command("review")(review.review)
app.command("eval")(eval_cmd.eval_)
app.command("validate-fixtures")(validate.validate_fixtures)
app.command("bench-attribution")(bench.bench_attribution)
app.command("recordings")(recordings.recordings)


def main(argv: list[str] | None = None) -> int:
    from verifier.errors import EXIT_INTERRUPTED, VerifierError

    try:
        # standalone_mode=False: click returns a typer.Exit's code instead of raising it
        rc = app(args=argv, standalone_mode=False)
    except VerifierError as exc:
        sys.stderr.write(f"verifier: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("verifier: interrupted\n")
        return EXIT_INTERRUPTED
    except typer.Exit as exc:
        return exc.exit_code
    except Exception as exc:  # click usage errors and the like
        # typer >= 0.16 raises its vendored click's exceptions (typer._click)
        for click in _click_modules():
            abort = getattr(click.exceptions, "Abort", None)
            if abort is not None and isinstance(exc, abort):
                sys.stderr.write("verifier: interrupted\n")
                return EXIT_INTERRUPTED
            if isinstance(exc, getattr(click.exceptions, "ClickException", ())):
                exc.show()
                return exc.exit_code
        raise
    rc = rc if isinstance(rc, int) else 0
    if rc == EXIT_INTERRUPTED:  # typer turns Ctrl-C into exit 130 by itself
        sys.stderr.write("verifier: interrupted\n")
    return rc


def _click_modules() -> list:
    mods = []
    try:
        from typer import _click as vendored

        mods.append(vendored)
    except ImportError:
        pass
    import click

    return mods + [click]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
