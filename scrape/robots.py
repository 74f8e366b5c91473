"""robots.txt rules for one host, with RFC 9309's reading of fetch failures."""
from __future__ import annotations

from urllib.robotparser import RobotFileParser


class Robots:
    """Allow/Disallow and Crawl-delay. 4xx: no rules; 5xx or unreachable: everything disallowed."""

    def __init__(self, parser: RobotFileParser | None, *, allow_all: bool = False, reason: str = ""):
        self._parser, self._allow_all, self.reason = parser, allow_all, reason

    @classmethod
    def from_response(cls, status: int | None, body: bytes) -> Robots:
        if status is not None and 200 <= status < 300:
            parser = RobotFileParser()
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
            parser.modified()  # can_fetch() refuses everything until a parser says it has read
            return cls(parser)
        if status is not None and 400 <= status < 500:
            return cls(None, allow_all=True)
        return cls(None, reason=f"robots.txt unreachable ({status or 'no response'}): host treated as disallowed")

    def allowed(self, agent: str, url: str) -> bool:
        if self._parser is None:
            return self._allow_all
        return self._parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        if self._parser is None:
            return None
        delay = self._parser.crawl_delay(agent)
        return float(delay) if delay is not None else None
