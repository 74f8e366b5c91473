"""The run summary: what a run added, read back from the warehouse it built."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

EXAMPLE_QUERY = (
    "select topic, party_a, party_b, level, score, evidence_count "
    "from pair_agreement order by abs(score) desc, evidence_count desc limit 10"
)


@dataclass
class RunSummary:
    run_id: str
    warehouse: str
    pages_fetched: int = 0
    pages_failed: int = 0
    pages_not_parsed: int = 0
    articles: int = 0
    quotes: int = 0
    speakers: int = 0
    agreements: list[tuple] = field(default_factory=list)
    disagreements: list[tuple] = field(default_factory=list)
    failures: list[tuple] = field(default_factory=list)
    pipeline_seconds: float = 0.0  # the flow's own work, without Prefect's server start
    report: str | None = None  # the HTML report written for the run

    def as_markdown(self) -> str:
        lines = [
            f"# Accord run `{self.run_id}`",
            "",
            "| articles | quotes | speakers | pages fetched | fetch failures | parse failures |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {self.articles} | {self.quotes} | {self.speakers} | {self.pages_fetched} "
            f"| {self.pages_failed} | {self.pages_not_parsed} |",
            "",
        ]
        for title, rows in (("Top agreements", self.agreements), ("Top disagreements", self.disagreements)):
            lines += [f"## {title}", "", "| topic | party | party | level | score | evidence |",
                      "|---|---|---|---|---:|---:|"]
            lines += [f"| {' | '.join(map(str, row))} |" for row in rows] or ["| (none) | | | | | |"]
            lines.append("")
        if self.failures:
            lines += ["## Failures", "", "| url | stage | reason |", "|---|---|---|"]
            lines += [f"| {url} | {stage} | {reason} |" for url, stage, reason in self.failures]
            lines.append("")
        if self.report:
            lines += [f"Report: [{self.report}]({Path(self.report).as_uri()})", ""]
        lines += [f"Warehouse: `{self.warehouse}`", "", "```sql", EXAMPLE_QUERY, "```"]
        return "\n".join(lines)

    def as_text(self) -> str:
        out = [
            f"Accord run {self.run_id}",
            f"  articles {self.articles}, quotes {self.quotes}, speakers {self.speakers}",
            f"  pages fetched {self.pages_fetched}, fetch failures {self.pages_failed}, "
            f"parse failures {self.pages_not_parsed}",
        ]
        for title, rows in (("top agreements", self.agreements), ("top disagreements", self.disagreements)):
            out.append(f"  {title}:")
            out += [f"    {topic}: {a} / {b} ({level}) score {score:+.2f}, {n} evidence"
                    for topic, a, b, level, score, n in rows] or ["    (none)"]
        if self.report:
            out.append(f"  report: {self.report}")
        out += [f"  warehouse: {self.warehouse}",
                f"  try: accord query \"{EXAMPLE_QUERY}\""]
        return "\n".join(out)


def summarize(warehouse: Path, run_id: str) -> RunSummary:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        def one(sql: str, *params) -> int:
            return con.execute(sql, list(params)).fetchone()[0]

        top = ("select topic, party_a, party_b, level, score, evidence_count from pair_agreement "
               "where score {} 0 order by score {}, evidence_count desc limit 5")
        return RunSummary(
            run_id=run_id,
            warehouse=str(warehouse),
            pages_fetched=one("select count(*) from fetch_log where run_id = ? and status = 'fetched'", run_id),
            pages_failed=one("select count(*) from fetch_log where run_id = ? and status = 'failed'", run_id),
            pages_not_parsed=one("select count(*) from parse_log where run_id = ? and status = 'failed'", run_id),
            articles=one("select count(*) from articles"),
            quotes=one("select count(*) from quotes"),
            speakers=one("select count(*) from speakers"),
            agreements=con.execute(top.format(">", "desc")).fetchall(),
            disagreements=con.execute(top.format("<", "asc")).fetchall(),
            failures=con.execute(
                "select url, 'fetch', error from fetch_log where run_id = $1 and status = 'failed' "
                "union all select url, 'parse', error from parse_log where run_id = $1 and status = 'failed' "
                "limit 20", [run_id]).fetchall(),
        )
    finally:
        con.close()
