"""Loads a published page in headless Chromium and prints, as JSON, what a client
would see: each player's length, where each chapter link puts the player, which
phrase the transcript marks at given times, console errors, and whether any
dialog (a user's script) opened. Screenshots at phone and desktop width are saved.

usage: page_check.py SITE PAGE_PATH SCREENSHOT_DIR PROBES_JSON
PROBES_JSON: {"times": [[track_index, seconds], ...]}
"""
import json
import os
import shutil
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from range_server import serve  # noqa: E402

site, page, shots, probes = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
server = serve(site)
url = "http://127.0.0.1:%d/%s" % (server.server_address[1], page)

options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--mute-audio", "--disable-dev-shm-usage",
             "--autoplay-policy=no-user-gesture-required", "--hide-scrollbars"]:
    options.add_argument(flag)
# Debian's chromium and chromium-driver (scripts/setup.sh), found on PATH; never downloaded.
browser = next(filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None)
if browser:
    options.binary_location = browser
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
result = {"url": url}
try:
    driver.set_window_size(390, 844)
    driver.get(url)
    deadline = time.time() + 30
    while time.time() < deadline:
        ready = driver.execute_script(
            "return Array.from(document.querySelectorAll('audio')).every(a => a.readyState >= 1)")
        if ready:
            break
        time.sleep(0.1)
    result["documentTitle"] = driver.title
    result["headings"] = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "h1, h2")]
    result["durations"] = driver.execute_script(
        "return Array.from(document.querySelectorAll('article.track audio')).map(a => a.duration)")
    os.makedirs(shots, exist_ok=True)

    def seek_done(index):
        return driver.execute_script(
            "var a = document.querySelectorAll('article.track audio')[arguments[0]];"
            "return !a.seeking", index)

    chapters = []
    tracks = driver.find_elements(By.CSS_SELECTOR, "article.track")
    for index, track in enumerate(tracks):
        times = []
        for link in track.find_elements(By.CSS_SELECTOR, "a[data-seek]"):
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
            # Where the player landed, read in the page as its seek ends (before
            # playing moves it on; a read after WebDriver's round trip was once
            # 0.24 s late on a loaded machine).
            driver.execute_script(
                "var a = document.querySelectorAll('article.track audio')[arguments[0]];"
                "window.landed = null;"
                "a.addEventListener('seeked', function () { window.landed = a.currentTime; }, {once: true})", index)
            link.click()
            deadline = time.time() + 10
            landed = None
            while landed is None and time.time() < deadline:
                landed = driver.execute_script("return window.landed")
                if landed is None:
                    time.sleep(0.02)
            driver.execute_script("document.querySelectorAll('article.track audio')[arguments[0]].pause()", index)
            times.append(landed if landed is not None else -1)
        chapters.append(times)
    result["chapters"] = chapters

    marks = []
    for index, seconds in probes["times"]:
        driver.execute_script(
            "var a = document.querySelectorAll('article.track audio')[arguments[0]];"
            "a.pause(); a.currentTime = arguments[1]", index, seconds)
        deadline = time.time() + 10
        while time.time() < deadline and not seek_done(index):
            time.sleep(0.05)
        time.sleep(0.1)
        marks.append(driver.execute_script(
            "var t = document.querySelectorAll('article.track')[arguments[0]];"
            "var m = t.querySelectorAll('.phrases li[aria-current]');"
            "return Array.from(m).map(e => e.textContent)", index))
    result["marks"] = marks

    # A tall phone-width window, so the shot shows the marked phrase too.
    driver.set_window_size(390, 1600)
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.2)
    driver.save_screenshot(os.path.join(shots, "phone.png"))
    driver.set_window_size(1280, 900)
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.2)
    driver.save_screenshot(os.path.join(shots, "desktop.png"))
    try:
        driver.switch_to.alert
        result["dialogOpened"] = True
    except NoAlertPresentException:
        result["dialogOpened"] = False
    result["injected"] = driver.execute_script(
        "return document.querySelectorAll('main script, main img[src=x], h1 *, h2 *').length")
    result["consoleErrors"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
finally:
    driver.quit()
    server.shutdown()
print(json.dumps(result))
