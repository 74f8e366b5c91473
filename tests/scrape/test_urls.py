from hypothesis import given
from hypothesis import strategies as st

from accord.scrape.urls import canonicalize_url, host_key


def test_canonical_spelling():
    assert canonicalize_url("HTTP://News.Example.COM:80/a/./b/../c?b=2&utm_source=x&a=1&fbclid=z#top") \
        == "http://news.example.com/a/c?a=1&b=2"
    assert canonicalize_url("https://example.org:443") == "https://example.org/"
    assert canonicalize_url("https://example.org:8443/x") == "https://example.org:8443/x"
    assert canonicalize_url("https://example.org/%7euser/%2f?q=%e2") == "https://example.org/~user/%2F?q=%E2"
    assert canonicalize_url("https://example.org/?gclid=1&mc_cid=2&mc_eid=3") == "https://example.org/"


def test_non_http_urls_keep_their_path():
    url = "file:///tmp/some folder/a.html"
    assert canonicalize_url(url + "#x") == url


def test_host_key_names_scheme_host_and_port():
    assert host_key("https://Example.org/a") == "https://example.org:443"
    assert host_key("http://127.0.0.2:8080/") == "http://127.0.0.2:8080"


segment = st.text(alphabet="abcXYZ019-._~%2F", max_size=6)
query = st.lists(st.tuples(st.sampled_from(["a", "B", "utm_medium", "gclid", "q"]), segment), max_size=4)


@given(st.sampled_from(["http", "HTTPS"]), st.sampled_from(["Example.org", "news.example.com:8080"]),
       st.lists(st.sampled_from(["a", "..", ".", "b%7e", ""]), max_size=5), query)
def test_canonicalization_is_idempotent_and_order_free(scheme, host, parts, pairs):
    path = "/" + "/".join(parts)
    url = f"{scheme}://{host}{path}?" + "&".join(f"{k}={v}" for k, v in pairs)
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once
    shuffled = f"{scheme}://{host}{path}?" + "&".join(f"{k}={v}" for k, v in reversed(pairs))
    assert canonicalize_url(shuffled) == once
    assert "utm_" not in once and "gclid" not in once


def test_an_internationalized_host_has_one_readable_spelling():
    readable = canonicalize_url("https://Blog.Bücher.example/Seite")
    assert readable == "https://blog.bücher.example/Seite"
    assert canonicalize_url("https://blog.xn--bcher-kva.example/Seite") == readable
