"""`verifier validate-fixtures`: reject fixtures whose evidence is wrong."""

from __future__ import annotations

from pathlib import Path

import typer


def validate_fixtures(
    paths: list[Path] = typer.Argument(..., help="Fixture files or directories (dev/ included)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only problems and the summary line."),
) -> None:
    """Check eval fixtures: evidence in the text, offsets matching, labels valid.

    Each problem is printed as FAIL with the fixture and claim named; the
    exit code is 7 when any fixture has one. WARN lines (length, one label
    only) do not fail."""
    from collections import Counter

    from verifier.errors import EXIT_MALFORMED, InputNotFound, VerifierError
    from verifier.fixtures import PHENOMENA, fixture_paths, load_fixture, problems, warnings

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += fixture_paths(p, include_dev=True)
        elif p.exists():
            files.append(p)
        else:
            raise InputNotFound(f"{p}: no such file or directory")
    if not files:
        raise VerifierError("no fixture files found")
    bad = 0
    labels: Counter[str] = Counter()
    phen: Counter[str] = Counter()
    ambiguous = claims = 0
    seen: dict[str, Path] = {}
    for f in files:
        try:
            fx = load_fixture(f)
        except VerifierError as exc:
            typer.echo(f"FAIL {exc}", err=True)
            bad += 1
            continue
        errs = problems(fx)
        if fx.id in seen:
            errs.append(f"fixture id '{fx.id}' is also used by {seen[fx.id]}")
        seen.setdefault(fx.id, f)
        for e in errs:
            typer.echo(f"FAIL {f}: {e}", err=True)
        if not quiet:
            for w in warnings(fx):
                typer.echo(f"WARN {f}: {w}", err=True)
        bad += bool(errs)
        claims += len(fx.claims)
        for c in fx.claims:
            labels[c.label] += 1
            ambiguous += c.ambiguous
            phen.update(c.phenomena)
    typer.echo(f"{len(files) - bad} of {len(files)} fixtures valid ({claims} gold claims: "
               f"{labels['attributed']} attributed, {labels['asserted']} asserted, {ambiguous} ambiguous)")
    if not quiet and claims:
        missing = sorted(set(PHENOMENA) - set(phen))
        typer.echo("phenomena: " + ", ".join(f"{k} {v}" for k, v in sorted(phen.items())))
        if missing:
            typer.echo("phenomena not covered: " + ", ".join(missing))
    if bad:
        raise typer.Exit(EXIT_MALFORMED)
