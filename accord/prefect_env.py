"""Prefect settings Accord needs before Prefect is imported.

Prefect's temporary local server tries to send telemetry on start; on a machine without
internet access that logs `Failed to send telemetry` and, at shutdown, an error flushing
events. Analytics off removes both without hiding any real log line. Users who point
PREFECT_API_URL at their own server are unaffected: setdefault never overrides them.
"""
from __future__ import annotations

import os

DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "INFO",
}


def configure() -> None:
    for name, value in DEFAULTS.items():
        os.environ.setdefault(name, value)
