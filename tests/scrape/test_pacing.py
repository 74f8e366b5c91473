import threading
import time

from accord.scrape.pacing import HostPacer


def test_one_host_is_spaced_and_other_hosts_are_not_held_up():
    pacer, starts, lock = HostPacer(), {"a": [], "b": []}, threading.Lock()
    pacer.slow_down("a", 0.1)
    pacer.slow_down("a", 0.05)  # never speeds up

    def work(host: str) -> None:
        with pacer.slot(host):
            with lock:
                starts[host].append(time.monotonic())
            time.sleep(0.01)

    threads = [threading.Thread(target=work, args=(host,)) for host in "aaab"]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    gaps = [b - a for a, b in zip(sorted(starts["a"]), sorted(starts["a"])[1:], strict=False)]
    assert min(gaps) >= 0.11  # 0.01 s of work, then 0.1 s of pause
    assert starts["b"][0] - began < 0.05


def test_defer_pauses_a_host():
    pacer = HostPacer()
    pacer.defer("a", 0.2)
    began = time.monotonic()
    with pacer.slot("a"):
        assert time.monotonic() - began >= 0.2
