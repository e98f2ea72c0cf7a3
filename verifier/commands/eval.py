"""`verifier eval`: score the pipeline against the hand-labeled fixtures.

Replays recorded model responses by default (no network, no cost), prints
rich tables, writes JSON / JUnit XML / Markdown, compares with the committed
baseline. Exit codes: 0 ok, 10 a metric dropped beyond its tolerance,
11 a model response is not recorded, 1 (or the error's own code) on errors.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer


class FixtureSet(str, Enum):
    scored = "scored"
    dev = "dev"
    all = "all"


class Mode(str, Enum):
    replay = "replay"
    record = "record"
    auto = "auto"
    live = "live"


def eval_(
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Eval settings (default: evals/eval.toml if present)."),
    fixtures: Optional[Path] = typer.Option(None, "--fixtures", help="Fixtures directory or one fixture file (default from the settings: evals/fixtures)."),
    fixture_set: Optional[FixtureSet] = typer.Option(None, "--set", help="scored (default), dev (evals/fixtures/dev) or all; --record and --mode auto default to all."),
    rows: Optional[List[str]] = typer.Option(None, "--row", "-r", help="Only this row of the settings (repeatable; also runs disabled rows)."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="Score (or record) this model instead of the settings' rows."),
    recordings: Optional[Path] = typer.Option(None, "--recordings", help="Recordings directory for --model (default evals/recordings/<model>)."),
    mode: Mode = typer.Option(Mode.replay, "--mode", help="Model calls: replay recordings (default), record, auto (replay what exists, record the rest: resumes an interrupted recording) or live."),
    record: bool = typer.Option(False, "--record", help="Same as --mode record: call the model and save every response."),
    base_url: Optional[str] = typer.Option(None, "--base-url", help="OpenAI-compatible server for record/live (env OPENAI_BASE_URL)."),
    json_out: Optional[str] = typer.Option(None, "--json", help="Write all results as JSON to FILE ('-': stdout)."),
    junit: Optional[str] = typer.Option(None, "--junit", help="Write JUnit XML to FILE ('-': stdout): one test case per fixture."),
    markdown: Optional[str] = typer.Option(None, "--markdown", help="Write a Markdown summary to FILE ('-': stdout), e.g. $GITHUB_STEP_SUMMARY."),
    compare: Optional[Path] = typer.Option(None, "--compare", help="Compare with a baseline file; exit 10 when a metric drops beyond its tolerance."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Accept this run: write its rows into the baseline (the --compare file, else the settings' baseline); exit 0 even if metrics dropped."),
    min_overlap: Optional[float] = typer.Option(None, "--min-overlap", help="Evidence overlap (Jaccard) needed to match a gold claim (default 0.3)."),
    resamples: Optional[int] = typer.Option(None, "--bootstrap", help="Bootstrap resamples for the 95% intervals (default 1000; 0: none)."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Bootstrap seed (default 0)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the overall table and the verdict."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Force colour on or off (default: auto, NO_COLOR respected)."),
    verify: bool = typer.Option(False, "--verify", help="Score verification against sources instead (evals/verify/fixtures; --fixtures, --compare, --update-baseline, --json, --quiet apply; --model adds the model judge, replayed from evals/verify/recordings/<model> or as --mode/--record/--base-url say)."),
) -> None:
    """Score the pipeline against hand-labeled fixtures (replaying recorded model responses).

    Exit codes: 0 ok, 10 a metric dropped beyond its tolerance (--compare),
    11 a model response is not recorded, other non-zero codes on errors.
    Definitions of every metric: evals/README.md."""
    import time

    if verify:
        from verifier.verify.report import main as verify_eval

        judge = None
        if model is not None:  # the model judge, recorded and replayed like extraction
            from verifier.evals.config import slug

            rec = recordings or Path("evals/verify/recordings") / slug(model)
            judge = {k: v for k, v in {"model": model, "base_url": base_url, "recordings": rec,
                                       "mode": "record" if record else mode.value}.items() if v is not None}
        code = verify_eval(fixtures, compare, update_baseline, json_out, quiet, judge)
        if code:
            raise typer.Exit(code)
        return

    from verifier.errors import EXIT_OK, EXIT_REGRESSION, ConfigError
    from verifier.evals.config import Row, load_config, slug
    from verifier.evals.runner import load_fixtures, predict, score
    from verifier.evals.writers import RunInfo

    from verifier.output import check_writable, is_stdout, write_output

    t0 = time.perf_counter()
    for target in (json_out, markdown, junit):  # before any scoring: a bad path fails at once
        if target is not None and not is_stdout(target):
            check_writable(target)
    cfg = load_config(config)
    if fixtures is not None:
        cfg.fixtures = fixtures
    if min_overlap is not None:
        if not 0 < min_overlap <= 1:
            raise ConfigError(f"--min-overlap must be in (0, 1], got {min_overlap}")
        cfg.min_overlap = min_overlap
    if resamples is not None:
        if resamples < 0:
            raise ConfigError("--bootstrap must be 0 or more")
        cfg.bootstrap = resamples
    if seed is not None:
        cfg.seed = seed
    run_mode = "record" if record else mode.value
    # recording (record, or auto: replay what exists and record the rest) covers every fixture
    which = fixture_set.value if fixture_set else ("all" if run_mode in ("record", "auto") else "scored")

    if recordings is not None and model is None:
        raise ConfigError("--recordings goes with --model")
    if model is not None:
        rec = recordings or (cfg.fixtures.parent / "recordings" / slug(model))
        selected = [Row(name=slug(model), extractor="llm", model=model, recordings=rec, adhoc=True)]
        for name in rows or []:
            selected.insert(0, cfg.row(name))
    elif rows:
        selected = [cfg.row(name) for name in rows]
    else:
        selected = [r for r in cfg.rows if r.enabled]
    if not selected:
        raise ConfigError("no eval rows to run (all rows are disabled; name one with --row)")

    if update_baseline and compare is None and which != "scored":
        raise ConfigError(f"{cfg.baseline} holds the scored set; --update-baseline with --set {which} "
                          "needs its own file: --compare FILE --update-baseline")
    fxs = load_fixtures(cfg.fixtures, which)

    def progress(i: int, n: int, fid: str, seconds: float, what: str) -> None:
        typer.echo(f"  [{i}/{n}] {fid}: {what} ({seconds:.1f} s)", err=True)

    calls_model = run_mode in ("record", "live", "auto")
    results = []
    for row in selected:
        if calls_model and row.uses_model:
            typer.echo(f"row {row.name}: {run_mode} {len(fxs)} fixtures", err=True)
        preds = predict(row, fxs, mode=run_mode, base_url=base_url,
                        progress=progress if calls_model and row.uses_model else None)
        results.append(score(row, fxs, preds, cfg.min_overlap, cfg.bootstrap, cfg.seed))

    comparison = None
    baseline_path = compare or cfg.baseline
    existing = None
    if compare is not None and (compare.exists() or not update_baseline):  # else: a new baseline file
        from verifier.evals.baseline import compare as do_compare, load_baseline

        existing = load_baseline(compare)
        comparison = do_compare(existing, results, path=str(compare), fixture_set=which, min_overlap=cfg.min_overlap)
        missing = [rc.name for rc in comparison.rows if rc.missing]
        if missing and not update_baseline:
            raise ConfigError(f"{compare}: no baseline for row(s) {', '.join(missing)}; "
                              f"add with: verifier eval --row {missing[0]} --compare {compare} --update-baseline")
    # --update-baseline accepts this run: the drop is printed, but it is not a failure
    regressed = comparison is not None and comparison.regressed
    exit_code = EXIT_REGRESSION if regressed and not update_baseline else EXIT_OK
    info = RunInfo(fixture_set=which, n_fixtures=len(fxs), mode=run_mode, min_overlap=cfg.min_overlap,
                   resamples=cfg.bootstrap, seed=cfg.seed, seconds=round(time.perf_counter() - t0, 3),
                   exit_code=exit_code)

    stdout_taken = any(t is not None and is_stdout(t) for t in (json_out, markdown, junit))
    if not stdout_taken:
        from rich.console import Console

        from verifier.evals.writers.terminal import print_results

        console = Console(force_terminal=color if color else None, no_color=color is False or None,
                          highlight=False)
        if not console.is_terminal:
            console.width = max(console.width, 140)  # CI logs: no 80-column squeeze
        print_results(console, results, info, comparison, details=not quiet)
    if json_out:
        from verifier.evals.writers.jsonfile import to_json

        text = to_json(results, info, comparison)
        write_output(json_out, text)
    if markdown:
        from verifier.evals.writers.markdown import to_markdown

        text = to_markdown(results, info, comparison)
        write_output(markdown, text)
    if junit:
        from verifier.evals.writers.junit import to_junit

        write_output(junit, to_junit(results, info, comparison))
    if update_baseline:
        from verifier.evals.baseline import dumps, load_baseline, row_entry, updated_baseline

        if existing is None and baseline_path.exists():
            existing = load_baseline(baseline_path)
        data = updated_baseline(existing, {r.name: row_entry(r, which, cfg.min_overlap) for r in results})
        write_output(baseline_path, dumps(data))
        typer.echo(f"baseline written: {baseline_path} (rows: {', '.join(data['rows'])})", err=True)
    if exit_code:
        raise typer.Exit(exit_code)
