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
    verdicts: bool = False
    """Settle the verification verdicts of saved Reports instead of the claims."""

    def run(self) -> list[Session]:
        inputs, notes = discover(self.path, self.input_format)
        batch = self.path.is_dir()
        if self.verdicts and batch:
            notes += [f"skipped {i.name}: an article (--verdicts reviews saved Reports)" for i in inputs
                      if i.kind != "report"]
            inputs = [i for i in inputs if i.kind == "report"]
            if not inputs:
                raise VerifierError(f"{self.path}: no saved Reports (.json) whose verdicts to review")
        if batch and self.fixture_id:
            raise VerifierError("--fixture-id names one fixture: give one article, not a directory")
        if batch and self.out is not None and not self.to_stdout and self.out.exists() and not self.out.is_dir():
            raise VerifierError(f"{self.out}: for a directory of articles --out must be a directory")
        if len(set(self.exports)) > 1 and self.out is not None and not batch and not self.out.is_dir():
            raise VerifierError("two exports cannot share one --out file: give a directory")
        if self.verdicts:
            if "fixture" in self.exports:
                raise VerifierError("--verdicts settles verification verdicts: export them with --export report "
                                    "(a fixture holds claim labels)")
            self.exports = self.exports or ["report"]  # the settled verdicts are the output
        if self.to_stdout and (batch or len(self.exports) != 1):
            raise VerifierError("-o - writes one export of one input to standard output")
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

    @property
    def to_stdout(self) -> bool:
        return self.out is not None and str(self.out) == "-"

    def _open(self, inp: ReviewInput, reviewer: str, defer: bool = False, on_pipeline=None):
        if self.verdicts:
            from verifier.review.verdicts import VerdictSession

            return VerdictSession.open(inp, reviewer, self.restart, defer=defer)
        return Session.open(inp, reviewer, self._make_verifier, self.restart, on_pipeline=on_pipeline, defer=defer)

    # --- the pipeline ---------------------------------------------------------
    def _make_verifier(self):
        from verifier.pipeline import Verifier

        return Verifier(extractor=self.extractor, **self.settings)

    # --- sessions -----------------------------------------------------------------
    def _scripted(self, inputs: list[ReviewInput], batch: bool, reviewer: str) -> list[Session]:
        from verifier.review.decisions import DecisionsError, apply_lines, apply_new, read_decisions

        parse = apply = None
        if self.verdicts:
            from verifier.review.verdict_decisions import apply_verdict_lines, parse_verdict_line

            parse, apply = parse_verdict_line, apply_verdict_lines
        apply = apply or apply_lines
        by_article, where = read_decisions(self.decisions, parse)
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
                session = self._open(inp, reviewer, defer=True)
                sessions.append(session)
                apply_new(session, lines, apply, where, article=inp.name if batch else None)
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
        if self.verdicts:
            from verifier.review.verdict_app import VerdictApp

            app = VerdictApp(console, term)
        else:
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
                            session = self._open(inp, reviewer, on_pipeline=running)
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
                sys.stderr.write(f"verifier: every decision so far is saved in {s.journal_of(s.source)}; "
                                 "run the same command again to resume\n")
            raise KeyboardInterrupt
        if batch and not sessions and skipped:
            raise SessionLocked("every article here is being reviewed in another session")
        return sessions

    # --- the end: summary and exports ---------------------------------------------
    def _finish(self, sessions: list, batch: bool) -> None:
        from verifier.io import atomic_write, write_output
        from verifier.review.export import ExportError

        failures: list[str] = []
        say = sys.stderr if self.to_stdout else sys.stdout  # -o -: the export alone on stdout
        for session in sessions:
            inp = session.source
            say.write("\n".join(self._summary(session)) + "\n")
            say.write(f"  session: {session.journal_of(inp)}\n")
            for kind in self.exports:
                shown = "verdicts" if self.verdicts else kind
                target = inp.export_path(shown, self.out, batch)
                try:
                    text = self._export(session, kind)
                except ExportError as exc:
                    failures.append(str(exc))
                    continue
                if self.to_stdout:
                    write_output("-", text)
                elif self.out is not None and target == self.out:
                    write_output(target, text)  # the user's own file: its directory must exist
                else:
                    atomic_write(target, text)
                    say.write(f"  wrote {shown}: {target}\n")
        say.flush()
        if failures:
            raise ExportError(failures[0] + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""))

    def _summary(self, session) -> list[str]:
        if self.verdicts:
            from verifier.review.verdicts import verdict_summary_lines

            return verdict_summary_lines(session.state, session.source.name)
        from verifier.review.summary import summarize, summary_lines

        return summary_lines(summarize(session.state, session.source.name))

    def _export(self, session, kind: str) -> str:
        if self.verdicts:
            from verifier.review.verdicts import settled_report

            return settled_report(session.state).model_dump_json(indent=2) + "\n"
        from verifier.review.export import slug, to_fixture, to_report

        if kind == "fixture":
            inp = session.source
            fx = to_fixture(session.state, fixture_id=self.fixture_id or slug(inp.stem),
                            source=_provenance(session), licence=self.licence, name=inp.name)
            return fx.model_dump_json(indent=2, exclude_none=True) + "\n"
        return to_report(session.state).model_dump_json(indent=2) + "\n"


def _provenance(session: Session) -> str:
    doc = session.state.report.document
    who = sorted({it.reviewer for it in session.state.items.values() if it.reviewer} or {session.reviewer})
    return (f"{doc.source or session.source.name}; labels decided by {', '.join(who)} in verifier review "
            f"on {time.strftime('%Y-%m-%d')}")


def _terminate(signum, frame):  # SIGTERM: leave the terminal and the lock as Ctrl-C does
    raise KeyboardInterrupt
