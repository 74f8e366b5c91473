"""robots.txt rules for one host, with RFC 9309's reading of fetch failures."""
from __future__ import annotations

from urllib.robotparser import RobotFileParser


class Robots:
    """Allow/Disallow and Crawl-delay. 4xx: no rules; 5xx or unreachable: everything disallowed."""

    def __init__(self, parser: RobotFileParser | None, *, allow_all: bool = False, reason: str = "",
                 refusal: str = "", delays: dict[str, float] | None = None):
        self._parser, self._allow_all, self._delays = parser, allow_all, delays or {}
        self.reason = reason  # why the host is unreachable
        self.refusal = refusal  # why the host may not be contacted at all

    @classmethod
    def from_response(cls, status: int | None, body: bytes) -> Robots:
        if status is not None and 200 <= status < 300:
            lines = body.decode("utf-8", errors="replace").splitlines()
            parser = RobotFileParser()
            parser.parse(lines)
            parser.modified()  # can_fetch() refuses everything until a parser says it has read
            return cls(parser, delays=_crawl_delays(lines))
        if status is not None and 400 <= status < 500:
            return cls(None, allow_all=True)
        return cls(None, reason=f"robots.txt unreachable ({status or 'no response'}): host treated as disallowed")

    def allowed(self, agent: str, url: str) -> bool:
        if self._parser is None:
            return self._allow_all
        return self._parser.can_fetch(agent, url)

    def crawl_delay(self, agent: str) -> float | None:
        """The delay of the group naming this agent, else of the * group."""
        token = agent.split("/")[0].strip().lower()
        named = [delay for name, delay in self._delays.items() if name != "*" and name in token]
        return named[0] if named else self._delays.get("*")


def _crawl_delays(lines: list[str]) -> dict[str, float]:
    """Crawl-delay per user-agent token; urllib.robotparser only reads whole seconds."""
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for line in lines:
        field, _, value = line.split("#", 1)[0].partition(":")
        field, value = field.strip().lower(), value.strip()
        if field == "user-agent":
            if in_rules:  # a user-agent line after rules starts a new group
                agents, in_rules = [], False
            agents.append(value.lower())
        elif field in ("allow", "disallow", "crawl-delay"):
            in_rules = True
            if field == "crawl-delay":
                try:
                    delay = float(value)
                except ValueError:
                    continue
                if delay >= 0:
                    for name in agents:
                        delays.setdefault(name, delay)
    return delays
