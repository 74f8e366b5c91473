"""Polite fetching of one URL: robots.txt, per-host pacing, retries with backoff, redirects."""
from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from accord.scrape.exchange import Access, Exchange, FetchError, Limits, get
from accord.scrape.pacing import HostPacer
from accord.scrape.robots import Robots
from accord.scrape.urls import canonicalize_url, host_key

REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
ROBOTS_REDIRECTS = 5  # RFC 9309


@dataclass(frozen=True)
class Context:
    """Who is asking: the source's name, user agent and pace."""
    source: str
    agent: str
    interval: float  # seconds between requests to one host


@dataclass
class Outcome:
    url: str  # as requested
    final_url: str
    exchanges: list[Exchange] = field(default_factory=list)  # every complete response, redirects too
    status: str = "failed"  # fetched | not_modified | failed | skipped
    error: str | None = None
    attempts: int = 0
    elapsed_ms: float = 0.0

    @property
    def response(self) -> Exchange | None:
        return self.exchanges[-1] if self.exchanges else None


@dataclass
class Policy:
    limits: Limits
    max_attempts: int
    backoff: float
    max_backoff: float
    max_retry_after: float
    max_redirects: int


class Fetcher:
    """Shared by the crawl's threads: one robots.txt fetch per host per run (none for the hosts
    whose robots.txt it is given), one request at a time per host, no URL requested twice in a
    run, and only the non-public addresses `access` allows."""

    def __init__(self, policy: Policy, on_robots, access: Access,
                 robots: dict[str, tuple[int, bytes]] | None = None):
        self._policy, self._access = policy, access
        self._given = robots or {}  # host_key -> robots.txt (status, body) read by an earlier run
        self._fetched: dict[str, tuple[int, bytes]] = {}
        self._pacer = HostPacer()
        self._robots: dict[str, Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._claimed: set[str] = set()
        self._lock = threading.Lock()
        self._on_robots = on_robots  # called with (Context, Outcome) for each robots.txt fetch

    def claim(self, url: str) -> bool:
        """True the first time `url` is claimed in this run."""
        with self._lock:
            if url in self._claimed:
                return False
            self._claimed.add(url)
            return True

    def fetch(self, url: str, context: Context, *, validators=None, check_headers=None,
              robots: bool = True) -> Outcome:
        """GET `url` (already canonical and claimed), following redirects. `validators(url)` gives
        (etag, last_modified) for a conditional GET of that URL."""
        outcome = Outcome(url=url, final_url=url)
        chain, current = [url], url
        while True:
            if robots:
                rules = self.rules(current, context)
                if rules.refusal:
                    return self._end(outcome, "skipped", rules.refusal)
                if rules.reason:  # robots.txt unreachable: a failure, so later runs try again
                    return self._end(outcome, "failed", rules.reason)
                if not rules.allowed(context.agent, current):
                    return self._end(outcome, "skipped", f"disallowed by robots.txt: {current}")
            try:
                exchange, attempts = self._get(current, context, validators, check_headers, outcome)
            except FetchError as exc:
                return self._end(outcome, "skipped" if exc.refused else "failed", exc.reason)
            outcome.final_url = current
            status = exchange.status
            location = exchange.header("Location")
            if status in REDIRECTS and location:
                target = canonicalize_url(urljoin(current, location.strip()))
                if urlsplit(target).scheme not in ("http", "https"):
                    return self._end(outcome, "skipped", f"redirect to a non-http(s) URL: {target}")
                if target in chain:
                    return self._end(outcome, "failed", "redirect loop: " + " -> ".join([*chain, target]))
                limit = ROBOTS_REDIRECTS if not robots else self._policy.max_redirects
                if len(chain) > limit:
                    return self._end(outcome, "failed", f"more than {limit} redirects")
                if not self.claim(target):
                    return self._end(outcome, "skipped", f"redirects to {target}, which this run fetches on its own")
                chain.append(target)
                current = target
                continue
            if status == 304:
                return self._end(outcome, "not_modified", None)
            if 200 <= status < 300:
                return self._end(outcome, "fetched", None)
            return self._end(outcome, "failed", f"HTTP {status} {exchange.reason}".strip())

    def _get(self, url, context, validators, check_headers, outcome) -> tuple[Exchange, int]:
        host = host_key(url)
        self._pacer.slow_down(host, context.interval)
        headers = [("User-Agent", context.agent), ("Accept", "text/html,application/xhtml+xml,"
                   "application/xml;q=0.9,*/*;q=0.8"), ("Accept-Encoding", "gzip, deflate")]
        etag, last_modified = validators(url) if validators else (None, None)
        if etag:
            headers.append(("If-None-Match", etag))
        if last_modified:
            headers.append(("If-Modified-Since", last_modified))
        for attempt in range(1, self._policy.max_attempts + 1):
            outcome.attempts += 1
            with self._pacer.slot(host):
                started = time.monotonic()
                try:
                    exchange = get(url, headers, self._policy.limits, access=self._access,
                                   check_headers=check_headers)
                except FetchError as exc:
                    if exc.refused or not exc.retryable or attempt == self._policy.max_attempts:
                        raise
                    self._pacer.defer(host, self._backoff(attempt))
                    continue
                finally:
                    outcome.elapsed_ms += (time.monotonic() - started) * 1000
            outcome.exchanges.append(exchange)
            if exchange.status not in RETRY_STATUSES or attempt == self._policy.max_attempts:
                return exchange, attempt
            wait = self._backoff(attempt)
            retry_after = _retry_after(exchange.header("Retry-After"))
            if retry_after is not None:
                if retry_after > self._policy.max_retry_after:
                    return exchange, attempt
                wait = max(wait, retry_after)
            self._pacer.defer(host, wait)
        raise AssertionError("unreachable")

    def _backoff(self, attempt: int) -> float:
        """Exponential, with jitter so that retries from many threads do not line up."""
        ceiling = min(self._policy.max_backoff, self._policy.backoff * 2 ** (attempt - 1))
        return ceiling * random.uniform(0.5, 1.0)

    def rules(self, url: str, context: Context) -> Robots:
        """The robots.txt rules of `url`'s host: given when the Fetcher was made, else fetched
        once per run."""
        key = host_key(url)
        with self._lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._robots:
                if key in self._given:
                    rules = Robots.from_response(*self._given[key])
                else:
                    rules = self._fetch_rules(url, key, context)
                delay = rules.crawl_delay(context.agent)
                if delay:
                    self._pacer.slow_down(key, delay)
                self._robots[key] = rules
            return self._robots[key]

    def robots_fetched(self) -> dict[str, tuple[int, bytes]]:
        """host_key -> (status, body) of each robots.txt this Fetcher fetched and could read,
        for another Fetcher to be given (a transient failure is left for it to fetch again)."""
        with self._lock:
            return dict(self._fetched)

    def _fetch_rules(self, url: str, key: str, context: Context) -> Robots:
        parts = urlsplit(url)
        robots_url = canonicalize_url(f"{parts.scheme}://{parts.netloc}/robots.txt")
        self.claim(robots_url)
        outcome = self.fetch(robots_url, context, robots=False)
        response = outcome.response
        status = response.status if response is not None else None
        if outcome.status == "failed" and status is not None and 400 <= status < 500:
            outcome.status, outcome.error = "fetched", None  # a missing robots.txt: no rules
        if outcome.status == "skipped":
            rules = Robots(None, refusal=outcome.error or "refused")
        else:
            body = response.body if response is not None else b""
            rules = Robots.from_response(status, body)
            if outcome.status == "fetched":
                with self._lock:
                    self._fetched[key] = (status, body)
        self._on_robots(context, outcome)
        return rules

    @staticmethod
    def _end(outcome: Outcome, status: str, error: str | None) -> Outcome:
        outcome.status, outcome.error = status, error
        return outcome


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a delay in seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
