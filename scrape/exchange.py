"""One HTTP GET with hard limits: connect and read timeouts, a total deadline, a size cap,
a decoded-size cap (decompression bombs), and no non-public address unless its origin is allowed."""
from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from urllib.parse import quote, urlsplit

from accord.scrape.urls import host_key

CHUNK = 64 * 1024
# metadata services outside the link-local ranges: Alibaba Cloud's, and AWS's IPv6 one
METADATA_ADDRESSES = frozenset({ipaddress.ip_address("100.100.100.200"), ipaddress.ip_address("fd00:ec2::254")})
_PRINTABLE = "".join(chr(code) for code in range(33, 127))


@dataclass
class Exchange:
    """One HTTP request and its complete response, as sent and received."""
    url: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    http_version: str  # e.g. "HTTP/1.1"
    response_headers: list[tuple[str, str]]
    raw_body: bytes  # as transmitted (content-encoded), chunking undone
    body: bytes  # content-encoding undone
    fetched_at: datetime  # UTC, naive

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.response_headers if key.lower() == name), None)


@dataclass
class Limits:
    connect_timeout: float
    read_timeout: float
    deadline: float  # seconds for the whole exchange, body included
    max_bytes: int  # raw and decoded


class FetchError(Exception):
    """A failed exchange. `retryable`: worth another attempt in this run. `refused`: a policy
    decision (logged as skipped, never retried), not a failure."""

    def __init__(self, reason: str, *, retryable: bool = False, refused: bool = False):
        super().__init__(reason)
        self.reason, self.retryable, self.refused = reason, retryable, refused


