from accord.scrape.robots import Robots

AGENT = "Accord/0.1 (+https://accord.test/contact)"


def test_rules_and_fractional_crawl_delay():
    robots = Robots.from_response(200, b"""User-agent: *
Disallow: /private
Crawl-delay: 0.5

User-agent: Accord
User-agent: other
Disallow: /drafts
Crawl-delay: 2
""")
    assert robots.allowed(AGENT, "http://h/news") and not robots.allowed(AGENT, "http://h/drafts/x")
    assert robots.crawl_delay(AGENT) == 2.0
    assert robots.crawl_delay("Someone/1.0") == 0.5
    assert not robots.allowed("Someone/1.0", "http://h/private")


def test_fetch_failures_read_as_rfc_9309_says():
    assert Robots.from_response(404, b"").allowed(AGENT, "http://h/x")
    unreachable = Robots.from_response(503, b"")
    assert not unreachable.allowed(AGENT, "http://h/x") and unreachable.reason
    assert Robots.from_response(None, b"").reason
