"""Build evals/verify/fixtures/*.json from the hand-written pairs in
evals/verify/src/: NAME.source.txt (the speaker's own words) and
NAME.article.txt, whose claims are marked inline as

    [[VERDICT|ANCHOR|EVIDENCE]]   or   [[VERDICT@Speaker|ANCHOR|EVIDENCE]]

EVIDENCE is the article's words for the claim (quotation marks included for
a direct quotation); ANCHOR is words of the source inside the gold passage
(two joined by ' + ' for a stitched quotation, empty for not_found). The
header (until '---') gives 'speaker:' (the default speaker) and 'source:'
lines ('Speaker=file' ties a source to a speaker; default: the .source.txt
tied to nobody). Offsets are computed here, never typed by hand.

    python evals/verify/build.py      # rewrites evals/verify/fixtures/
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[(\w+)(?:@([^|\]]*))?\|([^|\]]*)\|(.*?)\]\]")


def build(article_path: Path) -> dict:
    name = article_path.name.removesuffix(".article.txt")
    header, _, body = article_path.read_text(encoding="utf-8").partition("\n---\n")
    meta: dict[str, list[str]] = {}
    for line in header.splitlines():
        k, _, v = line.partition(":")
        meta.setdefault(k.strip(), []).append(v.strip())
    specs = meta.get("source") or [f"{name}.source.txt"]
    sources = []
    for spec in specs:
        who, _, file = spec.rpartition("=")
        text = (HERE / "src" / file).read_text(encoding="utf-8")
        sources.append({"path": f"src/{file}", "speaker": who or None, "text": text})
    out, claims, pos = [], [], 0
    for m in MARK.finditer(body):
        out.append(body[pos:m.start()])
        start = sum(len(p) for p in out)
        verdict, who, anchor, evidence = m.groups()
        out.append(evidence)
        pos = m.end()
        gold = []
        for piece in [a.strip() for a in anchor.split(" + ") if a.strip()]:
            hits = [(i, s["text"].find(piece)) for i, s in enumerate(sources) if piece in s["text"]]
            if not hits:
                sys.exit(f"{article_path.name}: anchor not in any source: {piece!r}")
            gold.append({"source": hits[0][0], "start": hits[0][1], "end": hits[0][1] + len(piece)})
        claims.append({"id": f"v{len(claims) + 1}", "start": start, "end": start + len(evidence),
                       "evidence": evidence, "speaker": (who or meta["speaker"][0]).strip(),
                       "kind": "direct" if re.search(r"[\"“]", evidence) else "indirect",
                       "verdict": verdict, "gold_passages": gold})
    out.append(body[pos:])
    text = "".join(out).strip("\n") + "\n"
    lead = len("".join(out)) - len("".join(out).lstrip("\n"))
    for c in claims:
        c["start"] -= lead
        c["end"] -= lead
        assert text[c["start"]:c["end"]] == c["evidence"], c
    return {"id": name, "title": meta.get("title", [name])[0], "article": text,
            "sources": [{"path": s["path"], "speaker": s["speaker"]} for s in sources], "claims": claims}


def main() -> None:
    dest = HERE / "fixtures"
    dest.mkdir(exist_ok=True)
    for art in sorted((HERE / "src").glob("*.article.txt")):
        fx = build(art)
        (dest / f"{fx['id']}.json").write_text(json.dumps(fx, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{fx['id']}: {len(fx['claims'])} claims")


if __name__ == "__main__":
    main()
