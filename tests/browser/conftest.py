"""A phone's browser for the tests: Debian's chromium driven by its own chromedriver through
selenium, headless, at a phone's 390×844 (plan §2.6). Skipped, naming the packages, where
they are not installed — a failure on CI (`CI=true`), where .ci/run installs them."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
MISSING = "chromium not installed (Debian: apt-get install chromium chromium-driver)"
PHONE = {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0},
         "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) "
                      "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 "
                      "Safari/604.1"}


def browser_paths() -> tuple[str, str] | None:
    chromium = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    driver = CHROMEDRIVER if os.access(CHROMEDRIVER, os.X_OK) else shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@pytest.fixture
def phone(tmp_path):
    """A phone-sized headless chromium (selenium WebDriver)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = browser_paths()
    if paths is None:
        if os.environ.get("CI") == "true":
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation", PHONE)
    driver = webdriver.Chrome(service=Service(paths[1], log_output=str(tmp_path / "driver.log")),
                              options=options)
    yield driver
    driver.quit()
