"""The `accord` command line."""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from accord import interrupt, prefect_env, preflight, settings

# Each command that starts a flow checks its arguments, paths and config first (accord/preflight.py),
# and imports the flow only then: Prefect's import and its server's start take seconds.


def cmd_run(args: argparse.Namespace) -> int:
    preflight.sources(args.source)
    data_dir = preflight.writable_data_dir(args.data_dir)
    preflight.environment()
    preflight.knowledge()
    from accord.flows.nightly import nightly
    from accord.flows.runners import task_runner

    started = time.perf_counter()
    flow = nightly.with_options(task_runner=task_runner(args.runner, args.address))
    summary = flow(sources=args.source or None, data_dir=data_dir)
    total = time.perf_counter() - started
    print(summary.as_text())
    print(f"  time: {total:.1f} s in all, of which Accord's own work {summary.pipeline_seconds:.1f} s "
          f"(the rest is Prefect's temporary server starting and stopping)")
    return exit_status(summary, "run", expect_reads=True)


def exit_status(summary, command: str, expect_reads: bool = False) -> int:
    """1 when a source gave nothing, or when a run that should have read something read nothing
    at all; failed pages alone are warnings (the summary lists them), exit status 0."""
    if summary.failed_sources:
        names = ", ".join(source for source, _ in summary.failed_sources)
        print(f"accord {command}: failed: nothing could be read from {names}", file=sys.stderr)
        return 1
    if expect_reads and not summary.fetch_log_rows:
        print(f"accord {command}: failed: nothing was read: the sources gave no page and no error",
              file=sys.stderr)
        return 1
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from accord.query import run_query
    from accord.storage import resolve
    from accord.warehouse.build import warehouse_path

    return run_query(warehouse_path(resolve(args.data_dir).local), args.sql, args.format)


def cmd_shell(args: argparse.Namespace) -> int:
    from accord.query import shell
    from accord.storage import resolve
    from accord.warehouse.build import warehouse_path

    return shell(warehouse_path(resolve(args.data_dir).local))


def cmd_report(args: argparse.Namespace) -> int:
    import duckdb

    from accord import query
    from accord.report import write_report
    from accord.storage import resolve
    from accord.warehouse.build import warehouse_path

    data_dir = resolve(args.data_dir).local
    warehouse = warehouse_path(data_dir)
    out = Path(args.out) if args.out else data_dir / "report.html"
    query.connect(warehouse).close()  # a missing or damaged warehouse is told before any work
    preflight.writable_file(out, "--out" if args.out else "report")
    try:
        written = write_report(warehouse, out, topic=args.topic, since=args.since)
    except duckdb.Error as exc:
        if not query.damaged(exc):
            raise
        raise query.Unreadable(warehouse, exc) from None
    print(f"report written to {written}")
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    preflight.date_range(args.since, args.until)
    preflight.sources(args.source)
    data_dir = preflight.writable_data_dir(args.data_dir)
    preflight.environment()
    preflight.knowledge()
    from accord.flows.backfill import backfill

    summary = backfill(since=args.since, until=args.until, sources=args.source or None, data_dir=data_dir)
    print(summary.as_text())
    return exit_status(summary, "backfill")


def cmd_reprocess(args: argparse.Namespace) -> int:
    data_dir = preflight.writable_data_dir(args.data_dir)
    preflight.environment()
    preflight.knowledge()
    from accord.flows.reprocess import reprocess
    from accord.flows.runners import task_runner

    flow = reprocess.with_options(task_runner=task_runner(args.runner, args.address))
    summary = flow(since=args.since, data_dir=data_dir)
    print(summary.as_text())
    return 0


