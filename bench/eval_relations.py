"""Stated relations on ../shared/eval/relations, in process, per half of the set.

Runs parse_text + extract over relations/articles/*.txt and scores the agreements the way
../shared/eval/score_relations.py does (its own matching functions, imported from it): recall
on tier-A relations, precision over every row. The set is split by publisher (PolNeAR's
sources in two halves, the international pages apart) so that a change can be accepted only
when both halves improve.
    python bench/eval_relations.py [--shared DIR] [--show N] [--half a|b|intl]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from accord.evaluate import relation_half as half_of  # noqa: E402
from accord.parse_pages import knowledge  # noqa: E402
from accord.transforms.extraction import extract  # noqa: E402
from accord.transforms.page.text_document import parse_text  # noqa: E402


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_relations", shared / "eval" / "score_relations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(rows_by_article: dict, gold: dict, articles: list[str], scorer) -> dict:
    tier_a = hits = n_rows = right = 0
    misses, wrong = [], []
    for art in articles:
        golds, rows = gold.get(art, []), rows_by_article.get(art, [])
        n_rows += len(rows)
        for g in golds:
            if g["tier"] != "A":
                continue
            tier_a += 1
            if any(scorer.pair_matches(r, g) and r["relation"] == g["relation"] for r in rows):
                hits += 1
            else:
                misses.append((art, g))
        for r in rows:
            if any(scorer.pair_matches(r, g) and g["relation"] == r["relation"] for g in golds):
                right += 1
            else:
                wrong.append((art, r))
    return {"tier_a": tier_a, "found": hits, "recall": round(hits / tier_a, 3) if tier_a else 0.0,
            "rows": n_rows, "right": right, "precision": round(right / n_rows, 3) if n_rows else 0.0,
            "misses": misses, "wrong": wrong}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--half", choices=("a", "b", "intl"))
    args = ap.parse_args()
    folder = args.shared / "eval" / "relations"
    scorer = load_scorer(args.shared)
    gold = defaultdict(list)
    for line in (folder / "gold.jsonl").read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["article"]].append(row)
    listed = [a.strip() for a in (folder / "articles.txt").read_text().splitlines() if a.strip()]
    registry, taxonomy = knowledge()
    rows = {}
    for article in listed:
        path = folder / "articles" / f"{article}.txt"
        doc = parse_text(path.read_text(encoding="utf-8"), path.resolve().as_uri())
        rows[article] = [{"party_a": a.party_a, "party_b": a.party_b, "relation": a.relation, "kind": a.kind,
                          "cue": a.cue, "topic": a.topic, "evidence": a.evidence}
                         for a in extract(doc, registry, taxonomy).agreements]
    out = {}
    for half in ("a", "b", "intl", "all"):
        chosen = [a for a in listed if half == "all" or half_of(a) == half]
        result = score(rows, gold, chosen, scorer)
        if args.show and (args.half == half or (args.half is None and half == "all")):
            for art, g in result["misses"][:args.show]:
                print(f"MISS {art[:30]}: {g['party_a']} / {g['party_b']} {g['kind']} ({g['cue']}): "
                      f"{g['evidence'][:150]}")
            for art, r in result["wrong"][:args.show]:
                print(f"FALSE {art[:30]}: {r['party_a']} / {r['party_b']} {r['kind']} ({r['cue']}) "
                      f"[{r['topic']}]: {r['evidence'][:150]}")
        out[half] = {k: v for k, v in result.items() if k not in ("misses", "wrong")}
    for half, figures in out.items():
        print(f"{half:5} recall {figures['recall']:.3f} ({figures['found']}/{figures['tier_a']})  "
              f"precision {figures['precision']:.3f} ({figures['right']}/{figures['rows']})")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
