"""Headless Chromium through Selenium, against the stack tests/run started."""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service

import checks

BASE = os.environ.get("RB_BASE_URL", "http://127.0.0.1:18080")
ARTIFACTS = pathlib.Path(os.environ.get("RB_VAR", "var/test")) / "screenshots"


def make_driver(width, height):
    profile = tempfile.mkdtemp(prefix="rb-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic",
                "--lang=en-US",  # the date fields' order, which the keyboard test types
                f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(20)
    set_viewport(driver, width, height)
    return driver, profile


def set_viewport(driver, width, height):
    # Windows have a minimum width; emulate the phone's viewport exactly.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": width < 600})


def forget_everything(driver, width, height):
    """What a new profile would be to the site: no page open, no cookies,
    no storage, nothing cached, the width the test asked for."""
    for extra in driver.window_handles[1:]:
        driver.switch_to.window(extra)
        driver.close()
    driver.switch_to.window(driver.window_handles[0])
    driver.get("about:blank")
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Storage.clearDataForOrigin",
                           {"origin": BASE, "storageTypes": "all"})
    set_viewport(driver, width, height)
    driver.set_page_load_timeout(20)
    driver.set_script_timeout(30)


@pytest.fixture(scope="session")
def chromium():
    """One Chromium per width for the whole run (starting one costs two
    seconds of CPU, and the suite runs beside others); quit at the end."""
    started = {}
    yield started
    for driver, profile in started.values():
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(params=[(375, 812), (1280, 800)], ids=["phone", "desktop"])
def browser(request, chromium):
    """A browser at phone and at desktop width that remembers nothing of
    the tests before; one left in a state it cannot be reset from (a
    dialog open, a crashed tab) is replaced."""
    size = request.param
    if size in chromium:
        driver, profile = chromium[size]
        try:
            forget_everything(driver, *size)
        except WebDriverException:
            del chromium[size]
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)
    if size not in chromium:
        chromium[size] = make_driver(*size)
    driver = chromium[size][0]
    driver.base = BASE
    yield driver
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{request.node.name}.png"))


def pytest_sessionstart(session):
    """axe-core, from tests/browser/package-lock.json, with the machine's npm
    (once: again only when package.json asks for another version)."""
    wanted = json.loads((checks.HERE / "package.json").read_text())["dependencies"]["axe-core"]
    have = checks.AXE.with_name("package.json")
    if have.exists() and json.loads(have.read_text())["version"] == wanted:
        return
    out = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"],
                         cwd=checks.HERE, capture_output=True, text=True)
    if out.returncode != 0 or not checks.AXE.exists():
        raise pytest.UsageError(f"npm install in {checks.HERE} failed:\n{out.stderr}")


def pytest_sessionfinish(session):
    checks.write_report()
