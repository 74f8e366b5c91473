from accord.scrape.state import CrawlState, Orphan


def test_outcomes_take_effect_only_once_their_run_is_committed(tmp_path):
    state = CrawlState(tmp_path)
    state.record("https://e.org/a", "s", "failed", "HTTP 500", "run-1")
    state.record_validators("https://e.org/b", '"v1"', "Mon, 02 Jun 2025 10:00:00 GMT")
    state.stage("run-1", "archive/2025-06-02/run-1.warc.gz")
    assert state.get("https://e.org/a") is None and state.get("https://e.org/b") is None
    assert state.settle([]) == []
    assert state.settle(["run-1"]) == ["run-1"]
    assert state.settle(["run-1"]) == [], "a run's state is applied once"
    state.record("https://e.org/a", "s", "failed", "timeout", "run-2")
    state.stage("run-2", None)
    state.settle(["run-1", "run-2"])
    a = state.get("https://e.org/a")
    assert (a.failures, a.last_error, a.last_status) == (2, "timeout", "failed")
    assert state.retry_candidates("s", 3) == ["https://e.org/a"]
    assert state.retry_candidates("s", 2) == []
    state.record("https://e.org/a", "s", "fetched", None, "run-3")
    state.stage("run-3", None)
    state.settle(["run-3"])
    assert state.get("https://e.org/a").failures == 0
    assert state.get("https://e.org/b").etag == '"v1"'
    state.close()
    assert CrawlState(tmp_path).get("https://e.org/b").last_modified == "Mon, 02 Jun 2025 10:00:00 GMT"


def test_an_orphan_is_adopted_by_the_next_run_and_settles_with_it(tmp_path):
    state = CrawlState(tmp_path)
    state.record_validators("https://e.org/a", '"old"', None)
    state.stage("run-1", "archive/d/run-1.warc.gz")  # killed before its lake commit
    assert state.orphans([], "run-2") == [Orphan("run-1", (("archive/d/run-1.warc.gz", "run-1"),))]
    assert state.orphans([], "run-1") == [], "a run is never its own orphan"
    state.record_validators("https://e.org/a", '"new"', None)
    state.stage("run-2", "archive/d/run-2.warc.gz", adopted=["run-1"])
    # run-2 now answers for run-1's pages: killed too, both archives go to the next run
    assert state.orphans([], "run-3") == [Orphan("run-2", (("archive/d/run-1.warc.gz", "run-1"),
                                                           ("archive/d/run-2.warc.gz", "run-2")))]
    state.settle(["run-2"])
    assert state.get("https://e.org/a").etag == '"new"', "the adopter's own outcome comes last"
    assert state.orphans(["run-2"], "run-3") == []
