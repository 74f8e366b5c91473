"""Quote and reported-speech figures on the PolNeAR sample and the seed.

Runs parse_text + extract over ../shared/eval/polnear-train-sample/articles/*.txt and the seed,
writes predictions JSONL and scores them with ../shared/eval/score_quotes.py.
    python bench/eval_quotes.py [--out FILE] [--shared DIR]
    python bench/eval_quotes.py --diagnose direct,partial   # misses, wrong speakers, extra quotes
    python bench/eval_quotes.py --diagnose indirect        # reported speech (reporting cues only)
    python bench/eval_quotes.py --set dev [--half a|b]     # the 924 articles, whole and by half
On the development set the figures are printed for the whole set and for each half split by
publisher (accord.evaluate.relation_half): a change is accepted only when both halves gain.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from accord.evaluate import relation_half  # noqa: E402
from accord.transforms.analysis.topics import Taxonomy  # noqa: E402
from accord.transforms.extraction import extract  # noqa: E402
from accord.transforms.page.text_document import parse_text  # noqa: E402
from accord.transforms.speech.speaker_registry import SpeakerRegistry  # noqa: E402


def load_config() -> tuple[SpeakerRegistry, Taxonomy]:
    """The registry and taxonomy a run uses (config/, places included)."""
    from accord.parse_pages import knowledge
    return knowledge()


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


SET = ["polnear-train-sample"]  # the set main() chose


def gold_file(shared: Path, name: str) -> Path:
    folder = shared / "eval" / name
    return folder / "gold.jsonl" if (folder / "gold.jsonl").exists() else folder / "gold.jsonl.gz"


def read_gold(path: Path) -> str:
    import gzip
    return gzip.decompress(path.read_bytes()).decode("utf-8") if path.suffix == ".gz" else path.read_text("utf-8")


def diagnose(shared: Path, preds_path: str, kinds: set[str], half: str | None = None, threshold: float = 0.8) -> None:
    """Each gold item that is missed, cut short or wrongly attributed, and every unmatched
    prediction, grouped by cause (the scorer's matching, one article at a time)."""
    sq = _load_scorer(shared)
    gold_lines = read_gold(gold_file(shared, SET[0])).splitlines()
    gold = [g for g in map(json.loads, gold_lines) if not half or relation_half(g["id"].split("/")[-1]) == half]
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
    ap.add_argument("--set", choices=("sample", "dev"), default="sample",
                    help="the 60-article sample (a smoke check) or the 924-article development set")
    ap.add_argument("--half", choices=("a", "b"),
                    help="only one half of the set by publisher (a: breitbart, nyt, usa-today; b: the rest)")
    a = ap.parse_args()
    SET[0] = {"sample": "polnear-train-sample", "dev": "polnear-dev"}[a.set]
    if a.skip_agreements:
        import accord.transforms.extraction
        accord.transforms.extraction.find_agreements = lambda *args: []
    shared = Path(a.shared)
    registry, taxonomy = load_config()
    seed_report(shared, registry, taxonomy)
    articles = sorted((shared / "eval" / SET[0] / "articles").glob("*.txt"))
    if a.half:
        articles = [p for p in articles if relation_half(p.name) == a.half]
    began = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as out:
        for path in articles:
            rows, _ = predict(path, registry, taxonomy)
            out.write(json.dumps({"id": path.stem, "quotes": rows}) + "\n")
    elapsed = time.perf_counter() - began
    if a.diagnose:
        diagnose(shared, a.out, set(a.diagnose.split(",")), a.half)
        return
    print(f"{len(articles)} articles in {elapsed:.2f}s ({1000 * elapsed / max(len(articles), 1):.1f} ms each)")
    gold = gold_file(shared, SET[0])
    halves = [a.half] if a.half else ["a", "b"] if a.set == "dev" else []
    if a.half:
        gold = half_gold(gold, a.half, a.out)
    scorer = [sys.executable, str(shared / "eval/score_quotes.py"), "--gold", str(gold), "--preds", a.out]
    for extra in ([], ["--kinds", "indirect", "--reporting-only"]):
        print("$ score_quotes.py " + " ".join(extra or ["(direct,partial)"]) + (f" (half {a.half})" if a.half else ""))
        run = subprocess.run(scorer + extra, capture_output=True, text=True, check=True)
        print(re.sub(r"(?m)^", "  ", run.stdout.rstrip()))
    if a.half or not halves:
        return
    for half in halves:
        gold_half = half_gold(gold, half, a.out)
        line = []
        for name, extra in (("quotes", []), ("reported", ["--kinds", "indirect", "--reporting-only"])):
            run = subprocess.run([*scorer[:3], str(gold_half), *scorer[4:], *extra],
                                 capture_output=True, text=True, check=True)
            got = json.loads(run.stdout.strip().splitlines()[-1])["0.8"]
            line.append(f"{name} F1 {got['F1']:.4f} attributed_F1 {got['attributed_F1']:.4f}"
                        + (f" speaker accuracy {got['speaker_acc']:.4f}" if name == "quotes" else ""))
        print(f"half {half} @0.8: " + "; ".join(line))


def half_gold(gold: Path, half: str, out: str) -> Path:
    """A copy of the gold holding one half's articles, next to the predictions."""
    chosen = [line for line in read_gold(gold).splitlines()
              if line.strip() and relation_half(json.loads(line)["id"].split("/")[-1]) == half]
    path = Path(f"{out}.gold-{half}.jsonl")
    path.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    main()
