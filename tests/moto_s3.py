"""A real S3 API for tests: moto's server on a free port of 127.0.0.1, with one bucket."""
from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator

from moto.server import ThreadedMotoServer


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def s3_server(bucket: str = "accord-test") -> Iterator[str]:
    """Serve S3 on 127.0.0.1 and point fsspec and boto at it; yields the endpoint URL."""
    import boto3
    import fsspec

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    settings = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_DEFAULT_REGION": "us-east-1", "FSSPEC_S3_ENDPOINT_URL": endpoint}
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    fsspec.config.set_conf_env(fsspec.config.conf)  # fsspec reads FSSPEC_* once, at import
    fsspec.AbstractFileSystem.clear_instance_cache()
    try:
        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket=bucket)
        yield endpoint
    finally:
        server.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        fsspec.config.conf.pop("s3", None)
        fsspec.AbstractFileSystem.clear_instance_cache()
