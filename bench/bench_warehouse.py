"""Build the warehouse over synthetic lakes of 10k, 100k and 1M quotes; print build time, peak
memory, and how many planted agreements and disagreements the models recover.

    .venv/bin/python bench/bench_warehouse.py [--sizes 10000 100000 1000000]

Each build runs in a child process, so that its peak resident memory is its own. Figures are
printed, not asserted.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_corpus import generate  # noqa: E402


def measure(data_dir: Path) -> dict:
    """In the child: build, then time one analyst's audit of a pair through the evidence view."""
    import duckdb

    from accord.warehouse import build

    started = time.perf_counter()
    path = build.build(data_dir)
    seconds = time.perf_counter() - started
    con = duckdb.connect(str(path), read_only=True)
    try:
        figures = {name: con.execute(f"select count(*) from {name}").fetchone()[0]
                   for name in ("articles", "quotes", "pair_agreement", "speaker_topic_stance", "topic_trends")}
        figures["stories"] = con.execute("select count(distinct group_id) from article_groups").fetchone()[0]
        scores = con.execute("select topic, party_a, party_b, score from pair_agreement "
                             "where level = 'country'").fetchall()
        started = time.perf_counter()
        con.execute("select * from agreement_evidence where level = 'country' and topic = 'Topic 00' "
                    "and party_a = (select min(party_a) from pair_agreement where topic = 'Topic 00')").fetchall()
        figures["audit_seconds"] = round(time.perf_counter() - started, 3)
    finally:
        con.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"build_seconds": round(seconds, 2), "peak_mb": round(peak_mb), "figures": figures,
            "scores": [[t, a, b, s] for t, a, b, s in scores]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    print("quotes     articles  write_s  build_s  peak_MB  audit_s  recovered/planted")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            corpus = generate(Path(tmp), size)
            write_seconds = time.perf_counter() - started
            child = subprocess.run([sys.executable, __file__, "--measure", tmp], check=True,
                                   capture_output=True, text=True)
            result = json.loads(child.stdout)
        scores = {(t, a, b): s for t, a, b, s in result["scores"]}
        recovered = sum(1 for p in corpus.planted
                        if (scores.get((p.topic, p.party_a, p.party_b)) or 0) * p.sign > 0)
        print(f"{corpus.quotes:<10} {corpus.articles:<9} {write_seconds:<8.1f} {result['build_seconds']:<8} "
              f"{result['peak_mb']:<8} {result['figures']['audit_seconds']:<8} {recovered}/{len(corpus.planted)}")
        print(f"           {json.dumps(result['figures'])}")


if __name__ == "__main__":
    main()
