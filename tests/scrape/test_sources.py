from pathlib import Path

import pytest

from accord.scrape.sources import (
    SourcesError,
    bind_sample_site,
    check_sources,
    detect_source,
    load_sources,
    uses_sample_site,
)

ROOT = Path(__file__).resolve().parents[2]


def test_default_sources_file_is_valid_and_uses_the_sample_site():
    sources = load_sources(ROOT / "config" / "sources.toml")
    assert [s.kind for s in sources] == ["feed", "sitemap"]
    assert uses_sample_site(sources)
    bound = bind_sample_site(sources, "http://127.0.0.1:8000/")
    assert bound[0].location == "http://127.0.0.1:8000/rss.xml"
    assert not uses_sample_site(bound)


def test_check_names_the_line_of_each_problem(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text("""[defaults]
rate = 2

[[source]]
name = "a"
kind = "magazine"
location = "https://example.org/"

[[source]]
name = "a"
kind = "listing"
location = "ftp://example.org/"
rate = -1
link_pattern = "("
colour = "blue"
url_template = "https://example.org/archive/"

[[source]]
kind = "folder"
location = "does/not/exist"
""")
    problems = check_sources(path)
    assert any(":6: unknown kind 'magazine'" in p for p in problems)
    assert any(":10: duplicate source name 'a' (first at line 4)" in p for p in problems)
    assert any(":12: a listing source needs an http(s) URL" in p for p in problems)
    assert any(":13: rate must be a positive number" in p for p in problems)
    assert any(":14: link_pattern is not a valid regular expression" in p for p in problems)
    assert any(":15: unknown option 'colour'" in p for p in problems)
    assert any(":16: url_template must be an http(s) URL with a {date:...} field" in p for p in problems)
    assert any(":18: source #3 needs a name" in p for p in problems)
    assert any(":20: 'does/not/exist' does not exist" in p for p in problems)
    with pytest.raises(SourcesError) as error:
        load_sources(path)
    assert error.value.problems == problems


def test_syntax_error_names_its_line(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "a"\nkind = feed\n')
    [problem] = check_sources(path)
    assert "line 3" in problem


def test_defaults_apply_to_every_source(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[defaults]\nrate = 0.5\n\n[[source]]\nname = "a"\nkind = "feed"\n'
                    'location = "https://example.org/feed"\nmax_pages = 3\n'
                    'url_template = "https://example.org/{date:%Y/%m/%d}/"\n')
    [source] = load_sources(path)
    assert source.options == {"rate": 0.5, "max_pages": 3, "url_template": "https://example.org/{date:%Y/%m/%d}/"}


def test_detect_source(tmp_path):
    assert detect_source("https://example.org/feed").kind == "auto"
    (tmp_path / "a.html").write_text("<html></html>")
    assert detect_source(str(tmp_path)).kind == "folder"
    assert detect_source(tmp_path.as_uri()).kind == "folder"
    (tmp_path / "run.warc.gz").write_bytes(b"")
    assert detect_source(str(tmp_path / "run.warc.gz")).kind == "warc"
    (tmp_path / "list.txt").write_text("# articles\nhttps://example.org/a\n\nhttp://example.org/b\n")
    assert detect_source(str(tmp_path / "list.txt")).kind == "urls"
    assert detect_source(str(tmp_path / "a.html")).kind == "folder"
    with pytest.raises(ValueError):
        detect_source(str(tmp_path / "absent"))
    with pytest.raises(ValueError):
        detect_source("ftp://example.org/")