@dataclass(frozen=True)
class Access:
    """Which non-public addresses a GET may reach, by the URL's origin (scheme://host:port, as
    accord.scrape.urls.host_key spells it): the origins of configured sources, never a whole host.
    Private, loopback and other non-global addresses need the origin in `private`; link-local
    and cloud-metadata addresses, which hand out a cloud machine's credentials, need it in
    `link_local` (a source's allow_link_local option). `connect_to` sends an origin's
    connections to a fixed (address, port) instead of resolving its host."""
    private: frozenset[str] = frozenset()
    link_local: frozenset[str] = frozenset()
    connect_to: dict[str, tuple[str, int]] = field(default_factory=dict, hash=False)

    def refusal(self, origin: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        """Why `origin` may not connect to `address`, or None."""
        if is_link_local(address):
            if origin in self.link_local:
                return None
            return (f"link-local or cloud-metadata address {address} (a source reaches it only "
                    f"with allow_link_local = true)")
        if is_non_public(address) and origin not in self.private:
            return f"non-public address {address}"
        return None


def get(url: str, headers: list[tuple[str, str]], limits: Limits, *, access: Access = Access(),
        check_headers: Callable[[int, http.client.HTTPResponse], str | None] | None = None) -> Exchange:
    """GET `url` once, to an address `access` allows for the URL's origin.
    `check_headers(status, response)` may refuse the body (a reason) before it is read."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"scheme {scheme or 'missing'!r} is not http(s)", refused=True)
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        raise FetchError("invalid port", refused=True) from None
    conn = http.client.HTTPConnection(host, port or (443 if scheme == "https" else 80),
                                      timeout=limits.connect_timeout)
    started = time.monotonic()
    expired = threading.Event()

    def expire() -> None:  # unblocks a read that a dripping server keeps alive
        expired.set()
        sock = conn.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(limits.deadline, expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.sock = _connect(scheme, host, conn.port, limits.connect_timeout, host_key(url), access)
        return _exchange(conn, url, parts, headers, limits, check_headers, started, expired)
    except FetchError:
        raise
    except Exception as exc:
        if expired.is_set():
            raise FetchError(f"page deadline of {limits.deadline:g}s exceeded") from None
        raise _classify(exc) from None
    finally:
        watchdog.cancel()
        conn.close()


def _connect(scheme: str, host: str, port: int, timeout: float, origin: str, access: Access) -> socket.socket:
    """A connected (and for https, TLS-wrapped) socket to an address checked before connecting:
    the check and the connection use the same resolved address, so DNS cannot slip past it."""
    infos = resolve(host, port, origin, access)
    refusals = [access.refusal(origin, _address(info)) for info in infos]
    allowed = [info for info, refusal in zip(infos, refusals, strict=True) if refusal is None]
    if not allowed:
        raise FetchError(f"refused: {host} resolves to {refusals[0]}", refused=True)
    error: OSError | None = None
    for family, kind, proto, _, address in allowed:
        sock = socket.socket(family, kind, proto)
        sock.settimeout(timeout)
        try:
            sock.connect(address)
        except OSError as exc:
            sock.close()
            error = exc
            continue
        if scheme == "https":
            sock = _tls().wrap_socket(sock, server_hostname=host)
        return sock
    raise error


def resolve(host: str, port: int, origin: str, access: Access) -> list:
    """getaddrinfo() for a connection to `origin`, or to where `access` sends it."""
    target = access.connect_to.get(origin)
    return socket.getaddrinfo(*(target or (host, port)), type=socket.SOCK_STREAM)


def _address(info) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(info[4][0].split("%")[0])


def _exchange(conn, url, parts, headers, limits, check_headers, started, expired) -> Exchange:
    conn.sock.settimeout(limits.read_timeout)
    target = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=_PRINTABLE)
    sent = [("Host", parts.netloc.rpartition("@")[2]), *headers]
    conn.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
    for name, value in sent:
        conn.putheader(name, value)
    conn.endheaders()
    response = conn.getresponse()
    fetched_at = datetime.now(UTC).replace(tzinfo=None)
    lengths = [int(n) for n in (response.getheader("Content-Length") or "").split(",") if n.strip().isdigit()]
    if lengths and max(lengths) > limits.max_bytes:
        raise FetchError(f"too large: Content-Length {max(lengths)} exceeds {limits.max_bytes} bytes",
                         refused=True)
    if check_headers is not None:
        refusal = check_headers(response.status, response)
        if refusal:
            raise FetchError(refusal, refused=True)
    decoder = _Decoder(response.getheader("Content-Encoding"), limits.max_bytes)
    raw = bytearray()
    while True:
        if expired.is_set() or time.monotonic() - started > limits.deadline:
            raise FetchError(f"page deadline of {limits.deadline:g}s exceeded")
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        raw += chunk
        if len(raw) > limits.max_bytes:
            raise FetchError(f"too large: body exceeds {limits.max_bytes} bytes", refused=True)
        decoder.feed(chunk)
    if expired.is_set():
        raise FetchError(f"page deadline of {limits.deadline:g}s exceeded")
    if response.length:  # http.client's read1 does not notice a body cut short
        raise FetchError(f"truncated body: {response.length} bytes missing", retryable=True)
    return Exchange(url=url, request_headers=sent, status=response.status, reason=response.reason or "",
                    http_version="HTTP/1.0" if response.version == 10 else "HTTP/1.1",
                    response_headers=response.getheaders(), raw_body=bytes(raw), body=decoder.finish(),
                    fetched_at=fetched_at)


class _Decoder:
    """Undo Content-Encoding while counting decoded bytes, so a small bomb cannot inflate."""

    def __init__(self, encoding: str | None, limit: int):
        self._encoding = (encoding or "identity").strip().lower()
        if self._encoding not in ("identity", "", "gzip", "x-gzip", "deflate"):
            raise FetchError(f"unsupported content-encoding {self._encoding!r}", refused=True)
        self._limit, self._zlib, self._out = limit, None, bytearray()

    def feed(self, chunk: bytes) -> None:
        if self._encoding in ("identity", ""):
            self._out += chunk
            return
        if self._zlib is None:
            self._zlib = zlib.decompressobj(self._wbits(chunk))
        room = self._limit - len(self._out)
        try:
            out = self._zlib.decompress(chunk, room + 1)
        except zlib.error as exc:
            raise FetchError(f"corrupt {self._encoding} body: {exc}") from None
        if len(out) > room or self._zlib.unconsumed_tail:
            raise FetchError(f"refused: decoded body exceeds {self._limit} bytes (decompression bomb)",
                             refused=True)
        self._out += out

    def finish(self) -> bytes:
        if self._zlib is not None:
            self._out += self._zlib.flush()
        return bytes(self._out)

    def _wbits(self, head: bytes) -> int:
        if self._encoding != "deflate":
            return 16 + zlib.MAX_WBITS
        # "deflate" is meant to be zlib-wrapped, but servers often send raw deflate
        wrapped = len(head) >= 2 and head[0] & 0x0F == 8 and ((head[0] << 8) | head[1]) % 31 == 0
        return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS


def is_non_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Any address but a global unicast one: private, loopback, shared (CGNAT), reserved..."""
    address = _unmapped(address)
    return (not address.is_global or address.is_private or address.is_loopback or address.is_link_local
            or address.is_reserved or address.is_multicast or address.is_unspecified)


def is_link_local(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Link-local (169.254.0.0/16, fe80::/10), where cloud machines find their metadata service,
    or one of the clouds' other metadata addresses."""
    address = _unmapped(address)
    return address.is_link_local or address in METADATA_ADDRESSES


def _unmapped(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _classify(exc: Exception) -> FetchError:
    if isinstance(exc, http.client.IncompleteRead):
        return FetchError(f"truncated body: {len(exc.partial)} bytes read", retryable=True)
    if isinstance(exc, socket.gaierror):
        return FetchError(f"DNS lookup failed: {exc}")
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return FetchError(f"TLS error: {exc}")
    if isinstance(exc, TimeoutError):
        return FetchError("timeout", retryable=True)
    if isinstance(exc, ConnectionRefusedError):
        return FetchError("connection refused", retryable=True)
    if isinstance(exc, http.client.RemoteDisconnected | ConnectionError):
        return FetchError(f"connection error: {exc}", retryable=True)
    if isinstance(exc, http.client.HTTPException):
        return FetchError(f"bad HTTP response: {type(exc).__name__}: {exc}", retryable=True)
    if isinstance(exc, OSError):
        return FetchError(f"network error: {exc}", retryable=True)
    return FetchError(f"{type(exc).__name__}: {exc}")


@cache
def _tls() -> ssl.SSLContext:
    return ssl.create_default_context()
