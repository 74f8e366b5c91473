"""Quote and reported-speech figures on the PolNeAR sample and the seed.

Runs parse_text + extract over ../shared/eval/polnear-train-sample/articles/*.txt and the seed,
writes predictions JSONL and scores them with ../shared/eval/score_quotes.py.
    python bench/eval_quotes.py [--out FILE] [--shared DIR]
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
    return SpeakerRegistry.from_entries(speakers["speakers"]), Taxonomy.from_entries(topics["topics"])


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
        assert doc.text[q.start_char:q.end_char] == q.text
        start = to_file(q.start_char, doc_starts, file_starts)
        end = to_file(q.end_char - 1, doc_starts, file_starts) + 1 if q.end_char > q.start_char else start
        rows.append({"speaker": q.speaker, "quote": raw[start:end], "kind": q.kind, "start": start, "end": end})
    return rows, result


def seed_report(shared: Path, registry: SpeakerRegistry, taxonomy: Taxonomy) -> None:
    """Per gold item of the seed: found, and with the right speaker (score_quotes' matching)."""
    spec = importlib.util.spec_from_file_location("score_quotes", shared / "eval/score_quotes.py")
    sq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sq)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default="/tmp/accord-quote-preds.jsonl")
    a = ap.parse_args()
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
    print(f"{len(articles)} articles in {elapsed:.2f}s ({1000 * elapsed / max(len(articles), 1):.1f} ms each)")
    gold = shared / "eval/polnear-train-sample/gold.jsonl"
    scorer = [sys.executable, str(shared / "eval/score_quotes.py"), "--gold", str(gold), "--preds", a.out]
    for extra in ([], ["--kinds", "indirect", "--reporting-only"]):
        print("$ score_quotes.py " + " ".join(extra or ["(direct,partial)"]))
        run = subprocess.run(scorer + extra, capture_output=True, text=True, check=True)
        print(re.sub(r"(?m)^", "  ", run.stdout.rstrip()))


if __name__ == "__main__":
    main()
