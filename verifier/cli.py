"""The `verifier` command line. Each command lives in verifier/commands/;
this module only wires them up and turns errors into one-line messages and
exit codes. Nothing here imports openai or instructor."""

from __future__ import annotations

import errno
import os
import sys

import typer

from verifier.commands import bench, check, eval as eval_cmd, logs, recordings, render, review, validate
from verifier.commands import verify as verify_cmd

EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell shows for `yes | head -1`
HELP_WIDTH = 120  # --help through a pipe or in CI: not squeezed into 80 columns


def _help_width() -> int | None:
    """A terminal's own width; elsewhere COLUMNS or HELP_WIDTH (typer's rich help reads this)."""
    if os.environ.get("TERMINAL_WIDTH"):
        return int(os.environ["TERMINAL_WIDTH"])
    if sys.stdout.isatty():
        return None
    try:
        return max(int(os.environ.get("COLUMNS", "")), 40)
    except ValueError:
        return HELP_WIDTH


def _widen_help() -> None:
    """typer's rich help takes its width from TERMINAL_WIDTH when it is
    imported (only to draw help or an error: importing it here would cost
    every command about 0.1 s), so say it through the environment; a
    terminal keeps its own width. Called by `main` only: importing this module
    (the API, a test) leaves the process environment as it was."""
    width = _help_width()
    if width is None:
        return
    if "typer.rich_utils" in sys.modules:
        sys.modules["typer.rich_utils"].MAX_WIDTH = width
    else:
        os.environ.setdefault("TERMINAL_WIDTH", str(width))


app = typer.Typer(
    name="verifier",
    help="Claim by claim, who stands behind each statement in a news article: attributed or asserted.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": HELP_WIDTH},
)


def _version(value: bool) -> None:
    if value:
        from verifier import __version__

        typer.echo(f"verifier {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    verbose: int = typer.Option(0, "--verbose", "-v", count=True,
                                help="Say what happens on stderr (also after the command: verifier check -v)."),
) -> None:
    """Claim by claim, who stands behind each statement in a news article."""
    if verbose:
        from verifier.commands.common import set_verbosity

        set_verbosity(verbose)


app.command("check")(check.check)
app.command("review")(review.review)
app.command("eval")(eval_cmd.eval_)
app.command("validate-fixtures")(validate.validate_fixtures)
app.command("bench-attribution")(bench.bench_attribution)
app.command("recordings")(recordings.recordings)
app.command("render")(render.render_cmd)
app.command("logs")(logs.logs)
app.command("verify")(verify_cmd.verify)
app.command("report")(__import__("verifier.commands.report", fromlist=["report"]).report)


def main(argv: list[str] | None = None) -> int:
    from verifier.errors import EXIT_INTERRUPTED, VerifierError
    from verifier.sanitize import one_line  # messages carry file names and servers' words: one safe line

    _widen_help()
    try:
        # standalone_mode=False: click returns a typer.Exit's code instead of raising it
        rc = app(args=argv, prog_name="verifier", standalone_mode=False)
    except BrokenPipeError:
        return _closed_pipe()
    except SystemExit as exc:
        # rich meets a closed pipe by pointing stdout at /dev/null and raising SystemExit(1)
        if isinstance(exc.__context__, BrokenPipeError):
            return _closed_pipe()
        raise
    except VerifierError as exc:
        sys.stderr.write(f"verifier: error: {one_line(exc)}\n")
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
            if isinstance(exc, getattr(click.exceptions, "UsageError", ())):
                return _usage_error(exc)
            if isinstance(exc, getattr(click.exceptions, "ClickException", ())):
                exc.show()
                return exc.exit_code
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            return _closed_pipe()
        if isinstance(exc, OSError):  # a file we were told to read or write: one line, not a traceback
            where = f"{one_line(exc.filename)}: " if exc.filename else ""
            sys.stderr.write(f"verifier: error: {where}{exc.strerror or exc}\n")
            return 1
        raise
    rc = rc if isinstance(rc, int) else 0
    if rc == EXIT_INTERRUPTED:  # typer turns Ctrl-C into exit 130 by itself
        sys.stderr.write("verifier: interrupted\n")
    return rc


def _usage_error(exc) -> int:
    """One line, like every other error, with where to look for help."""
    ctx = getattr(exc, "ctx", None)
    cmd = ctx.command_path if ctx is not None else "verifier"
    msg = " ".join(exc.format_message().split())
    if type(exc).__name__ == "NoArgsIsHelpError" or not msg:  # the help was shown
        return exc.exit_code
    sys.stderr.write(f"verifier: error: {msg} (see '{cmd} --help')\n")
    return exc.exit_code


def _closed_pipe() -> int:
    """The reader went away (`verifier eval | head -1`): stop quietly, as a
    tool killed by SIGPIPE would (exit 141), with nothing on stderr. stdout
    is pointed at /dev/null so the interpreter's final flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_CLOSED_PIPE


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
