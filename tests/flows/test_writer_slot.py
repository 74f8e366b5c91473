"""One warehouse writer at a time across a server's workers, through Prefect's global limit."""
from __future__ import annotations

import contextlib

import pytest


@pytest.mark.slow
def test_the_writer_slot_is_taken_only_where_the_server_has_the_limit(prefect_server):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate

    from accord.flows.tasks import WAREHOUSE_WRITER, writer_slot

    assert isinstance(writer_slot(), contextlib.nullcontext)
    with get_client(sync_client=True) as client:
        client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=WAREHOUSE_WRITER, limit=1))
        try:
            with writer_slot():
                limit = client.read_global_concurrency_limit_by_name(WAREHOUSE_WRITER)
                assert limit.active_slots == 1
            assert client.read_global_concurrency_limit_by_name(WAREHOUSE_WRITER).active_slots == 0
        finally:
            client.delete_global_concurrency_limit_by_name(WAREHOUSE_WRITER)
