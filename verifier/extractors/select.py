"""Choose the extractor from settings: a configured model, or the rules."""

from __future__ import annotations

from verifier.extractors.base import Extractor


def choose_extractor(extractor: str | None = None, **settings) -> Extractor:
    """'rules', 'llm', or None for automatic: the LLM extractor when an API
    key or base URL is configured (flags, environment or config file), the
    rule extractor otherwise."""
    if extractor in (None, "auto", "llm"):
        from verifier.llm.settings import Settings  # light: no openai import

        cfg = Settings.load(**settings)
        if extractor == "llm" or cfg.model_configured:
            from verifier.llm.extractor import LLMExtractor

            return LLMExtractor(cfg)
    if extractor not in (None, "auto", "rules"):
        from verifier.errors import ConfigError

        raise ConfigError(f"unknown extractor '{extractor}' (use rules, llm or auto)")
    from verifier.extractors.rules import RuleExtractor

    return RuleExtractor()
