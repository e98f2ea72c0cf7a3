"""The interactive verdict review: draw the verdict, read a key, act.

Like the claim review (app.py, whose drawing and prompts it shares), each
action goes through the session, which journals it before anything is
shown: quitting in any way never loses a decision already made.
"""

from __future__ import annotations

from rich.text import Text

from verifier.review import verdict_screen as vs
from verifier.review.app import NEXT, QUIT, App
from verifier.review.journaled import ReviewError
from verifier.review.prompt import ask
from verifier.review.screen import prompt_lines
from verifier.review.verdict_state import NEEDS_PASSAGE
from verifier.review.verdicts import VerdictSession, verdict_summary_lines
from verifier.schemas import VERIFY_VERDICTS

KEYS = {"a": "confirm", "enter": "confirm", "o": "override", "n": "note", "u": "undo", "b": "back",
        "left": "back", "space": "skip", "right": "skip", "?": "help", "h": "help", "q": "quit", "ctrl-d": "quit",
        "ctrl-l": "redraw", "resize": "redraw"}


class VerdictApp(App):
    def prompt(self, session, title: str, body: list, question: str, default: str | None = None,
               note: str | None = None, allow_empty: bool = False) -> str | None:
        def draw() -> str:
            w, _ = self.size()
            lines = prompt_lines(question, w, len(default or ""))
            self.draw(vs.prompt_frame(self.console, session, w, title, body, note, lead=lines[:-1]), reserve=1)
            return lines[-1]

        return ask(self.term, draw(), default, allow_empty=allow_empty, redraw=draw)

    def review(self, session: VerdictSession, title: str, batch_next: bool = False) -> str:
        self.message = ("resumed: every earlier decision is kept" if session.resumed
                        else "every decision is saved as it is made")
        while True:
            w, _ = self.size()
            if session.cursor is None:
                lines = verdict_summary_lines(session.state, session.source.name if session.source else "")
                self.draw(vs.done_frame(self.console, session, w, title, lines, self.message,
                                        batch_next=batch_next and session.state.finished))
            else:
                self.draw(vs.verdict_frame(self.console, session, w, title, self.message))
            self.message = None
            key = self.term.read_key()
            action = KEYS.get(key)
            if action is None:
                self.message = f"{key!r} does nothing here: ? shows the keys"
            elif action == "quit":
                return QUIT
            elif action == "help":
                while True:
                    self.draw(vs.help_frame(self.console, self.size()[0], title))
                    if self.term.read_key() != "resize":
                        break
            elif action != "redraw":
                try:
                    outcome = self.act(session, action, title, batch_next)
                except ReviewError as exc:
                    self.message = str(exc)
                    continue
                if outcome:
                    return outcome

    def act(self, session: VerdictSession, action: str, title: str, batch_next: bool) -> str | None:
        cid = session.cursor
        if action == "undo":
            ev = session.undo()
            self.message = f"undone: {ev['action']} on {ev['claim']}" if ev else "nothing to undo"
        elif action == "back":
            if not session.back():
                self.message = "this is the first verdict"
        elif cid is None:  # the end screen
            if action in ("confirm", "skip"):
                if batch_next and session.state.finished:
                    return NEXT
                nxt = session.state.next_undecided(None)
                if nxt is not None:
                    session.goto(nxt)
                else:
                    self.message = "every verdict is settled: q saves and quits, b goes back"
            else:
                self.message = "every verdict is settled: b goes back, q saves and quits"
        elif action == "skip":
            if not session.skip():
                self.message = "no other verdict to go to"
        elif action == "confirm":
            it = session.confirm(cid)
            self.message = f"{cid}: {it.verdict} confirmed"
        elif action == "override":
            self.override(session, cid, title)
        elif action == "note":
            it = session.item(cid)
            note = self.prompt(session, title, [Text(f"{cid}: {session.state.checks[cid].compared}")],
                               "Note (empty line cancels): ", it.note)
            if note is None:
                self.message = "note cancelled"
            elif note != it.note:
                session.set_note(cid, note)
                self.message = f"{cid}: note saved"
        return None

    def override(self, session: VerdictSession, cid: str, title: str) -> None:
        """Ask the verdict, then (when it rests on one) the passage, then why."""
        check = session.state.checks[cid]
        body: list = [Text(f"Override {cid}: the tool says {check.verdict}", style="bold"),
                      Text(f"Article: “{check.compared}”")]
        answer = self.prompt(session, title, body, f"Verdict ({vs.verdict_choices()}): ",
                             note="A number or the verdict's name; an empty line cancels.")
        verdict = _verdict(answer)
        if verdict is None:
            self.message = f"{cid}: override cancelled" + (f" ({answer!r} is no verdict)" if answer else "")
            return
        body.append(Text(f"Verdict: {verdict}"))
        number = None
        choices = session.state.choices(cid) if verdict in NEEDS_PASSAGE else []
        if verdict in NEEDS_PASSAGE and (len(choices) > 1 or session.item(cid).passage is None):
            if not choices:
                session.passage_for(cid, verdict, None)  # raises: nothing to rest it on
            body += vs.choice_lines(self.console, session.state, cid, self.size()[0])
            shown = session.item(cid).passage
            default = str(choices.index(shown) + 1) if shown in choices else None
            picked = self.prompt(session, title, body, f"Passage it rests on (1-{len(choices)}): ", default,
                                 note=f"{verdict} rests on a passage: its number above.")
            if picked is None or not picked.isdigit():
                self.message = f"{cid}: override cancelled (no passage chosen)"
                return
            number = int(picked)
            body.append(Text(f"Passage: {number}"))
        reason = self.prompt(session, title, body, "Why (the reason a person can check): ",
                             note="An override needs its reason; an empty line cancels.")
        if reason is None:
            self.message = f"{cid}: override cancelled (no reason given)"
            return
        it = session.override(cid, verdict, reason, number)
        self.message = f"{cid}: overridden, {check.verdict} -> {it.verdict}"


def _verdict(answer: str | None) -> str | None:
    a = (answer or "").strip().lower().replace("-", "_").replace(" ", "_")
    if a.isdigit() and 1 <= int(a) <= len(VERIFY_VERDICTS):
        return VERIFY_VERDICTS[int(a) - 1]
    return a if a in VERIFY_VERDICTS else None
