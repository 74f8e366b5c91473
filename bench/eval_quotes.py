"""Quote and reported-speech figures on the PolNeAR sample and the seed.

Runs parse_text + extract over ../shared/eval/polnear-train-sample/articles/*.txt and the seed,
writes predictions JSONL and scores them with ../shared/eval/score_quotes.py.
    python bench/eval_quotes.py [--out FILE] [--shared DIR]
    python bench/eval_quotes.py --diagnose direct,partial   # misses, wrong speakers, extra quotes
    python bench/eval_quotes.py --diagnose indirect        # reported speech (reporting cues only)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms.speaker_registry import SpeakerRegistry  # noqa: E402
from transforms.statements import extract  # noqa: E402
from transforms.text_document import parse_text  # noqa: E402
from transforms.topics import Taxonomy  # noqa: E402


def load_config() -> tuple[SpeakerRegistry, Taxonomy]:
    speakers = tomllib.loads((ROOT / "config/speakers.toml").read_text(encoding="utf-8"))
    topics = tomllib.loads((ROOT / "config/topics.toml").read_text(encoding="utf-8"))
    institutions = tomllib.loads((ROOT / "config/institutions.toml").read_text(encoding="utf-8"))
    return (SpeakerRegistry.from_entries(speakers["speakers"], institutions),
            Taxonomy.from_entries(topics["topics"]))


def file_offsets(raw: str, doc) -> list[int]:
    """Where each block of doc.text starts in the raw file (blocks are stripped lines)."""
    out, pos = [], 0
    for block in doc.blocks:
        pos = raw.index(block.text, pos)
        out.append(pos)
        pos += len(block.text)
    return out


def to_file(offset: int, doc_starts: list[int], file_starts: list[int]) -> int:
    """An offset into doc.text as an offset into the raw file."""
    i = max(j for j, s in enumerate(doc_starts) if s <= offset)
    return file_starts[i] + offset - doc_starts[i]


def predict(path: Path, registry: SpeakerRegistry, taxonomy: Taxonomy) -> tuple[list[dict], object]:
    raw = path.read_text(encoding="utf-8")
    doc = parse_text(raw, path.resolve().as_uri())
    result = extract(doc, registry, taxonomy)
    doc_starts, file_starts = doc.block_starts(), file_offsets(raw, doc)
    rows = []
    for q in result.quotes:
        if q.in_title:
            continue  # its offsets point into the title; the body restates it
        assert doc.text[q.start_char:q.end_char] == q.text
        start = to_file(q.start_char, doc_starts, file_starts)
        end = to_file(q.end_char - 1, doc_starts, file_starts) + 1 if q.end_char > q.start_char else start
        rows.append({"speaker": q.speaker, "quote": raw[start:end], "kind": q.kind, "start": start, "end": end})
    return rows, result


def seed_report(shared: Path, registry: SpeakerRegistry, taxonomy: Taxonomy) -> None:
    """Per gold item of the seed: found, and with the right speaker (score_quotes' matching)."""
    sq = _load_scorer(shared)
    gold = json.loads((shared / "gold/tillerson-lavrov.json").read_text(encoding="utf-8"))
    rows, result = predict(shared / gold["input"], registry, taxonomy)
    for key, kinds in (("quotes", {"direct", "partial"}), ("reported", None)):
        found = right = 0
        for g in gold[key]:
            hit = ok = False
            for p in rows:
                if kinds and p["kind"] not in kinds:
                    continue
                pt, gt = sq.norm(p["quote"]), sq.norm(g["text"])
                if pt and (gt in pt or (pt in gt and len(pt) >= 0.6 * len(gt))):
                    accepted = {sq.norm(g["speaker"])} | {sq.norm(s) for s in g.get("speaker_also_accepted", [])}
                    hit, ok = True, bool(sq.words(p["speaker"]) & set().union(*map(sq.words, accepted)))
                    break
            found += hit
            right += ok
            print(f"  seed {key}: {'ok ' if ok else 'WRONG SPEAKER' if hit else 'MISSED'} {g['text'][:60]!r}")
        print(f"seed {key}: {right}/{len(gold[key])} with the right speaker ({found} found)")
    bad = [p["quote"] for p in rows for n in gold["not_quotes"] if sq.norm(p["quote"]) in sq.norm(n)]
    print(f"seed boilerplate taken as statements: {len(bad)}")
    print("seed speakers: " + "; ".join(f"{s.name} ({s.role}, {s.affiliation})" for s in result.speakers))


def _load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_quotes", shared / "eval/score_quotes.py")
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
    return sq


def _marked(text: str, q: dict) -> str:
    """The gold item in its context: ⟦quote⟧, {speaker}, <cue>."""
    marks = [(s, "⟦") for s, _ in q["quote_spans"]] + [(e, "⟧") for _, e in q["quote_spans"]]
    marks += [(s, "{") for s, _ in q.get("speaker_spans", [])] + [(e, "}") for _, e in q.get("speaker_spans", [])]
    marks += [(s, "<") for s, _ in q.get("cue_spans", [])] + [(e, ">") for _, e in q.get("cue_spans", [])]
    lo = max(0, min(m for m, _ in marks) - 80)
    hi = max(m for m, _ in marks) + 30
    out, pos = [], lo
    for at, mark in sorted(marks):
        out += [text[pos:at], mark]
        pos = at
    out.append(text[pos:hi])
    return "".join(out).replace("\n", " | ")


def diagnose(shared: Path, preds_path: str, kinds: set[str], threshold: float = 0.8) -> None:
    """Each gold item that is missed, cut short or wrongly attributed, and every unmatched
    prediction, grouped by cause (the scorer's matching, one article at a time)."""
    sq = _load_scorer(shared)
    gold_lines = (shared / "eval/polnear-train-sample/gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in gold_lines]
    pred_lines = Path(preds_path).read_text(encoding="utf-8").splitlines()
    preds = {sq.key(r["id"]): r["quotes"] for r in map(json.loads, pred_lines)}
    groups: dict[str, list[str]] = {}

    def note(cause: str, line: str) -> None:
        groups.setdefault(cause, []).append(line)

    for g in gold:
        text = g["text"]
        gq = [q for q in g["quotes"] if q["kind"] in kinds
              and ("indirect" not in kinds or q.get("cue_is_reporting_verb_auto"))]
        spans = [((p["start"], p["end"]), p) for p in preds.get(sq.key(g["id"]), [])
                 if p.get("kind") in kinds or kinds == {"direct", "partial", "indirect"}]
        left = set(range(len(spans)))
        for q in gq:
            gold_chars = set().union(*(range(s, e) for s, e in q["quote_spans"]))
            touching = [j for j in left if sq.overlap(q["quote_spans"], spans[j][0]) > 0]
            where = f"[{g['id'].split('/')[-1]}] "
            if not touching:
                note(f"missed {q['kind']} (cue {q.get('cue')!r})", where + _marked(text, q))
                continue
            union = set().union(*(range(*spans[j][0]) for j in touching))
            cover = len(gold_chars & union) / max(len(gold_chars), 1)
            main_j = max(touching, key=lambda j: sq.overlap(q["quote_spans"], spans[j][0]))
            pred = spans[main_j][1]
            if cover < threshold:
                note(f"short {q['kind']}", where + f"gold {q['quote'][:150]!r}\n      pred {pred['quote'][:150]!r}")
                continue
            left -= set(touching)
            ok = sq.speaker_ok(pred.get("speaker"), q)
            if ok is False:
                chain = (q.get("speaker_coref_auto") or {}).get("representative")
                s0 = q["quote_spans"][0][0]
                ctx = text[max(0, s0 - 200):s0].replace("\n", " | ")
                accepted = sq.words(q["speaker"]).union(*map(sq.words, (q.get("speaker_coref_auto") or {})
                                                                .get("mentions", [])))
                note(f"wrong speaker (pred {'none' if not pred.get('speaker') else 'some'})",
                     where + f"gold {q['speaker']!r} (chain {chain!r}) pred {pred.get('speaker')!r}"
                     f" accepts {sorted(accepted)}"
                     f"\n      …{ctx} ⟦{q['quote'][:80]}⟧")
        for j in sorted(left):
            p = spans[j][1]
            note(f"extra {p.get('kind')}", f"[{g['id'].split('/')[-1]}] {p['quote'][:160]!r} ({p.get('speaker')})")
    for cause, lines in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"== {cause}: {len(lines)}")
        for line in lines:
            print("   " + line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default="/tmp/accord-quote-preds.jsonl")
    ap.add_argument("--diagnose", metavar="KINDS", help="print errors by cause for these gold kinds")
    ap.add_argument("--skip-agreements", action="store_true", help="time and score statements alone")
    a = ap.parse_args()
    if a.skip_agreements:
        import transforms.statements
        transforms.statements.find_agreements = lambda *args: []
    shared = Path(a.shared)
    registry, taxonomy = load_config()
    seed_report(shared, registry, taxonomy)
    articles = sorted((shared / "eval/polnear-train-sample/articles").glob("*.txt"))
    began = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as out:
        for path in articles:
            rows, _ = predict(path, registry, taxonomy)
            out.write(json.dumps({"id": path.stem, "quotes": rows}) + "\n")
    elapsed = time.perf_counter() - began
    if a.diagnose:
        diagnose(shared, a.out, set(a.diagnose.split(",")))
        return
    print(f"{len(articles)} articles in {elapsed:.2f}s ({1000 * elapsed / max(len(articles), 1):.1f} ms each)")
    gold = shared / "eval/polnear-train-sample/gold.jsonl"
    scorer = [sys.executable, str(shared / "eval/score_quotes.py"), "--gold", str(gold), "--preds", a.out]
    for extra in ([], ["--kinds", "indirect", "--reporting-only"]):
        print("$ score_quotes.py " + " ".join(extra or ["(direct,partial)"]))
        run = subprocess.run(scorer + extra, capture_output=True, text=True, check=True)
        print(re.sub(r"(?m)^", "  ", run.stdout.rstrip()))


if __name__ == "__main__":
    main()
