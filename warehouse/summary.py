"""The run summary: what a run added, read back from the warehouse it built."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

EXAMPLE_QUERY = (
    "select topic, party_a, party_b, level, score, evidence_count "
    "from pair_agreement order by abs(score) desc, evidence_count desc limit 10"
)
FAILURES_SHOWN = 5  # on the console; the rest are a query away (RunSummary.failures_query)

# Sources of a run that gave nothing: no page of theirs reached the parser, nothing was unchanged
# since the last run (not_modified) or recovered from an earlier run's archive, and something
# failed: a fetch, a file or folder, or a feed, sitemap or page skipped before any document of
# the source was read (not a feed, refused by robots.txt). Pages skipped after their feed was
# read (not HTML, disallowed) leave the source as it is. robots.txt rows say nothing either way.
FAILED_SOURCES = """
with rows as (
    select source, url, status, error, url like '%/robots.txt' as robots,
           url in (select url from parse_log where run_id = $1) as parsed
    from fetch_log where run_id = $1
)
select source,
       coalesce(min_by(url || ': ' || coalesce(error, status), url) filter (where status = 'failed'),
                min_by(url || ': ' || coalesce(error, status), url) filter (where status = 'skipped'))
from rows
group by source
having count(*) filter (where parsed or status in ('not_modified', 'recovered')) = 0
   and (count(*) filter (where status = 'failed') > 0
        or count(*) filter (where status = 'fetched' and not robots) = 0
           and count(*) filter (where status = 'skipped') > 0)
order by source
"""


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
    failures: list[tuple] = field(default_factory=list)  # (url, stage, reason), the first 20
    failures_total: int = 0
    failed_sources: list[tuple[str, str]] = field(default_factory=list)  # (source, its first failure)
    fetch_log_rows: int = 0  # 0: the run read nothing at all, not even a failure
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
        if self.failed_sources:
            lines += ["## Sources that gave nothing", "", "| source | first failure |", "|---|---|"]
            lines += [f"| {source} | {reason} |" for source, reason in self.failed_sources]
            lines.append("")
        if self.failures:
            lines += ["## Failures", "", "| url | stage | reason |", "|---|---|---|"]
            lines += [f"| {url} | {stage} | {reason} |" for url, stage, reason in self.failures]
            lines += ["", f"{self.failures_total} in all: `{self.failures_query}`", ""]
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
        return "\n".join(out + self.failure_lines())

    def failure_lines(self) -> list[str]:
        """What failed, for the console: each source that gave nothing, the first few failed
        pages and files, and the query that lists them all."""
        out = []
        if self.failed_sources:
            out.append(f"FAILED: {len(self.failed_sources)} source(s) gave nothing:")
            out += [f"  {source}: {reason}" for source, reason in self.failed_sources]
        if self.failures_total:
            shown = self.failures[:FAILURES_SHOWN]
            out.append(f"WARNING: {self.failures_total} page(s) or file(s) failed"
                       + (f"; the first {len(shown)}:" if len(shown) < self.failures_total else ":"))
            out += [f"  {stage} {url}: {reason}" for url, stage, reason in shown]
            out.append(f"  all of them: accord query \"{self.failures_query}\"")
        return out

    @property
    def failures_query(self) -> str:
        return (f"select 'fetch' as stage, url, error from fetch_log where run_id = '{self.run_id}' "
                f"and status = 'failed' union all select 'parse', url, error from parse_log "
                f"where run_id = '{self.run_id}' and status = 'failed'")


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
                "select * from (select url, 'fetch' as stage, error from fetch_log "
                "where run_id = $1 and status = 'failed' union all select url, 'parse', error from parse_log "
                "where run_id = $1 and status = 'failed') order by stage, url limit 20", [run_id]).fetchall(),
            failures_total=one("select (select count(*) from fetch_log where run_id = $1 and status = 'failed') "
                               "+ (select count(*) from parse_log where run_id = $1 and status = 'failed')", run_id),
            failed_sources=con.execute(FAILED_SOURCES, [run_id]).fetchall(),
            fetch_log_rows=one("select count(*) from fetch_log where run_id = ?", run_id),
        )
    finally:
        con.close()
