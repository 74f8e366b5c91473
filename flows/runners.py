"""Task runners for the parse step: threads in the flow's process, or a Dask cluster.

Either way a parse task hands its pages to worker processes (accord/parse_workers.py), so the
thread runner already uses every core of this machine; Dask spreads the batches over machines.
"""
from __future__ import annotations

import logging

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from accord.parse_workers import usable_cpus

RUNNERS = ("thread", "dask")


def task_runner(name: str = "thread", address: str | None = None) -> TaskRunner:
    """`dask` with `address` (tcp://scheduler:8786) sends the parse batches to an existing
    cluster, whose workers must reach the same Prefect server as the flow (PREFECT_API_URL).
    Without an address it starts a local cluster of threads in this process, one per core,
    each feeding the worker processes. Not a cluster of worker processes: those do not inherit
    the address of the flow's temporary Prefect server, so each started a server of its own,
    and closing them at the end of a run logged a traceback."""
    if name == "thread":
        return ThreadPoolTaskRunner()
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        # its start and stop are otherwise some 40 INFO lines about the cluster's internals
        logging.getLogger("distributed").setLevel(logging.WARNING)
        return DaskTaskRunner(cluster_kwargs={"processes": False, "n_workers": 1,
                                              "threads_per_worker": usable_cpus()})
    raise ValueError(f"unknown task runner {name!r}; expected one of {', '.join(RUNNERS)}")
