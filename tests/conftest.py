"""Shared fixtures: paths to ../shared (tests skip cleanly without it) and one Prefect server."""
from __future__ import annotations

from pathlib import Path

import pytest

from accord import prefect_env

prefect_env.configure()

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the research data is not beside this clone")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> str:
    return (shared / "seed" / "tillerson-lavrov-press-conference.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for every flow run in the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
