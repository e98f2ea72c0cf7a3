"""A Markdown summary of an eval run, fit for a CI job summary
(`verifier eval --markdown FILE`, e.g. "$GITHUB_STEP_SUMMARY")."""

from __future__ import annotations

from verifier.evals.baseline import Comparison
from verifier.evals.bootstrap import fmt_ci
from verifier.evals.writers import COUNTS, SUMMARY, RunInfo, fmt, fmt_delta

MAX_FLIPS = 200


def _table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    """A Markdown table: the first `left` columns left-aligned, numbers right."""
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join([":---"] * left + ["---:"] * (len(header) - left)) + "|"]
    out += ["| " + " | ".join(_esc(c) for c in row) + " |" for row in rows]
    return out


def _esc(s: str) -> str:
    return str(s).replace("|", "\\|").replace("\n", " ")


def to_markdown(results: list, info: RunInfo, comparison: Comparison | None = None) -> str:
    names = [r.name for r in results]
    lines = [f"## verifier eval: {info.n_fixtures} fixtures ({info.fixture_set} set), {info.mode}", ""]
    if comparison is not None:
        if comparison.regressed:
            lines.append(f"**Regression** against `{comparison.path}`:")
            for rc in comparison.rows:
                for d in rc.regressions:
                    lines.append(f"- `{rc.name}` {d.metric}: {fmt(d.baseline)} → {fmt(d.current)} "
                                 f"({fmt_delta(d.delta)}, tolerance {d.tolerance})")
        else:
            lines.append(f"**No regression** against `{comparison.path}`.")
        for rc in comparison.rows:
            for n in rc.notes:
                lines.append(f"- `{rc.name}`: {n}")
        lines.append("")
    rows = []
    for key, label in SUMMARY:
        cells = [label]
        for r in results:
            v = r.metrics.get(key)
            ci = fmt_ci(r.ci.get(key)) if v is not None else ""
            cells.append(f"{fmt(v)} {ci}".strip())
        if any(c != "—" for c in cells[1:]):
            rows.append(cells)
    lines += _table(["metric (95% CI over fixtures)"] + names, rows)
    lines.append("")
    lines += _table(["count"] + names, [[label] + [str(r.counts.get(k, 0)) for r in results] for k, label in COUNTS])
    lines.append("")
    lines.append("Confusion (final label, matched claims; rows gold, columns predicted):")
    lines.append("")
    for r in results:
        cm = r.confusion["final"]
        lines += _table([f"`{r.name}`", "attributed", "asserted"],
                        [[g] + [str(cm[g][p]) for p in ("attributed", "asserted")] for g in ("attributed", "asserted")])
        lines.append("")
    if comparison is not None:
        delta_rows = []
        for rc in comparison.rows:
            for d in rc.deltas:
                if not d.delta and not d.regressed:
                    continue
                flag = "❌" if d.regressed else ("✅" if (d.delta or 0) > 0 else "")
                delta_rows.append([rc.name, d.metric, fmt(d.baseline), fmt(d.current), fmt_delta(d.delta),
                                   "—" if d.tolerance is None else f"{d.tolerance:g}", flag])
        if delta_rows:
            lines.append("<details><summary>Deltas against the baseline</summary>")
            lines.append("")
            lines += _table(["row", "metric", "baseline", "now", "Δ", "tolerance", ""], delta_rows, left=2)
            lines += ["", "</details>", ""]
        flips = [(rc.name, f) for rc in comparison.rows for f in rc.flips]
        counts = "; ".join(
            f"`{rc.name}`: " + (", ".join(f"{v} {k}" for k, v in sorted(rc.flip_counts().items())) or "none")
            for rc in comparison.rows)
        lines.append(f"Flips of the final label: {counts}.")
        lines.append("")
        if flips:
            lines.append(f"<details><summary>Claims whose label changed ({len(flips)})</summary>")
            lines.append("")
            lines += _table(["row", "fixture", "claim", "label", "change", "before", "after"],
                            [[n, f.fixture, f.claim, f.source, f.kind, str(f.before), str(f.after)]
                             for n, f in flips[:MAX_FLIPS]], left=7)
            if len(flips) > MAX_FLIPS:
                lines.append(f"\n… and {len(flips) - MAX_FLIPS} more (see --json).")
            lines += ["", "</details>", ""]
    lines.append("<details><summary>Per fixture</summary>")
    lines.append("")
    hdr = ["fixture", "gold"] + [f"{n} {m}" for n in names for m in ("F1", "label acc")]
    body = []
    for i, fx in enumerate(results[0].fixtures if results else []):
        cells = [fx.id, str(len(fx.claims))]
        for r in results:
            m = r.per_fixture[i]["metrics"]
            cells += [fmt(m["extraction.f1"]), fmt(m["label.final.accuracy"])]
        body.append(cells)
    lines += _table(hdr, body)
    lines += ["", "</details>", ""]
    lines.append("<details><summary>Per phenomenon (gold claims tagged with it)</summary>")
    lines.append("")
    phen = sorted({p.phenomenon for r in results for p in r.phenomena})
    hdr = ["phenomenon", "gold"] + [f"{n} {m}" for n in names for m in ("recall", "label acc")]
    body = []
    for ph in phen:
        cells = [ph, ""]
        for r in results:
            row = next((p for p in r.phenomena if p.phenomenon == ph), None)
            d = row.as_dict() if row else {}
            cells[1] = str(d.get("gold", cells[1]))
            cells += [fmt(d.get("recall")), fmt(d.get("final_accuracy"))]
        body.append(cells)
    lines += _table(hdr, body)
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def baseline_table(data: dict, pending: list[str] | None = None) -> str:
    """The README table of a baseline file: one column per row, point
    estimate and 95% interval; `pending` rows are shown as not recorded yet.

        python -m verifier.evals.writers.markdown evals/baseline.json [PENDING_ROW ...]
    """
    rows = data.get("rows", {})
    names = list(rows) + [p for p in pending or [] if p not in rows]
    any_row = next(iter(rows.values()), {})
    header = ["metric"] + [f"{n} ({rows[n]['model']})" if rows.get(n, {}).get("model") else n for n in names]
    body = []
    for key, label in SUMMARY:
        cells = [label]
        for n in names:
            if n not in rows:
                cells.append("not recorded yet")
                continue
            v = rows[n].get("metrics", {}).get(key)
            ci = rows[n].get("ci", {}).get(key)
            cells.append(f"{fmt(v)} {fmt_ci(tuple(ci)) if ci and v is not None else ''}".strip())
        body.append(cells)
    body.append(["gold claims (scored set)"] + [str(rows[n].get("counts", {}).get("gold", "")) if n in rows else ""
                                                for n in names])
    out = _table(header, body)
    out.append("")
    out.append(f"From the baseline made {any_row.get('created', '?')} on the "
               f"'{any_row.get('set', 'scored')}' set, min_overlap {any_row.get('min_overlap', '?')}.")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - a documentation helper
    import json
    import sys
    from pathlib import Path

    sys.stdout.write(baseline_table(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")), sys.argv[2:]))
