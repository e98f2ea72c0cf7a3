"""The interactive loop: draw the claim, read a key, act, repeat.

Each action goes through `Session`, which journals it before anything is
shown; quitting (q, Ctrl-D, Ctrl-C, a closed terminal) therefore never
loses a decision already made.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from verifier.sanitize import display
from verifier.review import screen
from verifier.review.items import PAST, other_label, outcome
from verifier.review.keys import ACTIONS, Terminal
from verifier.review.prompt import ask
from verifier.review.select import SelectionError, numbered, select
from verifier.review.session import NeedsInput, ReviewError, Session
from verifier.review.summary import summarize, summary_lines

QUIT, NEXT = "quit", "next"


class App:
    def __init__(self, console: Console, term: Terminal):
        self.console = console
        self.term = term
        self.message: str | None = None

    # --- drawing ------------------------------------------------------------------
    def size(self) -> tuple[int, int]:
        w, h = self.console.size
        return max(40, w), max(12, h)

    def draw(self, frame: screen.Frame, reserve: int = 0) -> None:
        w, h = self.size()
        body = screen.fit(self.console, frame, w, h - reserve)
        # article text is hostile input: its controls become visible characters (lengths, and so spans, kept)
        body = Text(display(body.plain), style=body.style, spans=body.spans, end=body.end)
        self.console.file.write("\x1b[H\x1b[2J")
        self.console.print(body, end="\n" if reserve else "", no_wrap=True, overflow="crop", soft_wrap=False)
        self.console.file.flush()

    def prompt(self, session: Session, title: str, body: list, question: str, default: str | None = None,
               note: str | None = None, allow_empty: bool = False) -> str | None:
        """Ask for a line under a frame; the question is wrapped at word
        boundaries, and the whole is drawn again when the terminal is resized."""
        def draw() -> str:
            w, _ = self.size()
            lines = screen.prompt_lines(question, w, len(default or ""))
            self.draw(screen.prompt_frame(self.console, session, w, title, body, note, lead=lines[:-1]), reserve=1)
            return lines[-1]

        return ask(self.term, draw(), default, allow_empty=allow_empty, redraw=draw)

    # --- one session -----------------------------------------------------------------
    def review(self, session: Session, title: str, batch_next: bool = False) -> str:
        """Walk the session until the reviewer quits (QUIT) or, in a batch,
        asks for the next article (NEXT)."""
        self.message = ("resumed: every earlier decision is kept" if session.resumed
                        else "every decision is saved as it is made")
        while True:
            w, _ = self.size()
            if session.cursor is None:
                lines = summary_lines(summarize(session.state, session.source.name if session.source else ""))
                self.draw(screen.done_frame(self.console, session, w, title, lines, self.message,
                                            batch_next=batch_next and session.state.finished))
            else:
                self.draw(screen.claim_frame(self.console, session, w, title, self.message))
            self.message = None
            key = self.term.read_key()
            action = ACTIONS.get(key)
            if action is None:
                self.message = f"{key!r} does nothing here: ? shows the keys"
                continue
            if action == "quit":
                return QUIT
            if action == "redraw":
                continue
            if action == "help":
                while True:
                    self.draw(screen.help_frame(self.console, self.size()[0], title))
                    if self.term.read_key() != "resize":
                        break
                continue
            try:
                outcome = self.act(session, action, title, batch_next)
            except SelectionError as exc:
                self.message = str(exc)
                continue
            except ReviewError as exc:
                self.message = str(exc)
                continue
            if outcome:
                return outcome

    def act(self, session: Session, action: str, title: str, batch_next: bool) -> str | None:
        cid = session.cursor
        if action == "undo":
            ev = session.undo()
            self.message = f"undone: {ev['action']} on {ev['claim']}" if ev else "nothing to undo"
            return None
        if action == "back":
            if not session.back():
                self.message = "this is the first claim"
            return None
        if action == "add":
            self.add(session, title)
            return None
        if cid is None:  # the end screen
            if action in ("accept", "skip"):
                if batch_next and session.state.finished:
                    return NEXT
                nxt = session.state.next_undecided(None)
                if nxt is not None:
                    session.goto(nxt)
                else:
                    self.message = "every claim is decided: q saves and quits, b goes back"
                return None
            self.message = "every claim is decided: b goes back, q saves and quits"
            return None
        if action == "skip":
            if not session.skip():
                self.message = "no other claim to go to"
            return None
        if action in ("accept", "flip", "ambiguous", "reject"):
            self.decide(session, cid, action, title)
            return None
        if action in ("speaker", "text", "cue"):
            self.edit(session, cid, action, title)
            return None
        if action == "evidence":
            it = session.item(cid)
            sentence = (self._sentence_of(session, it.start) if it.grounded
                        else nearest_sentence(session, it.evidence or it.text))
            span = self.choose_span(session, title, sentence, f"Evidence for {cid}: “{it.text}”")
            if span:
                session.set_evidence(cid, *span)
                self.message = f"{cid}: evidence changed"
            return None
        if action == "note":
            it = session.item(cid)
            note = self.prompt(session, title, [Text(f"{cid}: {it.text}")], "Note (empty line cancels): ",
                               it.note)
            if note is None:
                self.message = "note cancelled"
            elif note != it.note:
                session.set_note(cid, note)
                self.message = f"{cid}: note saved"
            return None
        raise ReviewError(f"unknown action {action}")  # pragma: no cover

    # --- actions needing more input ------------------------------------------------------
    def decide(self, session: Session, cid: str, action: str, title: str) -> None:
        changes: dict = {}
        it = session.item(cid)
        if action == "flip" and other_label(it.label) == "attributed":
            # f asks who the source is and which word signals it, offering the
            # model's or the checker's reading; an empty speaker is an unnamed source
            offer = session.prepare(cid, "flip")
            ctx = [Text(f"{cid} becomes attributed: {it.text}"), Text(f"Evidence: “{it.evidence}”")]
            speaker = self.prompt(session, title, ctx, "Speaker: ", offer.speaker,
                                  note="The source as the article names it; an empty line: an unnamed source. "
                                       "Ctrl-D on an empty line cancels.", allow_empty=True)
            if speaker is None:
                self.message = f"{cid}: flip cancelled"
                return
            ctx.append(Text(f"Speaker: {speaker or '(an unnamed source)'}"))
            cue = self.prompt(session, title, ctx, "Cue: ", offer.cue,
                              note="The word or phrase that signals the attribution, as it stands in the text. "
                                   "An empty line cancels.")
            if cue is None:
                self.message = f"{cid}: flip cancelled (an attributed claim needs its cue)"
                return
            changes = {"speaker": speaker or None, "cue": cue}
        while True:
            try:
                item = session.decide(cid, action, changes)
                self.message = f"{cid}: {_past(action)}"
                kind = outcome(item, session.state.claims.get(cid))
                if action == "accept" and kind in ("flip", "ambiguous"):
                    self.message += f" as it stands ({PAST[kind]})"
                return
            except NeedsInput as need:
                if "evidence" in need.fields:
                    self.message = str(need)
                    return
                sug = session.suggestions(cid)
                it = need.item
                ctx = [Text(f"{cid} becomes {it.label}: {it.text}")]
                for field in need.fields:
                    value = self.prompt(session, title, ctx, f"{field.capitalize()}: ", sug.get(field) or None,
                                        note=f"An attributed claim needs its {field}, as the article has it.")
                    if value is None:
                        self.message = f"{cid}: {action} cancelled (no {field} given)"
                        return
                    changes[field] = value

    def edit(self, session: Session, cid: str, field: str, title: str) -> None:
        it = session.item(cid)
        if field in ("speaker", "cue") and it.label == "asserted" and not it.ambiguous:
            self.message = f"{cid} is asserted: it has no {field} (f flips it to attributed)"
            return
        current = getattr(it, field)
        if field != "text" and not current:
            current = session.suggestions(cid).get(field)
        unnamed = field == "speaker"
        value = self.prompt(session, title, [Text(f"{cid}: {it.text}"), Text(f"Evidence: “{it.evidence}”")],
                            f"{'Claim text' if field == 'text' else field.capitalize()}: ", current,
                            note="An empty line: an unnamed source. Ctrl-D on an empty line cancels."
                            if unnamed else None, allow_empty=unnamed)
        if value is None or (value or None) == getattr(it, field):
            self.message = f"{cid}: {field} unchanged"
            return
        session.edit(cid, field, value)
        self.message = f"{cid}: {field} changed" if value else f"{cid}: speaker cleared (an unnamed source)"

    def choose_span(self, session: Session, title: str, sentence: int, what: str) -> tuple[int, int] | None:
        doc = session.state.document
        note = None
        while True:
            s = doc.sentences[sentence]
            body: list = [Text(what, style="bold"), Text(""),
                          Text(f"Sentence {sentence + 1} of {len(doc.sentences)}, words numbered:", style="bold"),
                          Text(numbered(doc.text, s.start, s.end)), Text(""),
                          Text("Type word numbers (5-12, 7, 5-), or text to find; < and > move to the previous "
                               "or next sentence; an empty line cancels.", style="dim")]
            answer = self.prompt(session, title, body, "Evidence: ", note=note)
            if answer is None:
                self.message = "cancelled"
                return None
            if answer in ("<", ">", "-", "+"):
                step = -1 if answer in ("<", "-") else 1
                sentence = min(max(0, sentence + step), len(doc.sentences) - 1)
                note = None
                continue
            try:
                return select(answer, doc.text, s.start, s.end)
            except SelectionError as exc:
                note = str(exc)

    def add(self, session: Session, title: str) -> None:
        cid = session.cursor
        start = session.item(cid).start if cid is not None else None
        span = self.choose_span(session, title, self._sentence_of(session, start), "Add a missed claim")
        if span is None:
            return
        from verifier.attribution import Checker

        a, b = span
        text = session.state.document.text
        verdict = Checker(session.state.document).check(a, b)
        body = [Text("Add a missed claim", style="bold"), Text(f"Evidence: “{text[a:b]}”"),
                Text(f"Checker: {verdict.label}" + (f" · speaker {verdict.speaker or '—'} · cue {verdict.cue or '—'}"
                                                  if verdict.label == "attributed" else ""))]
        answer = self.prompt(session, title, body, f"Label: a attributed, s asserted, m ambiguous "
                             f"[Enter: {verdict.label}]: ")
        choice = (answer or verdict.label[0]).lower()[:1]
        if choice not in ("a", "s", "m"):
            self.message = "added nothing: the label must be a, s or m"
            return
        label = {"a": "attributed", "s": "asserted", "m": verdict.label}[choice]
        ambiguous = choice == "m"
        speaker = cue = None
        if label == "attributed" or ambiguous:
            speaker = self.prompt(session, title, body, "Speaker: ", verdict.speaker,
                                  note="An empty line: an unnamed source. Ctrl-D on an empty line cancels.",
                                  allow_empty=True)
            if speaker is None:
                self.message = "added nothing"
                return
            speaker = speaker or None
            cue = self.prompt(session, title, body, "Cue: ", verdict.cue)
            if cue is None and not ambiguous:
                self.message = "added nothing: an attributed claim needs a cue"
                return
        claim_text = self.prompt(session, title, body, "Claim text (standalone): ", text[a:b])
        if claim_text is None:
            self.message = "added nothing"
            return
        note = self.prompt(session, title, body, "Note (Enter for none): ")
        new = session.add(a, b, label, speaker=speaker, cue=cue, text=claim_text, note=note, ambiguous=ambiguous)
        self.message = f"added {new.id} ({new.label}{', ambiguous' if new.ambiguous else ''})"

    @staticmethod
    def _sentence_of(session: Session, offset: int | None) -> int:
        doc = session.state.document
        if not doc.sentences:
            raise ReviewError("the article has no sentences")
        return doc.sentence_index(offset) if offset is not None else 0


def nearest_sentence(session: Session, text: str) -> int:
    """The sentence most like `text` (for evidence the pipeline could not find)."""
    from rapidfuzz import fuzz

    doc = session.state.document
    if not doc.sentences:
        raise ReviewError("the article has no sentences")
    scores = [fuzz.partial_ratio(text.lower(), doc.text[s.start:s.end].lower()) for s in doc.sentences]
    return max(range(len(scores)), key=scores.__getitem__)


def _past(action: str) -> str:
    return {"accept": "accepted", "flip": "flipped", "ambiguous": "marked ambiguous", "reject": "rejected"}[action]
