"""Moved: the cue lexicon is data now (verifier/attribution/data/lexicon.toml),
loaded by verifier.attribution.lexicon. This name stays for existing imports."""

from verifier.attribution.lexicon import *  # noqa: F401,F403
from verifier.attribution.lexicon import CUE_FORMS, PHRASAL_CUES, PHRASAL_FORMS, VERB_FORMS, cue_verb, reporting_lemma  # noqa: F401
