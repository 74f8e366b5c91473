from scrape.state import CrawlState


def test_outcomes_are_kept_only_once_committed(tmp_path):
    state = CrawlState(tmp_path)
    state.record("https://e.org/a", "s", "failed", "HTTP 500", "run-1")
    state.record_validators("https://e.org/b", '"v1"', "Mon, 02 Jun 2025 10:00:00 GMT")
    assert state.get("https://e.org/a") is None
    state.commit()
    state.record("https://e.org/a", "s", "failed", "timeout", "run-2")
    state.commit()
    a = state.get("https://e.org/a")
    assert (a.failures, a.last_error, a.last_status) == (2, "timeout", "failed")
    assert state.retry_candidates("s", 3) == ["https://e.org/a"]
    assert state.retry_candidates("s", 2) == []
    state.record("https://e.org/a", "s", "fetched", None, "run-3")
    state.commit()
    assert state.get("https://e.org/a").failures == 0
    assert state.get("https://e.org/b").etag == '"v1"'
    state.close()
    assert CrawlState(tmp_path).get("https://e.org/b").last_modified == "Mon, 02 Jun 2025 10:00:00 GMT"
