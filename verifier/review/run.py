"""One `verifier review` run: the inputs, their sessions (interactive or
from a decisions file), then the summary and the exports."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from verifier.errors import EXIT_USAGE, VerifierError
from verifier.review.inputs import ReviewInput, discover
from verifier.review.lock import SessionLocked
from verifier.review.session import Session, default_reviewer


class NotATerminal(VerifierError):
    exit_code = EXIT_USAGE


@dataclass
class ReviewRun:
    path: Path
    decisions: Path | None = None
    exports: list[str] = field(default_factory=list)
    out: Path | None = None
    reviewer: str | None = None
    restart: bool = False
    fixture_id: str | None = None
    licence: str = ""
    color: bool | None = None
    extractor: str | None = None
    input_format: str | None = None
    settings: dict = field(default_factory=dict)

    def run(self) -> list[Session]:
        inputs, notes = discover(self.path, self.input_format)
        batch = self.path.is_dir()
        if batch and self.fixture_id:
            raise VerifierError("--fixture-id names one fixture: give one article, not a directory")
        if batch and self.out is not None and self.out.exists() and not self.out.is_dir():
            raise VerifierError(f"{self.out}: for a directory of articles --out must be a directory")
        if len(set(self.exports)) > 1 and self.out is not None and not batch and not self.out.is_dir():
            raise VerifierError("two exports cannot share one --out file: give a directory")
        reviewer = self.reviewer or default_reviewer()
        for note in notes:
            sys.stderr.write(f"verifier: {note}\n")
        if self.decisions is not None:
            sessions = self._scripted(inputs, batch, reviewer)
        else:
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                raise NotATerminal("review is interactive and needs a terminal; for scripted use give "
                                   "--decisions FILE (see --help-decisions)")
            sessions = self._interactive(inputs, batch, reviewer)
        self._finish(sessions, batch)
        return sessions

    # --- the pipeline ---------------------------------------------------------
    def _make_verifier(self):
        from verifier.pipeline import Verifier

        return Verifier(extractor=self.extractor, **self.settings)

    # --- sessions -----------------------------------------------------------------
    def _scripted(self, inputs: list[ReviewInput], batch: bool, reviewer: str) -> list[Session]:
        from verifier.review.decisions import DecisionsError, apply_lines, read_decisions

        by_article, where = read_decisions(self.decisions)
        known = {i.name for i in inputs} | {i.stem for i in inputs}
        unknown = [a for a in by_article if a is not None and a not in known]
        if unknown:
            raise DecisionsError(f"{where}: '@ {unknown[0]}' names no article here "
                                 f"(articles: {', '.join(i.name for i in inputs)})")
        loose = by_article.get(None) or []
        if loose and len(inputs) > 1:
            raise DecisionsError(f"{where}:{loose[0].no}: several articles here: start their lines with '@ NAME'")
        # All or nothing over every article: each session is opened deferred
        # (nothing written, not even a new session's header) and takes its
        # lines in memory; only when every line of every article has applied
        # are the session files written. A bad line, a locked article or a
        # pipeline failure leaves every file as it was.
        sessions: list[Session] = []
        try:
            for inp in inputs:
                lines = by_article.get(inp.name) or by_article.get(inp.stem) or loose
                session = Session.open(inp, reviewer, self._make_verifier, self.restart, defer=True)
                sessions.append(session)
                apply_lines(session, lines, where, article=inp.name if batch else None)
        except BaseException:
            for session in sessions:
                session.abandon()
            raise
        for session in sessions:
            session.close()
        return sessions

    def _interactive(self, inputs: list[ReviewInput], batch: bool, reviewer: str) -> list[Session]:
        from rich.console import Console

        from verifier.review.app import QUIT, App
        from verifier.review.keys import Terminal

        console = Console(highlight=False, no_color=True if self.color is False else None,
                          force_terminal=True if self.color else None)
        term = Terminal()
        app = App(console, term)
        sessions: list[Session] = []
        skipped: list[str] = []
        interrupted = False
        import signal

        previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            with term:
                console.set_alt_screen(True)
                try:
                    for k, inp in enumerate(inputs):
                        title = f"verifier review · {inp.name}" + (f" · {k + 1}/{len(inputs)}" if batch else "")

                        def running(src: ReviewInput, title=title) -> None:
                            console.file.write("\x1b[H\x1b[2J")
                            console.print(f"{title}\n\nchecking {src.name} "
                                          f"({self.extractor or 'auto'} extractor) ...")

                        try:
                            session = Session.open(inp, reviewer, self._make_verifier, self.restart,
                                                   on_pipeline=running)
                        except SessionLocked as exc:
                            if not batch:
                                raise
                            skipped.append(f"skipped: {exc}")
                            continue
                        sessions.append(session)
                        try:
                            if batch and session.resumed and session.state.finished:
                                continue
                            outcome = app.review(session, title, batch_next=batch and k + 1 < len(inputs))
                        finally:
                            session.close()
                        if outcome == QUIT:
                            break
                except KeyboardInterrupt:
                    interrupted = True
                finally:
                    console.set_alt_screen(False)
        finally:
            signal.signal(signal.SIGTERM, previous)
        for s in skipped:
            sys.stderr.write(f"verifier: {s}\n")
        if interrupted:
            for s in sessions:
                sys.stderr.write(f"verifier: every decision so far is saved in {s.source.journal_path}; "
                                 "run the same command again to resume\n")
            raise KeyboardInterrupt
        if batch and not sessions and skipped:
            raise SessionLocked("every article here is being reviewed in another session")
        return sessions

    # --- the end: summary and exports ---------------------------------------------
    def _finish(self, sessions: list[Session], batch: bool) -> None:
        from verifier.io import atomic_write
        from verifier.review.export import ExportError, slug, to_fixture, to_report
        from verifier.review.summary import summarize, summary_lines

        failures: list[str] = []
        for session in sessions:
            inp = session.source
            summary = summarize(session.state, inp.name)
            sys.stdout.write("\n".join(summary_lines(summary)) + "\n")
            sys.stdout.write(f"  session: {inp.journal_path}\n")
            for kind in self.exports:
                target = inp.export_path(kind, self.out, batch)
                try:
                    if kind == "fixture":
                        fx = to_fixture(session.state, fixture_id=self.fixture_id or slug(inp.stem),
                                        source=_provenance(session), licence=self.licence, name=inp.name)
                        text = fx.model_dump_json(indent=2, exclude_none=True) + "\n"
                    else:
                        text = to_report(session.state).model_dump_json(indent=2) + "\n"
                except ExportError as exc:
                    failures.append(str(exc))
                    continue
                atomic_write(target, text)
                sys.stdout.write(f"  wrote {kind}: {target}\n")
        sys.stdout.flush()
        if failures:
            raise ExportError(failures[0] + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""))


def _provenance(session: Session) -> str:
    doc = session.state.report.document
    who = sorted({it.reviewer for it in session.state.items.values() if it.reviewer} or {session.reviewer})
    return (f"{doc.source or session.source.name}; labels decided by {', '.join(who)} in verifier review "
            f"on {time.strftime('%Y-%m-%d')}")


def _terminate(signum, frame):  # SIGTERM: leave the terminal and the lock as Ctrl-C does
    raise KeyboardInterrupt
