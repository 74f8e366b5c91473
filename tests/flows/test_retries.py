"""Tasks retry only what another attempt can fix: a deterministic error fails at once."""
from __future__ import annotations

import errno
import gzip
import socket

import pytest
import requests
from prefect import flow
from prefect.client.orchestration import get_client

from accord.flows import tasks
from accord.parse_pages import ParsedBatch, pack
from accord.retry import transient


@pytest.mark.parametrize(("error", "retried"), [
    (ConnectionResetError(errno.ECONNRESET, "Connection reset by peer"), True),
    (TimeoutError("timed out"), True),
    (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), True),
    (OSError(errno.EIO, "Input/output error"), True),
    (requests.ConnectionError("Connection refused"), True),
    (requests.ReadTimeout("Read timed out"), True),
    (PermissionError(errno.EACCES, "Permission denied"), False),
    (NotADirectoryError(errno.ENOTDIR, "Not a directory"), False),
    (FileExistsError(errno.EEXIST, "File exists"), False),
    (FileNotFoundError(errno.ENOENT, "No such file or directory"), False),
    (OSError(errno.EROFS, "Read-only file system"), False),
    (OSError(errno.ENOSPC, "No space left on device"), False),
    (gzip.BadGzipFile("Not a gzipped file"), False),
    (requests.exceptions.InvalidURL("bad"), False),
    (ValueError("bad config"), False),
])
def test_transient_errors_are_those_another_attempt_can_fix(error, retried):
    assert transient(error) is retried


def attempts(state) -> int:
    with get_client(sync_client=True) as client:
        return client.read_task_run(state.state_details.task_run_id).run_count


@pytest.mark.slow
def test_a_deterministic_error_is_not_retried(tmp_path, prefect_server):
    """A data directory that is a file cost 6 minutes of pull's retries; a lake folder that is
    a file, write-lake's retry; an archive folder that is a file, the crawl's a minute later."""
    data_file = tmp_path / "data-file"
    data_file.write_text("")
    (tmp_path / "lake").write_text("")
    (tmp_path / "archive").write_text("")
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text("A title\n\nAnn Lee said: \u201cTrade helps.\u201d\n")

    @flow
    def failing() -> list:
        return [
            tasks.pull(str(data_file), ("state",), return_state=True),
            tasks.write_lake(str(tmp_path), "r1", [pack(ParsedBatch(), 0)], return_state=True),
            tasks.crawl_sources(tasks.resolve_sources([str(pages)]), str(tmp_path), "r1", return_state=True),
        ]

    states = failing()
    assert all(state.is_failed() for state in states)
    assert [attempts(state) for state in states] == [1, 1, 1]
