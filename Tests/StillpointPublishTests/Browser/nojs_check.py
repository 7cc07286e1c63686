"""Loads a published page in headless Chromium with JavaScript switched off (as
some clients browse) and prints, as JSON, what still works: each player's
length, the transcript's phrases shown, and where each chapter link, followed
as a plain link to the audio file at `#t=START`, starts the file. WebDriver's
own calls still run; the page's script does not (`pageScriptRan` says so).

usage: nojs_check.py SITE PAGE_PATH
"""
import json
import os
import shutil
import sys
import time
from urllib.parse import urljoin

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from range_server import serve  # noqa: E402

site, page = sys.argv[1], sys.argv[2]
server = serve(site)
url = "http://127.0.0.1:%d/%s" % (server.server_address[1], page)

options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--mute-audio", "--disable-dev-shm-usage"]:
    options.add_argument(flag)
browser = next(filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None)
if browser:
    options.binary_location = browser
options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


def wait_for_media(selector):
    deadline = time.time() + 30
    while time.time() < deadline:
        if driver.execute_script(
                "return Array.from(document.querySelectorAll(arguments[0])).every(a => a.readyState >= 1)", selector):
            return
        time.sleep(0.1)


result = {"url": url}
try:
    driver.get(url)
    wait_for_media("audio")
    # player.js marks the phrase being spoken on load (`mark()`); with scripts off, nothing is marked.
    result["pageScriptRan"] = driver.execute_script("return document.querySelectorAll('[aria-current]').length > 0")
    result["durations"] = driver.execute_script(
        "return Array.from(document.querySelectorAll('article.track audio')).map(a => a.duration)")
    result["phrasesShown"] = [
        sum(1 for li in track.find_elements(By.CSS_SELECTOR, ".phrases li") if li.is_displayed())
        for track in driver.find_elements(By.CSS_SELECTOR, "article.track")]
    links = [[link.get_attribute("href") for link in track.find_elements(By.CSS_SELECTOR, "a[data-seek]")]
             for track in driver.find_elements(By.CSS_SELECTOR, "article.track")]
    starts = []
    for track in links:
        times = []
        for href in track:
            # The link as a plain link: the browser opens the file and starts it at #t=.
            # From the page each time, as a client does (from the file itself, only
            # the fragment would change, and the open file would not move).
            driver.get(url)
            driver.get(urljoin(url, href))
            wait_for_media("video, audio")
            # Where playing began (a media document may start playing by itself).
            times.append(driver.execute_script(
                "var m = document.querySelector('video, audio'); m.pause();"
                "return m.played.length ? m.played.start(0) : m.currentTime"))
        starts.append(times)
    result["chapterStarts"] = starts
finally:
    driver.quit()
    server.shutdown()
print(json.dumps(result))
