"""`verifier check PATH...`: claims of an article, attributed or asserted.

One article (a file, an http(s) URL, or '-' for stdin) is rendered in the
chosen format (by default the one `-o`'s suffix names). Several paths, a
directory, a glob pattern or a JSONL file of articles make a batch: checked
concurrently, one JSONL line per article written to `-o FILE` as each
finishes, resumable (see verifier/batch/)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from verifier.commands.common import (Format, InputFormat, LLMMode, ModelMode, format_for_output, is_url,
                                      set_verbosity, verbose_option)


class ExtractorChoice(str, Enum):
    auto = "auto"
    rules = "rules"
    llm = "llm"
    hybrid = "hybrid"


def check(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH",
        help="Article file (text, Markdown or HTML), an http(s) URL, or '-' for stdin; or, for a batch, several files, "
             "a directory, a quoted glob, or a JSONL file with one {id, text} / {path} / {url} per line."),
    format: Optional[Format] = typer.Option(
        None, "--format", "-f",
        help="Output format (default: from -o's suffix, .json .jsonl .md .html .txt; else text)."),
    output: Optional[str] = typer.Option(
        None, "--output", "-o", metavar="FILE",
        help="Write to FILE ('-': stdout). A batch needs it: JSONL, one line per article; "
             "running the same command again resumes."),
    extractor: ExtractorChoice = typer.Option(
        ExtractorChoice.auto, "--extractor", "-e",
        help="auto: hybrid (the rules propose, the model labels) when an API key or base URL is configured, else rules."),
    input_format: Optional[InputFormat] = typer.Option(
        None, "--input-format", help="Input format (default: by suffix and content)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Model name (env VERIFIER_MODEL)."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible server URL (env OPENAI_BASE_URL)."),
    mode: Optional[ModelMode] = typer.Option(None, "--mode", help="Model calls: live, record, replay or auto (env VERIFIER_MODE)."),
    recordings: Optional[Path] = typer.Option(None, "--recordings", help="Recordings directory (env VERIFIER_RECORDINGS)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Config file (TOML); default ./verifier.toml or ~/.config/verifier/config.toml."),
    llm_mode: Optional[LLMMode] = typer.Option(None, "--llm-mode", help="How instructor asks for structured output (env VERIFIER_LLM_MODE)."),
    temperature: Optional[float] = typer.Option(None, "--temperature", help="Sampling temperature (default 0)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Sampling seed."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds per model request."),
    concurrency: Optional[int] = typer.Option(
        None, "--concurrency", "-j", help="Parallel model requests; in a batch, articles checked at once (default 4), each article's "
             "chunks still up to the model setting (VERIFIER_CONCURRENCY)."),
    max_cost: Optional[float] = typer.Option(None, "--max-cost", help="Stop before spending more than this (needs a price table)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force colour on or off (default: auto, NO_COLOR respected)."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress",
        help="Progress on stderr, for one article or a batch (default: when stderr is a terminal)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Run a batch on this dask.distributed scheduler (tcp://HOST:8786) (needs the dask extra)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="Run a batch on a local Dask cluster of N worker processes (needs the dask extra)."),
    explain: bool = typer.Option(
        False, "--explain", help="On stderr, every sentence: its claims, or why it has none, and the words left out."),
    verbose: int = verbose_option(),
) -> None:
    """Check an article: list its claims, each attributed or asserted, with speaker and cue.
    Give several articles (or a directory, glob or JSONL) and -o FILE to check a batch."""
    from verifier.batch.inputs import is_batch
    from verifier.output import check_writable, is_stdout

    set_verbosity(verbose)
    settings = {k: v for k, v in dict(
        model=model, base_url=base_url, mode=mode.value if mode else None, recordings_dir=recordings,
        config_path=config, llm_mode=llm_mode.value if llm_mode else None, temperature=temperature, seed=seed,
        timeout=timeout, concurrency=concurrency, max_cost=max_cost,
    ).items() if v is not None}
    in_fmt = input_format.value if input_format else None
    fmt = format.value if format else format_for_output(output, batch=False)
    if not (len(paths) == 1 and is_url(paths[0])) and is_batch(paths):
        from verifier.batch.cli import run_batch_command

        fmt = format.value if format else "text"
        run_batch_command(paths, output=output, format=fmt, extractor=extractor.value,
                          input_format=in_fmt, concurrency=concurrency, max_cost=max_cost,
                          progress=progress, settings=settings, scheduler=scheduler, workers=workers)
        return
    if output is not None and not is_stdout(output):
        check_writable(output)  # before any work (or money) is spent
    doc = load_article(paths[0], in_fmt)
    report = run_one(doc, extractor.value, settings, progress=progress, verbose=verbose, color=color)
    emit(report, fmt, output, color)
    if explain:
        import sys

        from verifier.sanitize import one_line  # the article's words, shown, never obeyed

        sys.stderr.write("".join(one_line(line) + "\n" for line in explain_lines(report)))


def explain_lines(report) -> list[str]:
    """One line per sentence (its claims, or why it has none), then the words left out."""
    text = report.document.text
    out = []
    for s in report.sentences:
        head = f"s{s.index} [{s.start}-{s.end}] " + (" ".join(s.claims) if s.claims else f"no claim: {s.reason}")
        out.append(head)
        out.append(f"    {' '.join(text[s.start:s.end].split())[:100]}")
        for lo in s.left_out:
            out.append(f"    left out {lo.text!r}: {lo.reason}")
    return out


def load_article(arg: str, input_format: str | None):
    """The Document a single-article argument names: a URL is fetched, a
    saved Report is refused (it is not article text)."""
    from verifier.document import Document

    if is_url(arg):
        from verifier.batch.inputs import Item

        return Item(id=arg, source=arg, kind="url", payload=arg).load(input_format)
    if arg != "-":
        _refuse_report(Path(arg))
    return Document.from_path(arg, format=input_format)


def _refuse_report(path: Path) -> None:
    from verifier.errors import EXIT_USAGE, VerifierError

    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return  # Document.from_path says what is wrong
    if not head.lstrip().startswith(b"{") or b'"verifier_version"' not in head:
        return
    from verifier.commands.render import load_report

    try:
        load_report(path)
    except VerifierError:
        return

    class IsAReport(VerifierError):
        exit_code = EXIT_USAGE

    raise IsAReport(f"{path}: is a saved verifier Report, not an article; to show it again: "
                    f"verifier render {path} -f text|json|markdown|html")


def run_one(doc, extractor: str, settings: dict, *, progress: bool | None, verbose: int,
            color: bool | None = None):
    """Document → Report, with a progress display on stderr when asked (or
    when stderr is a terminal)."""
    import sys
    import time

    from verifier.commands.common import log
    from verifier.pipeline import Verifier, build_report

    verifier = Verifier(extractor=extractor, **settings)
    ext = verifier.extractor
    ledger = getattr(ext, "run_usage", None)
    log(1, f"{doc.source or '-'}: {len(doc.text):,} characters, {len(doc.sentences):,} sentences, format {doc.format}")
    desc = getattr(ext, "name", "?")
    s = getattr(ext, "settings", None)
    if s is not None:
        desc += f" (model {s.model}, mode {s.mode}, llm mode {s.llm_mode}" + (
            f", recordings {s.recordings_dir}" if getattr(s, "recordings_dir", None) else "") + ")"
    log(1, f"extractor: {desc}")
    show = sys.stderr.isatty() if progress is None else progress
    t0 = time.perf_counter()
    from verifier.commands.logs import append_run

    try:
        with _Progress(show, ledger, color) as bar:
            bar.stage("extracting claims")
            extraction = ext.extract(doc)
            t1 = time.perf_counter()
            bar.stage(f"checking {len(extraction.drafts)} claims")
            report = build_report(doc, extraction)
            t2 = time.perf_counter()
    except BaseException as exc:
        if ledger is not None:  # the calls made before the failure are logged too
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"error: {exc}"
            append_run(None, source=doc.source, settings=s, status=status, seconds=time.perf_counter() - t0,
                       usage=ledger.snapshot())
        raise
    append_run(report, source=doc.source, settings=s, seconds=t2 - t0)
    report.timings.update(extract=round(t1 - t0, 4), check=round(t2 - t1, 4), total=round(t2 - t0, 4))
    u = report.usage
    log(1, f"{len(report.claims)} claims; extract {t1 - t0:.2f} s, check {t2 - t1:.2f} s")
    if u.requests:
        log(1, f"model: {u.requests} requests ({u.failed_requests} failed, {u.retries} retries, {u.reasks} re-asks), "
               f"{u.prompt_tokens} prompt + {u.completion_tokens} completion tokens")
    return report


class _Progress:
    """A rich status line on stderr: the stage, model requests and tokens so
    far, elapsed time. It appears only once the work has taken DELAY seconds,
    so a quick check draws nothing, and it is erased when done."""

    DELAY = 1.0

    def __init__(self, enabled: bool, ledger=None, color: bool | None = None):
        import threading

        self.enabled = enabled
        self.ledger = ledger
        self.color = color
        self.description = "starting"
        self._progress = None
        self._task = None
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def __enter__(self) -> "_Progress":
        if self.enabled:
            import threading

            threading.Thread(target=self._run, daemon=True).start()
        return self

    def _run(self) -> None:
        if self._stop.wait(self.DELAY):
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        with self._lock:
            if self._stop.is_set():
                return
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                      TextColumn("{task.fields[stats]}"), TimeElapsedColumn(),
                                      console=Console(stderr=True, no_color=self.color is False or None),
                                      transient=True, refresh_per_second=8)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=None, stats="")
        while not self._stop.wait(0.25):
            with self._lock:
                if self._progress is None:
                    return
                stats = ""
                if self.ledger is not None:
                    tok = getattr(self.ledger, "prompt_tokens", 0) + getattr(self.ledger, "completion_tokens", 0)
                    stats = f"· {getattr(self.ledger, 'requests', 0)} model requests · {tok} tokens"
                self._progress.update(self._task, description=self.description, stats=stats)

    def stage(self, text: str) -> None:
        self.description = text

    def __exit__(self, *exc) -> None:
        self._stop.set()
        with self._lock:
            if self._progress is not None:
                self._progress.stop()
                self._progress = None


def emit(report, fmt: str, output: str | None, color: bool | None) -> None:
    """The report in `fmt` to `output` (a file by the shared writer's rules, or stdout)."""
    from verifier.output import is_stdout, write_output
    from verifier.render import render, render_string

    if is_stdout(output):
        render(report, fmt, color=color)  # text to a terminal: rich, in colour
        return
    write_output(output, render_string(report, fmt))
