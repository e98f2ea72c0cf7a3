"""Line prompts for text the reviewer types (speaker, claim text, note,
evidence): readline editing, the current value prefilled so a typo is
fixed in place. An empty answer or Ctrl-D cancels (or, where a prompt
allows it, an empty answer means "none": an unnamed speaker).

The line being edited never wraps: readline scrolls it sideways
(horizontal-scroll-mode), and the question itself is wrapped at word
boundaries by the caller (`App.prompt`), which shows the full current value
in the frame above. A terminal resize during the prompt redraws the frame
and the prompt at the new size and keeps what was typed (`keys.Resized`).
"""

from __future__ import annotations

from typing import Callable

from verifier.review.keys import Resized

_configured = False


def _readline():
    global _configured
    try:
        import readline
    except ImportError:  # pragma: no cover - Python without readline
        return None
    if not _configured:
        _configured = True
        try:
            readline.parse_and_bind("set horizontal-scroll-mode on")
        except Exception:  # pragma: no cover - an editline without this setting
            pass
    return readline


def ask(term, prompt: str, default: str | None = None, *, allow_empty: bool = False,
        redraw: Callable[[], str] | None = None) -> str | None:
    """The line typed (stripped); None when cancelled (Ctrl-D, or an empty
    line unless `allow_empty`, which returns "" for it). `redraw`, after a
    resize, draws the screen again and returns the prompt to show."""
    readline = _readline()
    typed = default
    while True:
        if readline is not None and typed:
            readline.set_startup_hook(lambda text=typed: readline.insert_text(text))
        try:
            with term.cooked(), term.resizable_prompt():
                answer = input(prompt)
        except Resized as exc:
            typed = exc.typed
            if redraw is not None:
                prompt = redraw()
            continue
        except EOFError:
            return None
        finally:
            if readline is not None:
                readline.set_startup_hook(None)
        break
    answer = answer.strip()
    if not answer and default and readline is None:
        return default
    if not answer:
        return "" if allow_empty else None
    return answer
