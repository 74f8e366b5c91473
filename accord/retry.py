"""Which failures a task retries: only those another attempt can fix, a network or storage
hiccup. Everything else (a permission, a file where a folder should be, a missing file, a full
or read-only disk, a damaged archive, a model's SQL error, a failed data check, a config
mistake) fails every attempt alike, so retrying it only makes the user wait for the same error.
"""
from __future__ import annotations

import errno
import gzip
import io

import requests

# OSError subclasses and errnos that name the state of the machine, not a passing fault
FIXED = (PermissionError, FileNotFoundError, FileExistsError, NotADirectoryError, IsADirectoryError,
         gzip.BadGzipFile, io.UnsupportedOperation)
FIXED_ERRNOS = frozenset({errno.EACCES, errno.EPERM, errno.ENOENT, errno.EEXIST, errno.ENOTDIR,
                          errno.EISDIR, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EFBIG,
                          errno.ENAMETOOLONG, errno.ELOOP, errno.EINVAL, errno.EXDEV, errno.ENOTEMPTY,
                          errno.EBADF})
# requests' errors are OSErrors, but a bad URL or a redirect loop is one on every attempt
PASSING_REQUESTS = (requests.ConnectionError, requests.Timeout, requests.exceptions.ChunkedEncodingError)


def transient(exc: BaseException | None) -> bool:
    """True for an error worth another attempt: connections refused, reset or timed out, I/O
    errors of no fixed cause, object storage's connection errors."""
    import aiohttp
    import botocore.exceptions

    if isinstance(exc, requests.RequestException):
        return isinstance(exc, PASSING_REQUESTS)
    if isinstance(exc, botocore.exceptions.ConnectionError | botocore.exceptions.HTTPClientError
                  | aiohttp.ClientConnectionError | aiohttp.ClientPayloadError):
        return True
    if not isinstance(exc, OSError) or isinstance(exc, FIXED):
        return False
    return exc.errno not in FIXED_ERRNOS


def retry_transient(task, task_run, state) -> bool:
    """A Prefect retry_condition_fn: a failed attempt is retried only when its error is transient."""
    return transient(state.result(raise_on_failure=False))
