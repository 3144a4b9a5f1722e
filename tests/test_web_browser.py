"""End to end in headless Chromium against a real uvicorn server over a real SQLite library.

Uses Debian's `chromium` through Playwright's Python package (no browser download); skips
cleanly where no chromium binary is installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from critic.library import Library, open_library
from critic.records import Overrides
from critic.web.app import WebConfig, create_app

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = ("Night Harbor is a <script>window.__pwned = 1</script> thriller. The plot is dull. "
           "<img src=x onerror=\"window.__pwned = 2\"> A tedious mess, the worst of the year.")


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Iterator[dict[str, Any]]:
    import uvicorn

    lib: Library = open_library(tmp_path_factory.mktemp("web") / "library.db")
    report = lib.ingest([str(p) for p in sorted(seeds_dir.glob("*.txt"))])
    assert not report.failed, report.failed
    given = Overrides(film="Night Harbor", critic="<b onmouseover=alert(1)>X</b>")
    hostile = lib.ingest_text(HOSTILE, "hostile.txt", given)
    port = free_port()
    config = uvicorn.Config(create_app(lib, WebConfig()), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the web server did not start")
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "library": lib, "hostile_id": hostile.added[0]}
    server.should_exit = True
    thread.join(timeout=10)
    lib.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        if os.environ.get("CI"):  # CI installs it (make browser): missing there is a failure
            pytest.fail("no chromium binary in CI: `make browser` should have installed it")
        pytest.skip("no chromium binary (install Debian's chromium package)")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def test_home_to_film_to_review_to_person(site: dict[str, Any], page: Any) -> None:
    page.goto(site["base"] + "/")
    film = site["library"].films()[0]
    page.get_by_role("link", name=film["title"]).first.click()
    page.wait_for_url(f"**/films/{film['id']}")
    assert page.get_by_role("heading", level=1).inner_text().startswith(film["title"])
    assert "100%" in page.locator(".badge").inner_text()
    assert page.locator(".review-card").count() == 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "film-page.png"), full_page=True)

    page.locator(".review-card a", has_text="Read the review").first.click()
    page.wait_for_url("**/reviews/*")
    assert page.locator("#review-text").inner_text().strip()
    person = page.locator("#review-text a.m-person").first
    if person.count() == 0:  # fall back to the film's cast list
        page.go_back()
        person = page.locator(".people a").first
    assert person.count() == 1, "the seeds name their cast; a person link should be on the page"
    name = person.inner_text()
    person.click()
    page.wait_for_url("**/people/*")
    assert page.get_by_role("heading", level=1).inner_text().strip()
    assert name.split()[-1] in page.get_by_role("heading", level=1).inner_text() or name


def test_hostile_review_text_stays_text(site: dict[str, Any], page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site['base']}/reviews/{site['hostile_id']}")
    text = page.locator("#review-text").inner_text()
    assert "<script>" in text and "onerror" in text  # shown as text...
    assert page.evaluate("window.__pwned === undefined")  # ...never run
    assert page.locator("#review-text img, #review-text script, b[onmouseover]").count() == 0
    page.goto(site["base"] + "/critics")
    assert page.locator("b[onmouseover]").count() == 0
    assert not dialogs


def test_add_form_runs_the_pipeline(site: dict[str, Any], page: Any) -> None:
    page.goto(site["base"] + "/add")
    page.get_by_label("Review text").fill(
        "Glass Orchard is brilliant and gripping, the best drama of the year. Superb acting.")
    page.get_by_label("Film", exact=True).fill("Glass Orchard")
    page.get_by_role("button", name="Analyse and add").click()
    page.wait_for_load_state()
    assert "Added 1 review" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("link", name="Glass Orchard").first.click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Glass Orchard")


def test_keyboard_reaches_the_skip_link_and_search(site: dict[str, Any], page: Any) -> None:
    page.goto(site["base"] + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.get_by_label("Search films, people and reviews").fill("love")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=love")
    assert page.locator("mark.m-match").count() >= 1


def test_pages_fit_a_phone_screen(site: dict[str, Any], browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    film = site["library"].films()[0]
    phone.goto(f"{site['base']}/films/{film['id']}")
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_api_docs_load_from_the_package(site: dict[str, Any], page: Any) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site["base"] + "/docs")
    page.get_by_text("/films/{film_id}.json").first.wait_for(timeout=15_000)
    assert requested and all(url.startswith(site["base"]) for url in requested)
