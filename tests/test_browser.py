"""The web UI in a real browser: Debian's headless Chromium, driven by Selenium through chromedriver.

A store built by crawling the sample site (on 127.0.0.1, with the model-free pipeline) is served by
`newsmon serve`'s server on a free loopback port; the browser searches, narrows the search to one
language, opens an entity (and its chart, where the UI draws one) and follows an article link to the
sample site. Skips with the reason when Selenium, chromium or chromedriver is missing (`.ci/run`
installs them with apt). Every wait has a timeout.
"""
from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.crawl.crawler import Crawler
from newsmon.crawl.sources import parse_sources
from newsmon.fake_pipeline import FakePipeline
from newsmon.model import Agreement, Article, Document, Party
from newsmon.samplesite import sample_sources_text
from newsmon.store.articles import Store
from newsmon.web.server import make_server

webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium is not installed (pip install selenium)")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 30  # seconds, for any one page or element (a shared 2-core machine can be slow)
# Headless, and nothing that reaches outside the loopback or writes outside the temporary profile.
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--disable-extensions", "--window-size=1024,900")
# What a chart is on a page: an inline SVG, an image (PNG/SVG, inline or served) or a canvas.
CHART = "svg, img[src*='chart'], img[src^='data:image/'], canvas"


class AgreementsPipeline(FakePipeline):
    """The model-free pipeline, plus a memorandum between the two agencies an article names (long
    party names and the widest status: what a narrow screen must fit)."""

    def process(self, doc: Document) -> Article:
        article = super().process(doc)
        ids = {m.canonical_id for m in article.mentions}
        if {"sapssi", "koica"} <= ids:
            article.agreements.append(Agreement(
                "memorandum", "memorandum of understanding",
                [Party("ASAN", "State Agency for Public Service and Social Innovations", "sapssi"),
                 Party("KOICA", "Korea International Cooperation Agency", "koica")],
                {"value": "2025-09-10", "precision": "day"}, "Baku", "implemented", "", 0, 0))
        return article


def browser_paths() -> tuple[str, str]:
    """Debian's chromium and chromedriver, or a skip naming what is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    missing = [name for name, path in (("chromium", chromium), ("chromedriver", driver)) if not path]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not installed: apt-get install chromium chromium-driver "
                    "(.ci/run does it)")
    return chromium, driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator["webdriver.Chrome"]:
    chromium, driver_path = browser_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def db(tmp_path_factory, sample_site) -> Path:
    """A crawl of the sample site (which stays served, for article links)."""
    path = tmp_path_factory.mktemp("browser") / "news.db"
    store = Store(path)
    sources = parse_sources(sample_sources_text(sample_site), "sample-site.toml")
    counts = Crawler(store, AgreementsPipeline(), report=lambda line: None).crawl(sources)
    store.close()
    assert counts.new > 20
    return path


@pytest.fixture(scope="module")
def ui(db) -> Iterator[str]:
    """The web UI's base URL."""
    server = make_server(db, port=0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=WAIT)


def wait(driver, condition, what: str):
    try:
        return WebDriverWait(driver, WAIT).until(condition)
    except TimeoutException:
        pytest.fail(f"timed out after {WAIT} s waiting for {what} (at {driver.current_url})")


def submit(driver, field: str, value: str) -> None:
    """Type into a form field and submit its form, waiting for the next page."""
    box = driver.find_element(By.NAME, field)
    box.clear()
    box.send_keys(value)
    old = driver.find_element(By.TAG_NAME, "html")
    box.submit()
    wait(driver, ec.staleness_of(old), f"the page after submitting {field}={value!r}")


def column(driver, header: str) -> list[str]:
    """The cells under `header` in the first table that has that column."""
    for table in driver.find_elements(By.TAG_NAME, "table"):
        headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        if header in headers:
            index = headers.index(header) + 1
            return [td.text for td in table.find_elements(By.CSS_SELECTOR, f"tbody tr td:nth-child({index})")]
    raise AssertionError(f"no table with a {header!r} column")


