"""The crawl: sources -> discovered URLs -> polite fetches -> Pages, a fetch_log and the run's WARC."""
from __future__ import annotations

import hashlib
import ipaddress
import logging
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from accord.scrape import discover
from accord.scrape.archive import HINT, IMPORTED, REQUESTED, ROLE, SOURCE, WarcWriter, archived_pages
from accord.scrape.discover import Entry
from accord.scrape.exchange import Access, Limits, is_non_public, resolve
from accord.scrape.fetcher import Context, Fetcher, Outcome, Policy
from accord.scrape.local import Damage, Skip, folder_pages, warc_pages
from accord.scrape.pages import Page
from accord.scrape.sources import Source
from accord.scrape.state import CrawlState, Orphan
from accord.scrape.urls import DEFAULT_PORTS, canonicalize_url, host_key, is_http_url
from accord.warehouse.lake import committed_runs

AGENT = "Accord/0.1"

logger = logging.getLogger(__name__)


@dataclass
class CrawlSettings:
    contact_url: str = ""  # named in the User-Agent so site owners can reach whoever runs the crawl
    user_agent: str | None = None  # None: "Accord/0.1 (+<contact_url>)"
    rate: float = 1.0  # requests per second per host; a robots.txt Crawl-delay can only slow it
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # longest silence while reading
    page_deadline: float = 60.0  # whole exchange, so a dripping server cannot hold the run
    max_attempts: int = 4  # per URL per run
    backoff: float = 1.0  # first retry after about this many seconds, doubling each time
    max_backoff: float = 60.0
    max_retry_after: float = 600.0  # a longer Retry-After gives the page up for this run
    max_bytes: int = 10 * 1024 * 1024  # raw and decoded body
    max_redirects: int = 5
    max_failed_runs: int = 3  # runs a failing page is retried in before it is left with its reason
    concurrency: int = 8  # hosts crawled in parallel
    # origin -> (address, port) connected to instead of resolving the origin's host: how the
    # bundled sample site keeps one URL whatever free port it is served on
    connect_to: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def agent(self) -> str:
        if self.user_agent:
            return self.user_agent
        return f"{AGENT} (+{self.contact_url})" if self.contact_url else AGENT


@dataclass(frozen=True)
class SourceFailure:
    source: str  # the source's name
    location: str  # its URL or path
    reason: str


@dataclass
class CrawlResult:
    pages: list[Page] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)  # FETCH_LOG columns minus run_date
    # sources that gave nothing because of an error: their feed, sitemap, page, URL list, file
    # or folder could not be read, or every page they led to failed
    failed_sources: list[SourceFailure] = field(default_factory=list)
    # damage read past in a source that gave pages: a bad WARC record or gzip member, a truncated
    # WARC (the reason names the offset)
    warnings: list[SourceFailure] = field(default_factory=list)


@dataclass
class _Tally:
    ok: int = 0
    failed: int = 0
    first: str | None = None  # the first failure's reason


@dataclass
class Plan:
    """What a backfill reads once for its whole range (plan()): the entries its sources' feeds,
    sitemaps and URL lists list in the range or undated, and each host's robots.txt. A day's
    crawl takes its slice (for_day) instead of reading them again."""
    sources: frozenset[tuple]  # source_id() of each source whose documents it read
    entries: dict[tuple, list[Entry]]  # source_id() -> entries, canonical URLs
    robots: dict[str, tuple[int, bytes]]  # host_key -> robots.txt (status, body) as fetched
    retries: bool = True  # also retry the pages earlier runs failed to fetch

    def for_day(self, day: date, first: bool) -> Plan:
        """The entries published on `day`; the first day to do also takes the undated ones and
        the retries."""
        def on_day(entry: Entry) -> bool:
            published = discover.entry_day(entry.published)
            return published == day if published is not None else first
        return Plan(self.sources, {name: [e for e in entries if on_day(e)] for name, entries in self.entries.items()},
                    self.robots, retries=first)


