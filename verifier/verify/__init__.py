"""Verification of an article's attributed claims against the speakers'
own documents (issue 13). `verify(report_or_text, sources)` is the API; the
modules, one job each: sources (documents, turns, passages), retrieve
(bm25s + rapidfuzz), quantities, facts, quotes (direct), paraphrase
(indirect), compare (dispatch), asserted, judge (optional model), eval and
report (the fixture eval). Nothing here imports openai or instructor until
the judge calls a model.

`verifier.verify` is both this package and the API function: importing a
submodule makes Python bind the package to that name in `verifier`, so the
package itself is callable and calls `verify`."""

from __future__ import annotations

import sys
import types

from verifier.verify.run import verify

__all__ = ["verify"]


class _CallablePackage(types.ModuleType):
    def __call__(self, *args, **kwargs):
        return verify(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