def cmd_sources_check(args: argparse.Namespace) -> int:
    from accord.scrape.sources import check_sources

    path = args.file or settings.sources_file()
    problems = check_sources(path)
    for problem in problems:
        print(f"{path}: {problem}")
    if not problems:
        print(f"{path}: ok")
    return 1 if problems else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from accord import evaluate

    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"accord eval: skipped: no gold sets at {shared / 'eval'} (they live beside the repository)")
        return 0
    figures = evaluate.evaluate(shared)
    levels = evaluate.read_levels()
    print(evaluate.render(figures, levels))
    if args.record:
        evaluate.record_levels(figures)
        print(f"levels recorded in {evaluate.LEVELS_FILE}")
    if args.check:
        worse = evaluate.regressions(figures, levels)
        for line in worse:
            print(f"REGRESSION {line}")
        return 1 if worse else 0
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="accord", description=__doc__)
    commands = top.add_subparsers(dest="command", required=True)

    def with_data_dir(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--data-dir", help="data directory (default: $ACCORD_DATA_DIR, else ./data)")
        return p

    run = with_data_dir(commands.add_parser("run", help="run the nightly flow once"))
    run.add_argument("--source", action="append", metavar="SRC",
                     help="a feed, sitemap or page URL, a folder, or a WARC file (repeatable)")
    run.set_defaults(func=cmd_run)

    def with_runner(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--runner", choices=("thread", "dask"), default="thread",
                       help="where parse batches run: threads here, or Dask workers (default: thread)")
        p.add_argument("--address", metavar="tcp://HOST:PORT",
                       help="with --runner dask: an existing Dask scheduler (default: a local cluster)")
        return p

    with_runner(run)

    def day(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2024-03-31") from None

    fill = with_data_dir(commands.add_parser(
        "backfill", help="fetch what the sources published in a date range, a day at a time (resumable)"))
    fill.add_argument("--since", type=day, required=True, metavar="DATE", help="first day, YYYY-MM-DD")
    fill.add_argument("--until", type=day, required=True, metavar="DATE", help="last day, inclusive")
    fill.add_argument("--source", action="append", metavar="SRC",
                      help="a feed, sitemap or page URL, a folder, or a WARC file (repeatable; "
                           "default: the sources file)")
    fill.set_defaults(func=cmd_backfill)

    again = with_runner(with_data_dir(commands.add_parser(
        "reprocess", help="re-parse the WARC archive with the current parser (no network)")))
    again.add_argument("--since", type=day, metavar="DATE", help="only runs archived on or after this day")
    again.set_defaults(func=cmd_reprocess)

    query = with_data_dir(commands.add_parser("query", help="run one read-only SQL query"))
    query.add_argument("sql")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.set_defaults(func=cmd_query)

    shell = with_data_dir(commands.add_parser("shell", help="interactive read-only SQL prompt"))
    shell.set_defaults(func=cmd_shell)

    report = with_data_dir(commands.add_parser("report", help="write the HTML report of who agrees with whom"))
    report.add_argument("--out", metavar="FILE", help="where to write it (default: DATA_DIR/report.html)")
    report.add_argument("--topic", metavar="T", help="only this topic")
    report.add_argument("--since", metavar="DATE", type=day,
                        help="only pairs, speakers and evidence seen on or after DATE (YYYY-MM-DD)")
    report.set_defaults(func=cmd_report)

    evaluation = commands.add_parser("eval", help="score extraction against the gold sets in ../shared/eval")
    evaluation.add_argument("--shared", default=str(settings.PROJECT_ROOT.parent / "shared"),
                            help="folder holding seed/, gold/ and eval/ (default: ../shared)")
    evaluation.add_argument("--check", action="store_true",
                            help="exit 1 when a figure is below the level recorded in bench/eval_levels.json")
    evaluation.add_argument("--record", action="store_true", help="record the figures as the new levels")
    evaluation.set_defaults(func=cmd_eval)

    sources = commands.add_parser("sources", help="the sources file")
    sources_commands = sources.add_subparsers(dest="sources_command", required=True)
    check = sources_commands.add_parser("check", help="validate the sources file")
    check.add_argument("file", nargs="?", help="sources file (default: config/sources.toml)")
    check.set_defaults(func=cmd_sources_check)
    return top


def main(argv: list[str] | None = None) -> int:
    from accord.query import Unreadable

    prefect_env.configure()
    args = parser().parse_args(argv)
    if args.command in interrupt.COMMANDS and not interrupt.supervised():
        return interrupt.supervise(args.command, sys.argv[1:] if argv is None else argv, args.data_dir)
    try:
        return args.func(args)
    except preflight.Refused as exc:
        for problem in exc.problems:
            print(f"accord {args.command}: {problem}", file=sys.stderr)
        return preflight.EXIT_STATUS
    except FileNotFoundError as exc:
        print(f"accord: {exc}", file=sys.stderr)
        return 2
    except Unreadable as exc:
        print(f"accord {args.command}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
