"""Task runners for the parse step: threads in the flow's process, or a Dask cluster."""
from __future__ import annotations

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("thread", "dask")


def task_runner(name: str = "thread", address: str | None = None) -> TaskRunner:
    """`dask` without an address starts a LocalCluster of worker processes for the run, so
    parsing (pure Python, bound by the GIL in threads) uses every core; with `address`
    (tcp://scheduler:8786) it sends the parse batches to an existing cluster."""
    if name == "thread":
        return ThreadPoolTaskRunner()
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=address) if address else DaskTaskRunner()
    raise ValueError(f"unknown task runner {name!r}; expected one of {', '.join(RUNNERS)}")
