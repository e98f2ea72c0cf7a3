"""The eval harness: score the pipeline against hand-labeled fixtures.

One job per module, data flowing one way:

    config     where fixtures, recordings and the baseline live (evals/eval.toml)
    runner     fixtures -> Verifier -> predictions (replay by default)
    align      predicted claims <-> gold claims, one to one, by evidence overlap
    metrics    counts per fixture, metrics from counts, per-phenomenon tables
    bootstrap  95% confidence intervals over fixtures (seeded)
    baseline   the committed baseline file, --compare: deltas, flips, regressions
    writers    rich tables, JSON, JUnit XML, Markdown

Nothing here imports openai or instructor; the runner asks the pipeline for
the LLM extractor, which imports them when (and only when) a model row runs.
"""
