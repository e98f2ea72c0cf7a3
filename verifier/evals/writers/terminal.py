"""Rich tables of an eval run: overall, confusion, per fixture, per
phenomenon, and the comparison with the baseline."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from verifier.evals.baseline import Comparison
from verifier.evals.bootstrap import fmt_ci
from verifier.evals.writers import COUNTS, SUMMARY, RunInfo, fmt, fmt_delta

MAX_FLIPS = 30


def print_results(console: Console, results: list, info: RunInfo, comparison: Comparison | None = None,
                  details: bool = True) -> None:
    names = [r.name for r in results]
    console.print(f"[bold]verifier eval[/bold]: {info.n_fixtures} fixtures ({info.fixture_set} set), "
                  f"mode {info.mode}, rows: {', '.join(names)}; min overlap {info.min_overlap:g}, "
                  f"{info.resamples} bootstrap resamples (seed {info.seed})")
    t = Table(title="Overall (95% CI over fixtures)", title_justify="left")
    t.add_column("metric")
    for n in names:
        t.add_column(n, justify="right")
    for key, label in SUMMARY:
        vals = [r.metrics.get(key) for r in results]
        if all(v is None for v in vals):
            continue
        t.add_row(label, *[f"{fmt(v)} {fmt_ci(r.ci.get(key)) if v is not None else ''}".strip()
                           for v, r in zip(vals, results)])
    t.add_section()
    for key, label in COUNTS:
        t.add_row(label, *[str(r.counts.get(key, 0)) for r in results])
    console.print(t)

    cm = Table(title="Confusion, final label (rows gold, columns predicted; matched claims)", title_justify="left")
    cm.add_column("gold")
    for n in names:
        cm.add_column(f"{n}: attributed", justify="right", overflow="fold")
        cm.add_column(f"{n}: asserted", justify="right", overflow="fold")
    for g in ("attributed", "asserted"):
        cm.add_row(g, *[str(r.confusion["final"][g][p]) for r in results for p in ("attributed", "asserted")])
    console.print(cm)

    if details and results:
        pf = Table(title="Per fixture", title_justify="left")
        pf.add_column("fixture", no_wrap=True, min_width=max(len(f.id) for f in results[0].fixtures))
        pf.add_column("gold", justify="right")
        for n in names:
            pf.add_column(f"{n} pred", justify="right", overflow="fold")
            pf.add_column(f"{n} F1", justify="right", overflow="fold")
            pf.add_column(f"{n} label", justify="right", overflow="fold")
        for i, fx in enumerate(results[0].fixtures):
            cells = [fx.id, str(len(fx.claims))]
            for r in results:
                d = r.per_fixture[i]
                cells += [str(d["counts"]["pred"]), fmt(d["metrics"]["extraction.f1"]),
                          fmt(d["metrics"]["label.final.accuracy"])]
            pf.add_row(*cells)
        console.print(pf)

        ph = Table(title="Per phenomenon (gold claims tagged with it: recall, final label accuracy)",
                   title_justify="left")
        ph.add_column("phenomenon", no_wrap=True, min_width=20)
        ph.add_column("gold", justify="right")
        for n in names:
            ph.add_column(f"{n} recall", justify="right", overflow="fold")
            ph.add_column(f"{n} label", justify="right", overflow="fold")
        for p in sorted({p.phenomenon for r in results for p in r.phenomena}):
            cells = [p, ""]
            for r in results:
                row = next((x for x in r.phenomena if x.phenomenon == p), None)
                d = row.as_dict() if row else {}
                cells[1] = str(d.get("gold", cells[1]))
                cells += [fmt(d.get("recall")), fmt(d.get("final_accuracy"))]
            ph.add_row(*cells)
        console.print(ph)

    if comparison is not None:
        print_comparison(console, comparison)


def print_comparison(console: Console, cmp: Comparison) -> None:
    for rc in cmp.rows:
        for n in rc.notes:
            console.print(f"[yellow]note[/yellow] {rc.name}: {n}")
        if rc.missing:
            continue
        t = Table(title=f"{rc.name} against {cmp.path}", title_justify="left")
        for col, j in (("metric", "left"), ("baseline", "right"), ("now", "right"), ("delta", "right"),
                       ("tolerance", "right"), ("", "left")):
            t.add_column(col, justify=j)  # type: ignore[arg-type]
        shown = 0
        for d in rc.deltas:
            if not d.delta and not d.regressed:
                continue
            shown += 1
            status = "[red]REGRESSION[/red]" if d.regressed else ("[green]better[/green]" if (d.delta or 0) > 0 else "")
            t.add_row(d.metric, fmt(d.baseline), fmt(d.current), fmt_delta(d.delta),
                      "—" if d.tolerance is None else f"{d.tolerance:g}", status)
        gated = sum(d.tolerance is not None for d in rc.deltas)
        if shown:
            console.print(t)
        else:
            console.print(f"{rc.name}: every metric as in {cmp.path} ({gated} gated by a tolerance)")
        counts = rc.flip_counts()
        summary = ", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "none"
        console.print(f"flips of the final label ({rc.name}): {summary}")
        listed = [f for f in rc.flips if f.source == "final"][:MAX_FLIPS]
        for f in listed:
            style = {"fixed": "green", "found": "green", "broken": "red", "lost": "red"}.get(f.kind, "yellow")
            console.print(f"  [{style}]{f.kind:7}[/{style}] {f.fixture} {f.claim}: {f.before} -> {f.after}")
        rest = sum(1 for f in rc.flips if f.source == "final") - len(listed)
        if rest > 0:
            console.print(f"  ... and {rest} more (see --json)")
    if cmp.regressed:
        for rc in cmp.rows:
            for d in rc.regressions:
                console.print(f"[bold red]regression[/bold red] {rc.name}: {d.metric} {fmt(d.baseline)} -> "
                              f"{fmt(d.current)} ({fmt_delta(d.delta)}, tolerance {d.tolerance:g})")
    else:
        console.print(f"[bold green]no regression[/bold green] against {cmp.path}")