def test_search_language_filter_entity_and_article_link(browser, ui, sample_site):
    browser.get(ui + "/")
    wait(browser, ec.title_is("newsmon"), "the overview")
    submit(browser, "q", "ASAN")
    wait(browser, ec.title_contains("Search: ASAN"), "the search results")
    langs = column(browser, "lang")
    assert len(langs) > 5 and {"az", "en", "fr"} <= set(langs)
    assert browser.find_elements(By.CSS_SELECTOR, "td mark"), "matches are highlighted"

    # the language filter: the same search, French only
    submit(browser, "lang", "fr")
    assert "lang=fr" in browser.current_url
    french = column(browser, "lang")
    assert french and set(french) == {"fr"} and len(french) < len(langs)
    assert browser.find_element(By.NAME, "q").get_attribute("value") == "ASAN"  # the query is kept

    # an entity, from the entities page
    browser.find_element(By.LINK_TEXT, "Entities").click()
    wait(browser, ec.title_contains("Top entities"), "the entities page")
    browser.find_element(By.LINK_TEXT, "ASAN").click()
    wait(browser, ec.url_contains("/entity/sapssi"), "the entity page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "ASAN"
    titles = column(browser, "title")
    assert len(titles) > 20 and {"az", "en", "fr"} <= set(column(browser, "lang"))

    # an article link goes to the original page on the sample site
    link = browser.find_element(By.CSS_SELECTOR, "table tbody tr td a[href^='http']")
    title, target = link.text, link.get_attribute("href")
    assert target.startswith(sample_site)
    link.click()
    wait(browser, ec.url_to_be(target), "the article's own page")
    assert browser.find_element(By.TAG_NAME, "h1").text == title


def test_entity_page_draws_its_chart(browser, ui):
    browser.get(ui + "/entity/sapssi")
    wait(browser, ec.title_contains("ASAN"), "the entity page")
    charts = browser.find_elements(By.CSS_SELECTOR, CHART)
    assert charts, "the entity page draws its mentions over time"
    for chart in charts:
        size = chart.size
        assert size["width"] > 100 and size["height"] > 50, f"chart drawn too small: {size}"
        if chart.tag_name == "img":  # decoded, not a broken image
            assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", chart)
        elif chart.tag_name == "svg":  # has marks, not an empty frame
            assert chart.find_elements(By.CSS_SELECTOR, "path, rect, line, polyline, circle")
    # the timeline has one series per language of the mentions, named in its legend (SVG text)
    legend = browser.find_element(By.CSS_SELECTOR, "figure#chart-timeline svg").text.split()
    assert {"az", "en", "fr"} <= set(legend)
    # and each co-occurring entity links to the articles behind the pair
    browser.find_element(By.CSS_SELECTOR, "a[href^='/pair?a=sapssi']").click()
    wait(browser, ec.url_contains("/pair?"), "the articles behind a pair")
    assert column(browser, "title")


def test_html_digest_fits_a_phone_and_shows_its_chart(browser, db, tmp_path):
    """`newsmon digest --format html` at 375 px: nothing wider than the screen, the chart decoded."""
    out = tmp_path / "digest.html"
    result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", "2000-01-01", "--format", "html",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 375, "height": 800, "deviceScaleFactor": 1, "mobile": True})
    try:
        browser.get(out.as_uri())
        wait(browser, ec.presence_of_element_located((By.TAG_NAME, "h1")), "the digest")
        widths = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1] == 375, f"the digest scrolls sideways on a phone: {widths}"
        headings = [h.text for h in browser.find_elements(By.TAG_NAME, "h2")]
        assert "Agreements reported" in headings and "Most mentioned actors" in headings
        chart = browser.find_element(By.CSS_SELECTOR, "img")
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", chart)
        assert 300 <= chart.size["width"] <= 375
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
