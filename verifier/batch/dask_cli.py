"""`verifier check CORPUS -o OUT --scheduler ADDRESS | --workers N`: the
batch command on dask.distributed (verifier[dask]). Same options, same
JSONL and summary as the single-machine batch (verifier/batch/cli.py),
plus the Parquet tables beside the JSONL (verifier/batch/parquet.py)."""

from __future__ import annotations

import logging
import os
import sys
import uuid

from verifier.errors import ConfigError, InputIsDirectory

DEFAULT_PER_WORKER = 4
# articles per partition on the rules path, where no model request bounds a partition's pace: 60,000
# short articles on 2 local workers took 72.5 s in partitions of 16 and 28.0 s in partitions of 512
# (benchmarks/bench_dask.py --memory --rows 60000 [--partition 512]), worker RSS 103 and 106 MiB
RULES_PARTITION = 512
CONNECT_TIMEOUT = float(os.environ.get("VERIFIER_DASK_TIMEOUT", "30"))


def import_distributed():
    try:
        import distributed
    except ImportError:
        raise ConfigError("--scheduler and --workers need Dask: pip install 'verifier[dask]'") from None
    return distributed


def check_options(scheduler: str | None, workers: int | None) -> None:
    from verifier.batch.cli import BatchUsage

    if scheduler is not None and workers is not None:
        raise BatchUsage("give --scheduler or --workers, not both")
    if workers is not None and workers < 1:
        raise BatchUsage("--workers must be at least 1")
    if scheduler is not None and not scheduler.strip():
        raise BatchUsage("--scheduler needs an address, e.g. tcp://HOST:8786")


def connect(scheduler: str | None, workers: int | None):
    """A distributed Client (and the LocalCluster it owns, or None)."""
    distributed = import_distributed()
    if workers is not None:
        # the command reports every article's failure itself; distributed's own ERROR lines are
        # tracebacks (a worker's heartbeat racing the scheduler's shutdown after a full disk, seen
        # under load), so only CRITICAL ones reach the user's terminal
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=":0", silence_logs=logging.CRITICAL)
        return distributed.Client(cluster), cluster
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    return client, None


def run_dask_batch(paths: list[str], *, output, extractor: str, input_format: str | None, concurrency: int | None,
                   max_cost: float | None, progress: bool | None, settings: dict, scheduler: str | None,
                   workers: int | None) -> None:
    from verifier.batch.cli import BatchUsage, _describe, _refuse_mixed_results, conclude, finish_outputs, results_to
    from verifier.batch.dask_runner import DaskBatch, Task
    from verifier.batch.inputs import Inputs
    from verifier.batch.parquet import open_sink
    from verifier.batch.progress import BatchProgress
    from verifier.batch.store import ResultStore
    from verifier.output import is_stdout
    from verifier.pipeline import Verifier

    if output is None:
        if len(paths) == 1 and os.path.isdir(paths[0]):
            raise InputIsDirectory(f"{paths[0]}: is a directory, not an article file; to check every article in it, "
                                   "write the results to a JSONL file with -o FILE")
        raise BatchUsage("a batch on Dask needs -o FILE: results go there as JSONL, one line per article")
    if is_stdout(output):
        raise BatchUsage("a batch on Dask writes a file (-o FILE.jsonl) and its Parquet tables beside it, not stdout")
    if concurrency is not None and concurrency < 1:
        raise BatchUsage("--concurrency must be at least 1")
    check_options(scheduler, workers)
    import_distributed()  # before any file is touched
    inputs = Inputs(list(paths), exclude=(str(output),))
    from verifier.output import check_writable

    check_writable(output)
    client, cluster = connect(scheduler, workers)  # an unreachable scheduler: nothing written
    try:
        store = ResultStore.open(output)
    except BaseException:
        _close(client, cluster)
        raise
    try:
        if store.streaming:
            raise BatchUsage(f"{output}: a batch on Dask writes a regular file (it is resumed and has Parquet beside it)")
        model_settings = {k: v for k, v in settings.items() if k != "concurrency"}
        ext = Verifier(extractor=extractor, **model_settings).extractor  # settings errors here, not on every worker
        _refuse_mixed_results(store, ext, output)
        sink = open_sink(store)
        nworkers = _wait_for_workers(client)
        per_worker = concurrency or DEFAULT_PER_WORKER
        run = uuid.uuid4().hex[:8]
        task = Task(extractor=ext.name if extractor == "auto" else extractor, settings=model_settings,
                    input_format=input_format, per_worker=per_worker,
                    stop_event=f"verifier-stop-{run}" if max_cost is not None else None)
        part = int(os.environ.get("VERIFIER_DASK_PARTITION", "0")) or (
            RULES_PARTITION if task.extractor == "rules" else per_worker * 4)
        where = f"a local Dask cluster of {nworkers} workers" if cluster else f"the Dask scheduler {scheduler} ({nworkers} workers)"
        sys.stderr.write(f"verifier: checking {inputs.total} articles with the {_describe(ext)} extractor on {where}, "
                         f"{per_worker} at a time per worker; {results_to(output, store, sink)}\n")
        with BatchProgress(inputs.total, enabled=progress) as bar:
            runner = DaskBatch(client, store, task, partition_size=part,
                               max_outstanding=max(2 * part * nworkers, 2 * per_worker * nworkers),
                               max_cost=max_cost, sink=sink, on_progress=bar.update)
            summary = runner.run(inputs, inputs.total)
            bar.update(summary)
        finish_outputs(store, sink, summary)
    finally:
        store.close()
        _close(client, cluster)
    conclude(summary, output, max_cost, store.write_error)


def _wait_for_workers(client) -> int:
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (TimeoutError, OSError) as exc:
        raise ConfigError(f"no Dask worker joined within {CONNECT_TIMEOUT:.0f} s ({exc})") from None
    return len(client.scheduler_info(n_workers=-1)["workers"]) if _takes_n_workers(client) else len(client.scheduler_info()["workers"])


def _takes_n_workers(client) -> bool:
    import inspect

    return "n_workers" in inspect.signature(client.scheduler_info).parameters


def _close(client, cluster) -> None:
    for thing in (client, cluster):
        if thing is not None:
            try:
                thing.close()
            except Exception:  # closing a cluster that is going away anyway
                pass
