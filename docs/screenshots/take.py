"""Screenshots for the README: each page of the web UI at 1,024 px wide, and the HTML digest
(`newsmon digest --format html`) at 375 px and 1,024 px, taken in Debian's headless Chromium.

    python docs/screenshots/take.py                # crawls the sample site (newsmon demo) into a temp dir
    python docs/screenshots/take.py --db demo.db   # or shoots an existing database (crawled in the
                                                   # last 24 hours, for the digests to show something)
    python docs/screenshots/take.py --db /tmp/newsmon-realnews/realnews.db --out /tmp/shots \
        --entity loc:azerbaijan --query memorandum   # the real-news crawl (benchmarks/realnews_site.py)

Needs chromium and chromium-driver (apt) and Selenium (the dev extra). Writes docs/screenshots/*.png,
each cut at 1,400 px high and reduced to 256 colours (Pillow) so it stays well under 300 KB.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote, quote_plus

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
MAX_HEIGHT = 1400
# The same flags as tests/test_browser.py: headless, nothing reaching outside the loopback.
CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--disable-extensions", "--hide-scrollbars")


def pages(query: str, entity: str) -> list[tuple[str, str]]:
    """(file name, path on the web UI) of each page shot."""
    return [("overview", "/"), ("search", "/search?q=" + quote_plus(query)), ("entities", "/entities"),
            ("entity", "/entity/" + quote(entity)), ("agreements", "/agreements"),
            ("agreement-charts", "/agreements/charts"),
            ("digest", "/digest")]  # the last 24 hours: all of a database crawled just now


def newsmon(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "newsmon", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=1800)


def shoot(driver: webdriver.Chrome, url: str, width: int, out: Path) -> None:
    """The top of the page at `width` CSS pixels (a phone's viewport below 500 px), at most MAX_HEIGHT."""
    mobile = width < 500
    metrics = {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": mobile}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.get(url)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {**metrics, "height": min(int(height), MAX_HEIGHT)})
    png = driver.get_screenshot_as_png()
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    image.save(out, optimize=True)
    print(f"{out.relative_to(REPO) if out.is_relative_to(REPO) else out}: {image.width}x{image.height}, {out.stat().st_size // 1024} KB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="Database to show (default: a fresh `newsmon demo` crawl).")
    parser.add_argument("--out", type=Path, default=HERE, help="Folder for the PNGs (default: %(default)s).")
    parser.add_argument("--query", default="ASAN memorandum", help="Search shot (default: %(default)s).")
    parser.add_argument("--entity", default="sapssi", help="Entity id shot (default: %(default)s).")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        sys.exit("needs chromium and chromedriver: apt-get install chromium chromium-driver")
    sys.path.insert(0, str(REPO))
    from newsmon.web.server import make_server

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.db"
            print("crawling the sample site (newsmon demo) ...")
            done = newsmon("--db", str(db), "demo", "--port", "0")
            if done.returncode:
                sys.exit(done.stderr)
            os.chdir(tmp)  # the overview names the database as given: "demo.db", not a temp path
            db = Path(db.name)
        server = make_server(db, port=0, quiet=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
        driver.set_page_load_timeout(60)
        try:
            for name, path in pages(args.query, args.entity):
                shoot(driver, server.url.rstrip("/") + path, 1024, args.out / f"{name}.png")
            digest = Path(tmp) / "digest.html"
            made = newsmon("--db", str(db.resolve()), "digest", "--format", "html", "--out", str(digest))
            if made.returncode or not digest.is_file():
                print(f"no HTML digest (newsmon digest --format html): {made.stderr.strip()[-300:]}")
            else:
                for width in (375, 1024):
                    shoot(driver, digest.as_uri(), width, args.out / f"digest-mail-{width}.png")
        finally:
            driver.quit()
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
