"""`verifier check` on many articles: the batch half of the check command."""

from __future__ import annotations

import sys
from pathlib import Path

from verifier.errors import EXIT_USAGE, BudgetExceeded, ConfigError, InputIsDirectory, VerifierError

DEFAULT_CONCURRENCY = 4


class BatchUsage(VerifierError):
    exit_code = EXIT_USAGE


def run_batch_command(paths: list[str], *, output: Path | None, format: str, extractor: str,
                      input_format: str | None, concurrency: int | None, max_cost: float | None,
                      progress: bool | None, settings: dict, scheduler: str | None = None,
                      workers: int | None = None) -> None:
    """Check every article the arguments name; results to `output` (JSONL,
    and the Parquet tables beside it when pyarrow is installed).
    Raises a VerifierError when articles failed, the run was interrupted or
    the budget ran out: the summary line is printed first either way."""
    import os

    from verifier.batch.inputs import Inputs
    from verifier.batch.parquet import open_sink
    from verifier.batch.progress import BatchProgress
    from verifier.batch.runner import BatchRunner
    from verifier.batch.store import ResultStore
    from verifier.pipeline import Verifier

    if output is None:
        if len(paths) == 1 and os.path.isdir(paths[0]):
            raise InputIsDirectory(f"{paths[0]}: is a directory, not an article file; to check every article in it, "
                                   "write the results to a JSONL file with -o FILE")
        raise BatchUsage("several articles need -o FILE: results go there as JSONL, one line per article "
                         "(running the same command again resumes)")
    if format not in ("text", "jsonl"):
        raise BatchUsage(f"a batch writes JSONL (one line per article); --format {format} is for a single article")
    if concurrency is not None and concurrency < 1:
        raise BatchUsage("--concurrency must be at least 1")
    if scheduler is not None or workers is not None:
        from verifier.batch.dask_cli import run_dask_batch

        return run_dask_batch(paths, output=output, extractor=extractor, input_format=input_format,
                              concurrency=concurrency, max_cost=max_cost, progress=progress, settings=settings,
                              scheduler=scheduler, workers=workers)
    inputs = Inputs(list(paths), exclude=(str(output),))
    store = ResultStore.open(output)
    try:
        # -j bounds the articles in flight; each article's chunks keep the model's own
        # setting (config file or VERIFIER_CONCURRENCY, default 4), not N x N requests
        model_settings = {k: v for k, v in settings.items() if k != "concurrency"}
        verifier = Verifier(extractor=extractor, **model_settings)
        ext = verifier.extractor  # built once, before the workers start: one shared client
        _refuse_mixed_results(store, ext, output)
        sink = open_sink(store)
    except BaseException:
        store.close()
        raise
    sys.stderr.write(f"verifier: checking {inputs.total} articles with the {_describe(ext)} extractor, "
                     f"{concurrency or DEFAULT_CONCURRENCY} at a time; {results_to(output, store, sink)}\n")
    _say_if_one_slot(ext, concurrency or DEFAULT_CONCURRENCY)
    try:
        with BatchProgress(inputs.total, enabled=progress) as bar:
            runner = BatchRunner(verifier, store, concurrency=concurrency or DEFAULT_CONCURRENCY,
                                 input_format=input_format, max_cost=max_cost, on_progress=bar.update,
                                 ledger=getattr(ext, "run_usage", None), sink=sink)
            summary = runner.run(inputs, inputs.total)
            bar.update(summary)
        finish_outputs(store, sink, summary)
    finally:
        store.close()
    conclude(summary, output, max_cost, store.write_error)


def results_to(output, store, sink) -> str:
    """The end of a batch's first line: where the results go, and what an
    earlier run had done."""
    where = f"results to {output}" + (f" and {sink.dir}" if sink is not None else "")
    if store.done_hashes:
        where += f" (resuming: {len(store.done_hashes)} already done)"
    if sink is not None and sink.caught:
        where += f" ({sink.caught} results of an earlier run added to the Parquet tables)"
    return where


def finish_outputs(store, sink, summary) -> None:
    """After a run that was neither interrupted nor stopped by the disk:
    drop superseded lines from the JSONL and make the Parquet errors table
    the articles that are failed now (verifier/batch/parquet.py)."""
    from verifier.batch.store import OutputWriteError

    if summary.interrupted or summary.write_error:
        return
    store.compact()
    if sink is not None and store.scan is not None and not store.write_error:
        try:
            sink.write_errors(store.scan.errors())
        except OutputWriteError as exc:
            summary.write_error = str(exc)


def conclude(summary, output, max_cost: float | None, write_error: str | None = None) -> None:
    """The summary line and the first failures on stderr, then the error
    that says how the batch ended (none when every article was checked)."""
    from verifier.batch.runner import BatchFailed, Interrupted
    from verifier.batch.store import OutputWriteError

    sys.stderr.write(f"verifier: {summary.line()}\n")
    for ident, reason in summary.failures:
        sys.stderr.write(f"verifier:   failed {ident}: {reason}\n")
    if summary.failed > len(summary.failures):
        sys.stderr.write(f"verifier:   ... and {summary.failed - len(summary.failures)} more "
                         f"(see the error lines in {output})\n")
    if summary.write_error or write_error:  # disk full, read-only: the summary, then one line
        raise OutputWriteError(summary.write_error or write_error)
    if summary.interrupted:
        raise Interrupted(f"interrupted: {summary.done} of {summary.total} articles done and kept in {output}; "
                          "run the same command again to finish")
    if summary.stopped_for_budget:
        spent = f"{summary.cost:.4f}" if summary.cost is not None else "?"
        raise BudgetExceeded(f"stopped before overspending (spent {spent} of --max-cost {max_cost}); "
                             f"{summary.ok} of {summary.total} articles checked and kept in {output}; "
                             "raise --max-cost and run the same command again to finish")
    if summary.failed:
        raise BatchFailed(f"{summary.failed} of {summary.total} articles failed (their errors are in {output}); "
                          "run the same command again to retry them")


def _identity(ext) -> tuple[str | None, str | None]:
    model = getattr(ext, "model", None)
    if model is not None and not isinstance(model, str):
        model = getattr(model, "name", None)
    if model is None:
        model = getattr(getattr(ext, "settings", None), "model", None)
    return getattr(ext, "name", None), model


def _say_if_one_slot(ext, articles_at_once: int) -> None:
    """A model server with fewer slots than articles in flight queues the
    rest: say so once (verifier/llm/slots.py asks the server)."""
    settings = getattr(ext, "settings", None)
    if articles_at_once <= 1 or settings is None or not settings.base_url or settings.mode == "replay":
        return
    from verifier.llm.slots import known_slots

    slots = known_slots(settings.base_url)
    if slots is not None and slots < articles_at_once:
        sys.stderr.write(f"verifier: the model server answers {slots} request{'s' if slots != 1 else ''} at a time: "
                         f"-j {articles_at_once} gains nothing on the model's side (requests wait their turn)\n")


def _describe(ext) -> str:
    name, model = _identity(ext)
    return f"{name} ({model})" if model else str(name)


def _refuse_mixed_results(store, ext, output) -> None:
    """One output file, one extractor and model: resuming with another
    would mix results that cannot be compared."""
    if not store.extractors:
        return
    mine = _identity(ext)
    if mine not in store.extractors:
        theirs = ", ".join(f"{e}" + (f" ({m})" if m else "") for e, m in sorted(store.extractors, key=str))
        raise ConfigError(f"{output} holds results of the {theirs} extractor, not {_describe(ext)}; "
                          "write this run to another file")