def source_id(source: Source) -> tuple[str, str, str]:
    """A source's identity: its name alone may be shared (--source names a URL after its host)."""
    return source.name, source.kind, source.location


def crawl(sources: list[Source], *, data_dir: Path, run_id: str, settings: CrawlSettings,
          since: date | None = None, until: date | None = None, plan: Plan | None = None) -> CrawlResult:
    """Fetch every page the sources lead to, and read local ones. Every page goes to the run's
    WARC. The run's crawl state (validators, failures) is staged once that WARC is complete and
    takes effect once the run's rows are committed to the lake (settle()); the pages of earlier
    runs that never got there are returned again, read from their WARC files. With a `plan`,
    the sources it read take their entries and robots.txt from it."""
    return _crawl(_Run(Path(data_dir), run_id, settings, sources, since, until, plan), sources).result


def plan(sources: list[Source], *, data_dir: Path, run_id: str, settings: CrawlSettings,
         since: date, until: date) -> tuple[Plan, CrawlResult]:
    """A backfill's first run: read the sources' documents once for the whole range, and the
    robots.txt of every host their entries (and dated url_template pages) are on; fetch no
    article. Local sources are read whole, and an `auto` source that is a page is fetched:
    the result's pages are this run's to parse."""
    run = _crawl(_Run(Path(data_dir), run_id, settings, sources, since, until, None, planning=True), sources)
    return run.plan, run.result


def _crawl(run: _Run, sources: list[Source]) -> _Run:
    try:
        committed = committed_runs(run.data_dir)
        run.state.settle(committed)
        orphans = run.state.orphans(committed, run.run_id)
        for orphan in orphans:
            run.adopt(orphan)
        for source in sources:
            if source.kind == "folder":
                run.read_folder(source)
            elif source.kind == "warc":
                run.read_warc(source)
        network = [s for s in sources if s.kind not in ("folder", "warc")]
        if network or run.planning:
            run.crawl_network(network)
        archive = run.archive.close()
        run.finish()
        run.state.stage(run.run_id, archive.relative_to(run.data_dir).as_posix() if archive else None,
                        [orphan.run_id for orphan in orphans])
    finally:
        run.archive.abandon()  # after a failure only; a no-op once closed
        run.state.close()
    return run


def settle(data_dir: Path) -> list[str]:
    """Let the crawl state of every run whose rows the lake now holds take effect; returns
    those runs. Called right after a run's lake commit (and by every crawl, for a run killed
    between its commit and this)."""
    state = CrawlState(data_dir)
    try:
        return state.settle(committed_runs(Path(data_dir)))
    finally:
        state.close()


