"""`verifier validate-fixtures`: reject fixtures whose evidence is wrong."""

from __future__ import annotations

from pathlib import Path

import typer


def validate_fixtures(
    paths: list[Path] = typer.Argument(..., help="Fixture files or directories (dev/ included)."),
) -> None:
    """Check eval fixtures: evidence in the text, offsets matching, labels valid."""
    from verifier.errors import EXIT_MALFORMED, VerifierError
    from verifier.fixtures import fixture_paths, load_fixture, problems

    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files += fixture_paths(p, include_dev=True)
        elif p.exists():
            files.append(p)
        else:
            from verifier.errors import InputNotFound

            raise InputNotFound(f"{p}: no such file or directory")
    if not files:
        raise VerifierError("no fixture files found")
    bad = 0
    claims = 0
    for f in files:
        try:
            fx = load_fixture(f)
        except VerifierError as exc:
            typer.echo(f"FAIL {exc}", err=True)
            bad += 1
            continue
        claims += len(fx.claims)
        errs = problems(fx)
        for e in errs:
            typer.echo(f"FAIL {f}: {e}", err=True)
        bad += bool(errs)
    typer.echo(f"{len(files) - bad} of {len(files)} fixtures valid ({claims} gold claims)")
    if bad:
        raise typer.Exit(EXIT_MALFORMED)
