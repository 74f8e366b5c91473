"""The crawl: sources -> discovered URLs -> polite fetches -> Pages, a fetch_log and the run's WARC."""
from __future__ import annotations

import ipaddress
import socket
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from scrape import discover
from scrape.archive import HINT, REQUESTED, ROLE, SOURCE, WarcWriter
from scrape.discover import Entry
from scrape.exchange import Limits
from scrape.fetcher import Context, Fetcher, Outcome, Policy
from scrape.local import Skip, folder_pages, warc_pages
from scrape.pages import Page
from scrape.sources import Source
from scrape.state import CrawlState
from scrape.urls import canonicalize_url, host_key, is_http_url

AGENT = "Accord/0.1"


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

    @property
    def agent(self) -> str:
        if self.user_agent:
            return self.user_agent
        return f"{AGENT} (+{self.contact_url})" if self.contact_url else AGENT


@dataclass
class CrawlResult:
    pages: list[Page] = field(default_factory=list)
    fetch_log: list[dict] = field(default_factory=list)  # FETCH_LOG columns minus run_date


def crawl(sources: list[Source], *, data_dir: Path, run_id: str, settings: CrawlSettings,
          since: date | None = None, until: date | None = None) -> CrawlResult:
    """Fetch every page the sources lead to. Network responses go to the run's WARC; crawl state
    (validators, failures) is saved only once that WARC is complete."""
    run = _Run(Path(data_dir), run_id, settings, since, until)
    try:
        for source in sources:
            if source.kind == "folder":
                run.read_folder(source)
            elif source.kind == "warc":
                run.read_warc(source)
        network = [s for s in sources if s.kind not in ("folder", "warc")]
        if network:
            run.crawl_network(network)
        run.archive.close()
        run.state.commit()
    finally:
        run.archive.abandon()  # after a failure only; a no-op once closed
        run.state.close()
    return run.result


class _Run:
    def __init__(self, data_dir: Path, run_id: str, settings: CrawlSettings,
                 since: date | None, until: date | None):
        self.run_id, self.settings, self.since, self.until = run_id, settings, since, until
        self.result = CrawlResult()
        self.archive = WarcWriter(data_dir, run_id, datetime.now(UTC).date())
        self.state = CrawlState(data_dir)
        self.lock = threading.Lock()
        self.contexts: dict[str, Context] = {}
        self.fetcher = Fetcher(Policy(
            limits=Limits(settings.connect_timeout, settings.read_timeout, settings.page_deadline,
                          settings.max_bytes),
            max_attempts=settings.max_attempts, backoff=settings.backoff, max_backoff=settings.max_backoff,
            max_retry_after=settings.max_retry_after, max_redirects=settings.max_redirects),
            on_robots=lambda context, outcome: self.record(context, outcome, "robots"))

    # local sources

    def read_folder(self, source: Source) -> None:
        for page in folder_pages(source):
            self.add_local(source, page)

    def read_warc(self, source: Source) -> None:
        for item in warc_pages(source, self.settings.max_bytes):
            if isinstance(item, Skip):
                self.log(source.name, item.url, item.url, "skipped", error=item.reason)
            else:
                self.add_local(source, item)

    def add_local(self, source: Source, page: Page) -> None:
        if not self.fetcher.claim(page.url):
            return
        self.result.pages.append(page)
        self.log(source.name, page.url, page.final_url, "fetched", size=len(page.body), attempts=1,
                 fetched_at=page.fetched_at)

    # network sources

    def crawl_network(self, sources: list[Source]) -> None:
        documents: list[tuple[str, Source, str]] = []  # (url, source, kind)
        entries: list[tuple[Entry, Source]] = []
        for source in sources:
            if source.kind == "page":
                entries.append((Entry(source.location), source))
            elif source.kind == "urls" and not is_http_url(source.location):
                text = Path(source.location).expanduser().read_text(encoding="utf-8")
                entries += [(entry, source) for entry in discover.parse_url_list(text)]
            else:
                documents.append((canonicalize_url(source.location), source, source.kind))
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
        if outcome.status == "fetched" and response is not None:
            self.state.record_validators(outcome.final_url, response.header("ETag"),
                                         response.header("Last-Modified"))
        if role == "page":  # documents and robots.txt are refetched every run anyway
            self.state.record(outcome.url, context.source, outcome.status, outcome.error, self.run_id)
        self.log(context.source, outcome.url, outcome.final_url, outcome.status,
                 http_status=response.status if response is not None else None, error=outcome.error,
                 size=len(response.raw_body) if response is not None else 0,
                 elapsed_ms=outcome.elapsed_ms, attempts=outcome.attempts,
                 fetched_at=response.fetched_at if response is not None else None)

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
                    interval=1.0 / rate, private_hosts=_private_hosts(source.location))
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


def _html_only(status: int, response) -> str | None:
    """Only HTML and XHTML bodies are worth downloading for the parser."""
    content_type = response.getheader("Content-Type")
    if 200 <= status < 300 and content_type and not discover.is_html(content_type):
        return f"not HTML: {content_type.split(';')[0].strip()}"
    return None


def _private_hosts(location: str) -> frozenset[str]:
    """The source's own host, when it is on a private, loopback or link-local address."""
    host = (urlsplit(location).hostname or "").lower()
    if not host:
        return frozenset()
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return frozenset()
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if address.is_private or address.is_loopback or address.is_link_local:
            return frozenset({host})
    return frozenset()
