"""Review sessions: a person settles each claim, one screen at a time.

One job per module:

    inputs     what is reviewed: an article, a saved Report, or a directory
    lock       one session per input at a time (flock + pid, stale-safe)
    journal    the append-only session file (JSONL, fsync per decision)
    items      a claim as the reviewer sees and changes it
    order      queue ordering: disputed claims first
    state      replaying the journal into the current state
    session    the operations a reviewer performs, each one journaled
    select     choosing evidence in a sentence (word numbers or a substring)
    screen     drawing a claim, the help and the end screen with rich
    keys       single keys from the terminal in cbreak mode
    prompt     line prompts (readline, prefilled) for speaker, text, note
    app        the interactive loop
    decisions  the non-interactive `--decisions FILE` fallback
    export     an eval fixture or a corrected Report from a session
    summary    counts, time spent and agreement between model, checker, reviewer

The journal is the truth: state is always rebuilt by replaying it, so a
crash, a kill or Ctrl-C loses at most the decision being typed.
"""
