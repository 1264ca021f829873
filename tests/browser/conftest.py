"""Headless Chromium through Selenium, against the stack tests/run started."""
import os
import pathlib
import shutil
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

BASE = os.environ.get("RB_BASE_URL", "http://127.0.0.1:18080")
ARTIFACTS = pathlib.Path(os.environ.get("RB_VAR", "var/test")) / "screenshots"


def make_driver(width, height):
    profile = tempfile.mkdtemp(prefix="rb-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic",
                f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.set_page_load_timeout(20)
    # Windows have a minimum width; emulate the phone's viewport exactly.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1,
        "mobile": width < 600})
    return driver, profile


@pytest.fixture(params=[(375, 812), (1280, 800)], ids=["phone", "desktop"])
def browser(request):
    """A fresh browser per test, at phone and at desktop width."""
    driver, profile = make_driver(*request.param)
    driver.base = BASE
    yield driver
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{request.node.name}.png"))
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
