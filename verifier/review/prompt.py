"""Line prompts for text the reviewer types (speaker, claim text, note,
evidence): readline editing, the current value prefilled so a typo is
fixed in place. An empty answer or Ctrl-D cancels."""

from __future__ import annotations


def ask(term, prompt: str, default: str | None = None) -> str | None:
    """The line typed (stripped), or None when cancelled."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Python without readline
        readline = None
    if readline is not None and default:
        readline.set_startup_hook(lambda: readline.insert_text(default))
    try:
        with term.cooked():
            answer = input(prompt)
    except EOFError:
        return None
    finally:
        if readline is not None:
            readline.set_startup_hook(None)
    answer = answer.strip()
    if not answer and default and readline is None:
        return default
    return answer or None
