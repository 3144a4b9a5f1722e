"""The web app and its JSON twins, in process, over a real library holding the seed reviews."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from critic.library import Library
from critic.records import Overrides
from critic.web.app import WebConfig, create_app
from critic.web.charts import score_histogram, timeline
from critic.web.highlight import mark, segments
from critic.web.views import safe_link

XSS_TEXT = (
    "Night Harbor is a <script>alert('pwned')</script> thriller that never finds its footing. "
    "The plot is dull and the acting is flat. <img src=x onerror=alert(2)> A tedious mess.\n\n"
    "Its finale is the worst of the year."
)
XSS_NAME = "<b onmouseover=alert(3)>Critic</b>"


@pytest.fixture
def seeded(library: Library, seeds_dir: Path) -> Library:
    report = library.ingest([str(p) for p in sorted(seeds_dir.glob("*.txt"))])
    assert not report.failed, report.failed
    return library


@pytest.fixture
def client(seeded: Library) -> Iterator[TestClient]:
    with TestClient(create_app(seeded, WebConfig())) as c:
        yield c


def the_film(lib: Library) -> dict[str, Any]:
    films = lib.films()
    assert films, "the seeds should give at least one film"
    return films[0]


# --------------------------------------------------------------------- done-when on the seeds
def test_home_links_each_film(client: TestClient, seeded: Library) -> None:
    page = client.get("/")
    assert page.status_code == 200
    for film in seeded.films(limit=1000):
        assert f'href="/films/{film["id"]}"' in page.text
        assert html.escape(film["title"]) in page.text


def test_film_page_shows_verdict_both_reviews_dates_and_share(client: TestClient,
                                                              seeded: Library) -> None:
    film = the_film(seeded)
    assert film["reviews"] == 2
    page = client.get(f"/films/{film['id']}")
    assert page.status_code == 200
    text = page.text
    assert "Fresh" in text and "100%" in text
    dossier = seeded.film(film["id"])
    for review in dossier["reviews"]:
        assert f'href="/reviews/{review["id"]}"' in text
        assert review["published"] and f'datetime="{review["published"]}"' in text
    assert "<svg" in text and "<title" in text  # charts are inline SVG with titles


def test_film_json_twin_returns_the_same_data(client: TestClient, seeded: Library) -> None:
    film = the_film(seeded)
    got = client.get(f"/films/{film['id']}.json")
    assert got.status_code == 200 and got.headers["content-type"].startswith("application/json")
    data = got.json()
    dossier = seeded.film(film["id"])
    assert data["film"] == dossier["film"]
    assert data["aggregate"]["percent_positive"] == 100
    assert data["aggregate"] == dossier["aggregate"]
    assert [r["id"] for r in data["reviews"]] == [r["id"] for r in dossier["reviews"]]
    assert data["fresh"] is True
    assert data["pagination"]["total"] == 2


# --------------------------------------------------------------------- every route and its JSON
def route_paths(lib: Library) -> list[str]:
    film = the_film(lib)
    review_id = lib.reviews(limit=1)[0]["id"]
    paths = ["/", "/films", f"/films/{film['id']}", f"/reviews/{review_id}", "/people",
             "/critics", "/outlets", "/search?q=love", "/add"]
    people = lib.people(limit=1)
    if people:
        paths.append(f"/people/{people[0]['id']}")
    for kind, plural in (("critic", "critics"), ("outlet", "outlets")):
        found = lib.sources(kind, limit=1)
        if found:
            paths.append(f"/{plural}/{found[0]['id']}")
    return paths


def json_path(path: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return base + ".json" + (f"?{query}" if query else "")


def test_every_page_renders_html_and_its_json_twin(client: TestClient, seeded: Library) -> None:
    for path in route_paths(seeded):
        page = client.get(path)
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html"), path
        assert "<main" in page.text, path
        twin = client.get(json_path(path))
        assert twin.status_code == 200, json_path(path)
        assert isinstance(twin.json(), dict), json_path(path)


def test_person_page_lists_films_and_what_critics_said(client: TestClient, seeded: Library) -> None:
    people = seeded.people(limit=1)
    if not people:
        pytest.skip("the extraction stage found nobody in the seeds")
    data = client.get(f"/people/{people[0]['id']}.json").json()
    assert data["person"]["name"] == people[0]["name"]
    assert data["films"] and data["films"][0]["id"] == the_film(seeded)["id"]


def test_review_page_marks_evidence_and_links_raw_input(client: TestClient,
                                                        seeded: Library) -> None:
    review = seeded.reviews(limit=1)[0]
    page = client.get(f"/reviews/{review['id']}")
    data = client.get(f"/reviews/{review['id']}.json").json()
    assert data["text"] and data["raw_path"] == f"/reviews/{review['id']}/raw"
    assert f'href="/reviews/{review["id"]}/raw"' in page.text
    if data["evidence"]:
        assert 'class="m-pos' in page.text or 'class="m-neg' in page.text
    raw = client.get(data["raw_path"])
    assert raw.status_code == 200 and raw.headers["content-type"].startswith("text/plain")
    assert raw.content == bytes(seeded.raw(review["id"])["raw"])


def test_search_finds_review_snippets_with_matches_marked(client: TestClient) -> None:
    data = client.get("/search.json?q=love").json()
    assert data["reviews"], "the second seed says 'the best love story of the year'"
    hit = data["reviews"][0]
    assert any(hit["snippet"][m["start"]:m["end"]].lower().startswith("love") for m in hit["marks"])
    assert "\x02" not in hit["snippet"]
    assert '<mark class="m-match">' in client.get("/search?q=love").text


def test_lists_are_paginated(client: TestClient, seeded: Library) -> None:
    seeded.ingest_text("A second film. Ember Hollow is a dull, tedious mess.", "t",
                       Overrides(film="Ember Hollow", year=2001))
    first = client.get("/index.json?per_page=1").json()
    second = client.get("/index.json?per_page=1&page=2").json()
    assert first["pagination"]["has_next"] and not second["pagination"]["has_next"]
    assert first["films"][0]["id"] != second["films"][0]["id"]
    film = the_film(seeded)
    page_two = client.get(f"/films/{film['id']}.json?per_page=1&page=2").json()
    assert len(page_two["reviews"]) == 1 and page_two["pagination"]["has_prev"]
    assert 'rel="next"' in client.get("/?per_page=1").text


def test_film_page_shows_a_review_added_by_another_writer(client: TestClient,
                                                          seeded: Library) -> None:
    film = the_film(seeded)
    before = client.get(f"/films/{film['id']}.json").json()
    assert client.get(f"/films/{film['id']}.json").json() == before  # served again, unchanged
    report = seeded.ingest_text("A third look. It is brilliant, gripping and superb.", "third.txt",
                                Overrides(film=film["title"], year=film["year"]))
    assert report.added
    after = client.get(f"/films/{film['id']}.json").json()
    assert after["aggregate"]["reviews"] == before["aggregate"]["reviews"] + 1


def test_film_cache_reuses_a_page_only_while_the_film_is_unchanged(seeded: Library) -> None:
    from critic.web.cache import FilmPageCache

    cache = FilmPageCache(size=4)
    film_id = the_film(seeded)["id"]
    builds: list[int] = []

    def build() -> dict[str, Any]:
        builds.append(1)
        return {"n": len(builds)}

    assert cache.get(seeded, film_id, 1, 25, build) == {"n": 1}
    assert cache.get(seeded, film_id, 1, 25, build) == {"n": 1}
    assert cache.get(seeded, film_id, 2, 25, build) == {"n": 2}  # another page is another entry
    seeded.reanalyse(scores_only=True)  # rewrites scores in place
    seeded.ingest_text("Another view: dull, tedious and flat.", "fourth.txt",
                       Overrides(film=the_film(seeded)["title"], year=the_film(seeded)["year"]))
    assert cache.get(seeded, film_id, 1, 25, build) == {"n": 3}
    assert (cache.hits, cache.misses) == (1, 3)


# --------------------------------------------------------------------- errors
def test_errors_are_json_with_the_right_status(client: TestClient) -> None:
    for path, status in [("/films/99999.json", 404), ("/reviews/nope.json", 404),
                         ("/people/99999.json", 404), ("/critics/99999.json", 404),
                         ("/no-such-page.json", 404), ("/index.json?page=abc", 422)]:
        got = client.get(path)
        assert got.status_code == status, path
        assert got.json()["error"]["status"] == status, path
    page = client.get("/films/99999")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")


# --------------------------------------------------------------------- security
def test_untrusted_text_is_escaped_everywhere(seeded: Library) -> None:
    seeded.ingest_text(XSS_TEXT, "<script>src</script>.txt",
                       Overrides(film="Night <Harbor>", critic=XSS_NAME, outlet="<i>Out</i>"))
    seeded.ingest_text("Fine film. A brilliant, gripping story.", "x.txt",
                       Overrides(film="Link Test", critic="Someone"))
    with TestClient(create_app(seeded, WebConfig())) as client:
        review = next(r for r in seeded.reviews(limit=100)
                      if "onerror" in seeded.review(r["id"])["text"])
        pages = [f"/reviews/{review['id']}", "/", "/critics", "/outlets", "/search?q=harbor"]
        if review["film"]:
            pages.append(f"/films/{review['film']['id']}")
        if review["critic_id"]:
            pages.append(f"/critics/{review['critic_id']}")
        for path in pages:
            body = client.get(path).text
            assert "<script>alert" not in body, path
            assert "<img src=x" not in body, path
            assert "<b onmouseover" not in body and "<i>Out</i>" not in body, path
        body = client.get(f"/reviews/{review['id']}").text
        assert "&lt;script&gt;alert(" in body and "&lt;img src=x onerror=alert(2)&gt;" in body
        assert client.get(f"/reviews/{review['id']}").headers["content-security-policy"]


def test_only_http_urls_become_links() -> None:
    assert safe_link("https://example.org/review") == "https://example.org/review"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,<script>") is None
    assert safe_link("/etc/passwd") is None
    assert safe_link(None) is None


def test_highlight_segments_keep_text_and_nest_marks() -> None:
    text = "Cage is superb. The plot sags."
    marks = [m for m in (mark(0, 15, "pos"), mark(0, 4, "person", "/people/1", "Nicolas Cage"),
                         mark(16, 30, "neg"), mark(5, 99, "work"), mark("x", 3, "film")) if m]
    pieces = segments(text, marks)
    assert "".join(p["text"] for p in pieces) == text
    assert pieces[0] == {"text": "Cage", "kinds": ["pos", "person"], "href": "/people/1",
                         "title": "Nicolas Cage"}
    assert any(p["kinds"] == ["neg", "work"] for p in pieces)
    with pytest.raises(ValueError):
        mark(0, 1, "onclick")


def test_charts_have_labelled_bars_and_fill_gaps_in_time() -> None:
    chart = score_histogram([{"from": 0, "to": 10, "count": 0}, {"from": 10, "to": 20, "count": 3}])
    assert chart["bars"][1]["label"] == "Scores 10–20: 3 reviews"
    assert chart["bars"][0]["height"] == 0
    points = timeline(["1995-10-27", "1995-12-01", None])
    assert [p["period"] for p in points] == ["1995-10", "1995-11", "1995-12"]
    assert [p["count"] for p in points] == [1, 0, 1]
    assert [p["period"] for p in timeline(["1990-01-01", "1999-05-05"])][:2] == ["1990", "1991"]


def test_read_only_turns_writes_off(seeded: Library) -> None:
    with TestClient(create_app(seeded, WebConfig(read_only=True))) as client:
        got = client.post("/add.json", data={"text": "A brilliant film."})
        assert got.status_code == 403 and got.json()["error"]["status"] == 403
        assert client.post("/reanalyse.json").status_code == 403
        assert "read-only" in client.get("/add").text
        assert 'href="/add"' not in client.get("/").text


def test_write_routes_need_the_token_when_one_is_set(seeded: Library) -> None:
    with TestClient(create_app(seeded, WebConfig(token="s3cret"))) as client:
        text = {"text": "Tin Lantern is brilliant, gripping and superb.", "film": "Tin Lantern"}
        assert client.post("/add.json", data=text).status_code == 401
        wrong = {"authorization": "Bearer nope"}
        assert client.post("/add.json", data=text, headers=wrong).status_code == 401
        got = client.post("/add.json", data=text, headers={"authorization": "Bearer s3cret"})
        assert got.status_code == 201
        added = got.json()["added"][0]
        assert added["film"]["title"] == "Tin Lantern"
        assert client.get(f"/reviews/{added['id']}.json").status_code == 200
        again = client.post("/add", data={**text, "token": "s3cret"})  # the token as a form field
        assert again.status_code == 200 and "Already in the library" in again.text


def test_add_accepts_an_upload_and_refuses_oversized_bodies(seeded: Library) -> None:
    with TestClient(create_app(seeded, WebConfig(max_upload_bytes=4096))) as client:
        body = b"Copper Sky is superb and gripping. The best film of the year."
        files = {"file": ("review.txt", body, "text/plain")}
        got = client.post("/add.json", data={"film": "Copper Sky"}, files=files)
        assert got.status_code == 201, got.text
        big = {"file": ("big.txt", b"word " * 2000, "text/plain")}
        got = client.post("/add.json", files=big)
        assert got.status_code == 413 and got.json()["error"]["status"] == 413


def test_add_refuses_non_http_urls_and_empty_input(client: TestClient) -> None:
    got = client.post("/add.json", data={"url": "file:///etc/passwd"})
    assert got.status_code == 400
    assert client.post("/add.json", data={"url": "/etc/passwd"}).status_code == 400
    assert client.post("/add.json", data={}).status_code == 400


def test_add_says_who_wrote_the_review_and_refuses_an_unknown_writer(
    client: TestClient, seeded: Library
) -> None:
    text = "Copper Sky is superb and gripping. The best film of the year."
    got = client.post("/add.json", data={"text": "Reed Harbour is dull.", "writer": "editor"})
    assert got.status_code == 422 and "writer" in got.json()["error"]["message"]
    got = client.post("/add.json", data={"text": text, "writer": "user"})
    assert got.status_code == 201, got.text
    assert seeded.review(got.json()["added"][0]["id"])["meta"]["writer"] == "user"


def test_add_form_is_labelled(client: TestClient) -> None:
    page = client.get("/add").text
    for field in ("text", "file", "url", "film", "year", "critic", "outlet", "published", "writer"):
        assert re.search(rf'<label for="{field}"', page), field
        assert f'id="{field}"' in page


def test_openapi_and_docs_ship_offline(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/films/{film_id}.json" in schema["paths"] and "/add.json" in schema["paths"]
    docs = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in docs
    assert not re.search(r'(src|href)="https?://', docs)
    assert client.get("/static/swagger-ui-bundle.js").status_code == 200
    home = client.get("/").text
    assert not re.search(r'(src|href)="(https?:)?//', home)


def test_factory_reads_its_settings_from_the_environment(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    config = WebConfig(db=str(tmp_path / "lib.db"), read_only=False, token="t", max_upload_bytes=10)
    for key, value in config.to_env().items():
        monkeypatch.setenv(key, value)
    assert WebConfig.from_env() == config
    app = create_app()
    assert app.state.config == config
    app.state.library.close()


def test_serve_command_has_its_options() -> None:
    from click.testing import CliRunner

    from critic.cli.serve import serve

    out = CliRunner().invoke(serve, ["--help"]).output
    for option in ("--host", "--port", "--db", "--read-only", "--token", "--workers"):
        assert option in out


def test_shared_worker_socket_is_tcp_so_responses_are_not_delayed() -> None:
    import socket

    from critic.cli.serve import tcp_socket

    sock = tcp_socket("127.0.0.1", 0)
    try:
        assert sock.proto == socket.IPPROTO_TCP  # asyncio sets TCP_NODELAY only then
        assert sock.get_inheritable()
    finally:
        sock.close()