class _Run:
    def __init__(self, data_dir: Path, run_id: str, settings: CrawlSettings, sources: list[Source],
                 since: date | None, until: date | None, plan: Plan | None, planning: bool = False):
        self.data_dir = data_dir
        self.run_id, self.settings, self.since, self.until = run_id, settings, since, until
        self.plan, self.planning = plan, planning
        self.result = CrawlResult()
        self.archive = WarcWriter(data_dir, run_id, datetime.now(UTC).date())
        self.state = CrawlState(data_dir)
        self.adopted: dict[str, tuple[Page, str]] = {}  # url -> (page, run that archived it)
        self.documents: dict[tuple, _Tally] = defaultdict(_Tally)  # per source_id()
        self.pages: dict[tuple, _Tally] = defaultdict(_Tally)
        self.lock = threading.Lock()
        self.contexts: dict[str, Context] = {}
        self.fetcher = Fetcher(Policy(
            limits=Limits(settings.connect_timeout, settings.read_timeout, settings.page_deadline,
                          settings.max_bytes),
            max_attempts=settings.max_attempts, backoff=settings.backoff, max_backoff=settings.max_backoff,
            max_retry_after=settings.max_retry_after, max_redirects=settings.max_redirects),
            on_robots=lambda context, outcome: self.record(context, outcome, "robots"),
            access=access(sources, settings.connect_to),
            robots=plan.robots if plan else None)

    # pages of earlier runs that never reached the lake

    def adopt(self, orphan: Orphan) -> None:
        for path, origin in orphan.archives:
            full = self.data_dir / path
            if not full.is_file():
                logger.warning("run %s never reached the lake and its archive %s is gone: its pages "
                               "are fetched again when their sources list them", origin, full)
                continue
            for page in archived_pages(full):
                kept = self.adopted.get(page.url)
                if kept is None or page.fetched_at >= kept[0].fetched_at:
                    self.adopted[page.url] = (page, origin)

    def finish(self) -> None:
        """Adopted pages go to the parser unless this run fetched them again."""
        fresh = {page.url for page in self.result.pages}
        kept = [(page, origin) for page, origin in self.adopted.values() if page.url not in fresh]
        self.result.pages[:0] = [page for page, _ in kept]
        for page, origin in kept:
            self.log(page.source, page.url, page.final_url, "recovered", size=len(page.body),
                     error=f"archived by run {origin}, whose rows never reached the lake",
                     fetched_at=page.fetched_at)

    # local sources

    def read_folder(self, source: Source) -> None:
        root = Path(source.location).expanduser()
        if not root.exists():
            self.fail(source, _uri(root), f"{root} does not exist")
            return
        pages = 0
        for item in folder_pages(source):
            if isinstance(item, Skip):
                self.log(source.name, item.url, item.url, "failed", error=item.reason)
            else:
                pages += 1
                self.add_local(source, item)
        if not pages:
            self.fail(source, _uri(root), f"no readable .html, .htm or .txt file in {root}")

    def read_warc(self, source: Source) -> None:
        path = Path(source.location).expanduser()
        uri = _uri(path)
        if not path.is_file():
            self.fail(source, uri, f"{path} does not exist or is not a file")
            return
        pages, damage = 0, []
        try:
            for item in warc_pages(source, self.settings.max_bytes):
                if isinstance(item, Damage):
                    damage.append(item)
                    # the offset in the URL keeps each damaged stretch its own fetch_log row
                    self.log(source.name, f"{uri}#offset={item.offset}", uri, "failed",
                             error=f"offset {item.offset}: {item.reason}")
                elif isinstance(item, Skip):
                    self.log(source.name, item.url, item.url, "skipped", error=item.reason)
                else:
                    pages += 1
                    self.add_local(source, item)
        except OSError as exc:
            self.fail(source, uri, f"cannot read {path}: {exc.strerror or exc}")
            return
        problems = [SourceFailure(source.name, str(path), f"offset {d.offset}: {d.reason}") for d in damage]
        if pages:
            with self.lock:
                self.result.warnings.extend(problems)
        else:
            reason = problems[0].reason if problems else "no HTML response records in the WARC"
            self.fail(source, uri, reason, logged=bool(problems))

    def add_local(self, source: Source, page: Page) -> None:
        if not self.fetcher.claim(page.url):
            return
        # archived once per content, as a network page is once per ETag: reprocess reads it there
        digest = '"sha1:' + hashlib.sha1(page.body).hexdigest() + '"'
        known = self.state.get(page.url)
        if known is None or known.etag != digest:
            self.archive.write_page(page, {ROLE: "page", SOURCE: source.name, REQUESTED: page.url,
                                           IMPORTED: _uri(Path(source.location).expanduser())})
            self.state.record_validators(page.url, digest, None)
        self.result.pages.append(page)
        self.log(source.name, page.url, page.final_url, "fetched", size=len(page.body), attempts=1,
                 fetched_at=page.fetched_at)

    def fail(self, source: Source, url: str, reason: str, *, logged: bool = False) -> None:
        """A source that gave nothing: in the result, and (unless already there) in the fetch log."""
        with self.lock:
            self.result.failed_sources.append(SourceFailure(source.name, source.location, reason))
        if not logged:
            self.log(source.name, url, url, "failed", error=reason)

    # network sources

    def crawl_network(self, sources: list[Source]) -> None:
        documents: list[tuple[str, Source, str]] = []  # (url, source, kind)
        entries: list[tuple[Entry, Source]] = []
        planned = self.plan.sources if self.plan else frozenset()
        for source in sources:
            if self.planning and source.options.get("url_template"):
                continue  # its documents are each day's page, read on that day
            if source_id(source) in planned:
                entries += [(entry, source) for entry in self.plan.entries.get(source_id(source), [])]
            elif source.kind == "page":
                entries.append((Entry(source.location), source))
            elif source.kind == "urls" and not is_http_url(source.location):
                path = Path(source.location).expanduser()
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    self.fail(source, _uri(path), f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}")
                    continue
                entries += [(entry, source) for entry in discover.parse_url_list(text)]
            else:
                documents.append((canonicalize_url(source.location), source, source.kind))
            if self.plan is None or self.plan.retries:
                entries += [(Entry(url), source) for url in
                            self.state.retry_candidates(source.name, self.settings.max_failed_runs)]
        while documents:
            found: list[tuple[str, Source, str]] = []
            lock = threading.Lock()

            def read(url: str, source: Source, kind: str, found=found, lock=lock) -> None:
                more_documents, more_entries = self.read_document(url, source, kind)
                with lock:
                    found.extend(more_documents)
                    entries.extend(more_entries)

            self.by_host((url, source, partial(read, url, source, kind)) for url, source, kind in documents)
            documents = found
        if self.planning:
            self.make_plan(sources, entries)
            return
        chosen, per_source = [], defaultdict(int)
        for entry, source in entries:
            url = canonicalize_url(entry.url)
            limit = source.options.get("max_pages")
            if not discover.in_range(entry.published, self.since, self.until):
                continue
            if limit is not None and per_source[source.name] >= limit:
                continue
            if not is_http_url(url) or not self.fetcher.claim(url):
                continue
            per_source[source.name] += 1
            chosen.append((url, source, partial(self.fetch_page, url, entry, source)))
        self.by_host(chosen)
        for source in sources:
            documents_read, pages_read = self.documents[source_id(source)], self.pages[source_id(source)]
            if documents_read.failed and not documents_read.ok:
                self.fail(source, source.location, documents_read.first, logged=True)
            elif pages_read.failed and not pages_read.ok:
                self.fail(source, source.location, f"every page it led to failed ({pages_read.failed}); "
                                                   f"the first: {pages_read.first}", logged=True)

    def make_plan(self, sources: list[Source], entries: list[tuple[Entry, Source]]) -> None:
        """Keep the entries in range by source, and fetch robots.txt for every host a day will
        ask, so that the days ask for none."""
        planned = frozenset(source_id(s) for s in sources if not s.options.get("url_template"))
        kept: dict[tuple, list[Entry]] = defaultdict(list)
        seen: set[tuple] = set()
        hosts: dict[str, tuple[str, Source]] = {}
        for entry, source in entries:
            url = canonicalize_url(entry.url)
            key = source_id(source)
            if (key not in planned or not is_http_url(url) or (key, url) in seen
                    or not discover.in_range(entry.published, self.since, self.until)):
                continue
            seen.add((key, url))
            kept[key].append(Entry(url, entry.published))
            hosts.setdefault(host_key(url), (url, source))
        for source in sources:
            template = source.options.get("url_template")
            if template:
                url = template.format(date=self.since)
                hosts.setdefault(host_key(url), (url, source))
        self.by_host((url, source, partial(self.fetcher.rules, url, self.context(source)))
                     for url, source in hosts.values())
        self.plan = Plan(planned, dict(kept), self.fetcher.robots_fetched())

    def read_document(self, url: str, source: Source, kind: str):
        """Fetch a feed, sitemap, listing or URL list; returns (child sitemaps, entries)."""
        if not self.fetcher.claim(url):
            return [], []
        context = self.context(source)
        backfill = self.since is not None or self.until is not None
        # a backfill wants old entries, so it rereads documents in full
        validators = None if backfill else self.validators
        outcome = self.fetcher.fetch(url, context, validators=validators)
        response = outcome.response
        body = response.body if response is not None and outcome.status == "fetched" else b""
        if kind == "auto" and outcome.status == "fetched":
            kind = discover.sniff(body, response.header("Content-Type"))
            if kind == "unknown":
                outcome.status, outcome.error = "skipped", "not a feed, sitemap or HTML page"
        role = "page" if kind in ("page", "auto") else "discovery"
        self.record(self.context(source), outcome, role)
        self.count(self.documents, source, outcome)
        if outcome.status != "fetched":
            return [], []
        if kind == "page":
            self.add_page(outcome, source, None)
            return [], []
        if kind == "feed":
            entries = discover.parse_feed(body, outcome.final_url)
        elif kind == "sitemap":
            entries, children = discover.parse_sitemap(body, outcome.final_url, self.settings.max_bytes)
            kept = [c for c in children if discover.in_range(c.published, self.since, None)]
            return ([(canonicalize_url(c.url), source, "sitemap") for c in kept],
                    self.allowed(entries, source))
        elif kind == "listing":
            entries = discover.parse_listing(body, outcome.final_url, source.options["link_pattern"])
        else:
            entries = discover.parse_url_list(body.decode("utf-8", errors="replace"))
        return [], self.allowed(entries, source)

    def fetch_page(self, url: str, entry: Entry, source: Source) -> None:
        known = self.state.get(url)
        cap = self.settings.max_failed_runs
        if known is not None and known.failures >= cap:
            self.log(source.name, url, url, "skipped",
                     error=f"gave up after {known.failures} failed runs: {known.last_error}")
            self.state.record(url, source.name, "skipped", known.last_error, self.run_id)
            return
        outcome = self.fetcher.fetch(url, self.context(source), validators=self.validators,
                                     check_headers=_html_only)
        self.record(self.context(source), outcome, "page", entry.published)
        # a page source's page is its document: refused or failed, the source gave nothing
        self.count(self.documents if source.kind == "page" else self.pages, source, outcome)
        if outcome.status == "fetched":
            self.add_page(outcome, source, entry.published)

    def add_page(self, outcome: Outcome, source: Source, published: str | None) -> None:
        response = outcome.response
        page = Page(url=outcome.url, final_url=outcome.final_url, body=response.body,
                    content_type=response.header("Content-Type"), fetched_at=response.fetched_at,
                    source=source.name, published_hint=published)
        with self.lock:
            self.result.pages.append(page)

    def record(self, context: Context, outcome: Outcome, role: str, published: str | None = None) -> None:
        """Archive every response of an outcome, log it, and note it for the crawl state."""
        extra = {ROLE: role, SOURCE: context.source, REQUESTED: outcome.url}
        if published:
            extra[HINT] = published
        for exchange in outcome.exchanges:
            self.archive.write(exchange, extra)
        response = outcome.response
        # a backfill reads documents for its range only: their validators would tell the nightly
        # crawl it had seen what they list outside it
        backfill = self.since is not None or self.until is not None
        if outcome.status == "fetched" and response is not None and (role == "page" or not backfill):
            self.state.record_validators(outcome.final_url, response.header("ETag"),
                                         response.header("Last-Modified"))
        if role == "page":  # documents and robots.txt are refetched every run anyway
            self.state.record(outcome.url, context.source, outcome.status, outcome.error, self.run_id)
        self.log(context.source, outcome.url, outcome.final_url, outcome.status,
                 http_status=response.status if response is not None else None, error=outcome.error,
                 size=len(response.raw_body) if response is not None else 0,
                 elapsed_ms=outcome.elapsed_ms, attempts=outcome.attempts,
                 fetched_at=response.fetched_at if response is not None else None)

    def count(self, tallies: dict[str, _Tally], source: Source, outcome: Outcome) -> None:
        """Tally an outcome for the source's verdict: a document skipped (refused, not a feed)
        leaves its source with nothing, a page skipped (not HTML, disallowed) does not."""
        documents = tallies is self.documents
        with self.lock:
            tally = tallies[source_id(source)]
            if outcome.status in ("fetched", "not_modified"):
                tally.ok += 1
            elif outcome.status == "failed" or documents:
                tally.failed += 1
                tally.first = tally.first or (outcome.error if documents else f"{outcome.url}: {outcome.error}")

    def log(self, source: str, url: str, final_url: str, status: str, *, http_status: int | None = None,
            error: str | None = None, size: int = 0, elapsed_ms: float = 0.0, attempts: int = 0,
            fetched_at: datetime | None = None) -> None:
        row = {"run_id": self.run_id, "source": source, "url": url, "final_url": final_url,
               "status": status, "http_status": http_status, "error": error, "bytes": size,
               "elapsed_ms": elapsed_ms, "attempts": attempts,
               "fetched_at": fetched_at or datetime.now(UTC).replace(tzinfo=None)}
        with self.lock:
            self.result.fetch_log.append(row)

    # helpers

    def validators(self, url: str) -> tuple[str | None, str | None]:
        known = self.state.get(url)
        return (known.etag, known.last_modified) if known else (None, None)

    def context(self, source: Source) -> Context:
        with self.lock:
            if source.name not in self.contexts:
                rate = source.options.get("rate", self.settings.rate)
                self.contexts[source.name] = Context(
                    source=source.name, agent=source.options.get("user_agent") or self.settings.agent,
                    interval=1.0 / rate)
            return self.contexts[source.name]

    def allowed(self, entries: list[Entry], source: Source) -> list[tuple[Entry, Source]]:
        """Entries on the source's allowed domains (any domain when none are set)."""
        domains = [d.lower().strip(".") for d in source.options.get("allowed_domains", [])]
        if not domains and source.kind == "listing":
            domains = [(urlsplit(source.location).hostname or "").lower()]
        kept = []
        for entry in entries:
            host = (urlsplit(entry.url).hostname or "").lower()
            if not domains or any(host == d or host.endswith("." + d) for d in domains):
                kept.append((entry, source))
        return kept

    def by_host(self, tasks: Iterable[tuple[str, Source, Callable[[], None]]]) -> None:
        """Run the tasks: one host's in order on one thread, hosts in parallel. A task that breaks
        is logged as failed, never lost."""
        groups: dict[str, list] = defaultdict(list)
        for url, source, task in tasks:
            groups[host_key(url)].append((url, source, task))

        def run_host(batch: list) -> None:
            for url, source, task in batch:
                try:
                    task()
                except Exception as exc:  # one bad page must not sink the run
                    self.log(source.name, url, url, "failed", error=f"internal error: {type(exc).__name__}: {exc}")

        with ThreadPoolExecutor(max_workers=max(1, self.settings.concurrency)) as pool:
            for future in [pool.submit(run_host, batch) for batch in groups.values()]:
                future.result()


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


def _html_only(status: int, response) -> str | None:
    """Only HTML and XHTML bodies are worth downloading for the parser."""
    content_type = response.getheader("Content-Type")
    if 200 <= status < 300 and content_type and not discover.is_html(content_type):
        return f"not HTML: {content_type.split(';')[0].strip()}"
    return None


def access(sources: list[Source], connect_to: dict[str, tuple[str, int]]) -> Access:
    """The non-public origins the crawl may reach: those of configured sources whose host is on
    a non-public address (each origin on its own, so one port of a host never opens the
    others), and for link-local and metadata addresses, only sources that say allow_link_local."""
    private, link_local = set(), set()
    for source in sources:
        if not is_http_url(source.location):
            continue
        origin = host_key(source.location)
        if source.options.get("allow_link_local"):
            link_local.add(origin)
        parts = urlsplit(source.location)
        try:
            port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
            infos = resolve(parts.hostname or "", port, origin, Access(connect_to=connect_to))
        except (OSError, ValueError):
            continue
        if any(is_non_public(ipaddress.ip_address(info[4][0].split("%")[0])) for info in infos):
            private.add(origin)
    return Access(frozenset(private), frozenset(link_local), connect_to)
