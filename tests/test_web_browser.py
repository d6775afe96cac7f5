"""The real server (uvicorn on a free localhost port) over a real store, driven by Debian's chromium (headless, through
Playwright): the example article's page, Rudenko's highlighted statement and its popover, his actor page, a search.

Screenshots go to tests/artifacts/ (gitignored). Skipped when /usr/bin/chromium or the playwright package is
missing; never run `playwright install` (it downloads browsers): `apt-get install chromium` gives the browser.
Set SAYWHO_DOCS_SCREENSHOT=1 to refresh docs/img/article-page.png as well.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
pytest.importorskip("fastapi", reason="fastapi is not installed")

from saywho.web import create_app  # noqa: E402
from web_data import XSS, WebStore, build_store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
DOCS_IMG = REPO / "docs" / "img" / "article-page.png"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pipeline) -> WebStore:
    return build_store(tmp_path_factory.mktemp("browser"), pipeline)


@pytest.fixture(scope="module")
def server(store: WebStore, pipeline) -> Iterator[str]:
    """uvicorn serving the store, in a thread of this process, on a free port of 127.0.0.1."""
    port = free_port()
    config = uvicorn.Config(
        create_app(store.db, pipeline=pipeline), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        playwright = sync_api.sync_playwright().start()
    try:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 900},
        )
    except Exception as err:  # a chromium that cannot start here is an environment problem, said plainly
        playwright.stop()
        pytest.skip(f"chromium did not start: {str(err).splitlines()[0]}")
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()
    playwright.stop()


@pytest.fixture()
def page(browser):
    page = browser.new_page()
    page.problems = []  # console errors, page errors and dialogs: none is expected
    page.on("console", lambda m: page.problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))

    def on_dialog(dialog):
        page.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    page.close()


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_article_popover_actor_page_and_search(page, server: str, store: WebStore) -> None:
    expect = sync_api.expect
    page.goto(f"{server}/articles/{store.example_id}")
    expect(page.locator("h1")).to_contain_text("Island task")
    expect(page.locator(".provenance")).to_contain_text("Yandex Translator")

    source = page.locator(".hl-source", has_text="Andrei Rudenko").first
    expect(source).to_be_visible()
    key = source.get_attribute("data-s")
    assert key and not source.get_attribute("title")  # the script turned the native tooltip into the popover
    source.hover()
    popover = page.locator("#popover")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Andrei Rudenko")
    expect(popover).to_contain_text("Deputy Foreign Minister")
    expect(popover).to_contain_text("told")
    assert page.locator(f'.hl.active[data-s="{key}"]').count() >= 2  # source, cue and content light up together
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "article-page.png"))  # the viewport, popover open
    if os.environ.get("SAYWHO_DOCS_SCREENSHOT"):
        DOCS_IMG.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_IMG), clip={"x": 0, "y": 0, "width": 1280, "height": 760})  # < 300 KB

    source.click()  # pins the popover, so that its link can be followed
    expect(popover).to_have_class(re.compile(r"\bpinned\b"))
    popover.locator("a.pop-actor").click()
    page.wait_for_url(re.compile(r"/actors/\d+$"))
    expect(page.locator("h1")).to_contain_text("Andrei Rudenko")
    expect(page.locator("table.roles")).to_contain_text("Deputy Foreign Minister")
    expect(page.locator("svg.stance-chart")).to_be_visible()
    expect(page.locator("svg.stance-chart")).to_contain_text("2025-05")
    shoot(page, "actor-page.png")

    page.fill("header input[name=q]", "sanctions")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=sanctions"))
    results = page.locator(".results .card")
    expect(results.first).to_be_visible()
    assert results.count() >= 3
    expect(page.locator(".results mark").first).to_have_text(re.compile("sanctions", re.I))
    expect(page.locator(".result-count")).to_contain_text("matching “sanctions”")
    shoot(page, "search-sanctions.png")
    assert page.problems == []


def test_search_filters_and_issue_page(page, server: str) -> None:
    page.goto(f"{server}/search")
    page.fill("main input[name=q]", "sanctions")
    page.fill("main input[name=actor]", "Rudenko")
    page.select_option("main select[name=issue]", "sanctions")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"actor=Rudenko"))
    cards = page.locator(".results .card")
    sync_api.expect(cards.first).to_be_visible()
    assert all("Andrei Rudenko" in text for text in cards.all_inner_texts())
    page.locator(".results .card .issue-label", has_text="sanctions").first.wait_for()
    page.goto(f"{server}/issues")
    page.click("text=sanctions")
    sync_api.expect(page.locator("table.matrix")).to_contain_text("Andrei Rudenko")
    sync_api.expect(page.locator(".conditions")).to_contain_text("only if Tokyo lifts the sanctions")
    shoot(page, "issue-sanctions.png")
    assert page.problems == []


def test_script_in_an_article_stays_text(page, server: str, store: WebStore) -> None:
    page.goto(f"{server}/articles/{store.xss_id}")
    text = page.locator("#article-text")
    sync_api.expect(text).to_contain_text(XSS)
    sync_api.expect(page.locator("h1")).to_have_text("Springfield <b>mayor</b> rejects the sanctions plan")
    assert page.locator("#article-text script").count() == 0
    shoot(page, "article-with-script.png")
    assert page.problems == []  # in particular, no alert dialog


def test_analyze_page(page, server: str) -> None:
    page.goto(f"{server}/analyze")
    page.fill(
        "textarea[name=text]", "Talks\n\nForeign Minister Toshimitsu Motegi said that Japan wants a peace treaty.\n"
    )
    page.click("main button[type=submit]")
    sync_api.expect(page.locator(".banner")).to_contain_text("not stored")
    sync_api.expect(page.locator("#article-text .hl-source").first).to_contain_text("Motegi")
    shoot(page, "analyze-result.png")
    page.goto(f"{server}/analyze")
    page.click("main button[type=submit]")
    sync_api.expect(page.locator(".error")).to_contain_text("nothing to analyse")
    assert [p for p in page.problems if "status of 400" not in p] == []  # the refusal itself is a 400
