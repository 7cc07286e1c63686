#!/usr/bin/env python3
"""Opens an SVG in headless Chromium, as a practitioner's browser would, saves a
screenshot, and prints what the browser laid out, as JSON on standard output:

    {"width": W, "height": H,
     "titled": [{"title": "...", "kind": "say", "event": "3", "chapter": null,
                 "x": .., "y": .., "width": .., "height": ..}, ...],
     "labels": [{"text": "...", "x": .., "y": .., "width": .., "height": ..}, ...],
     "scripts": N}

`titled` is every element with a <title> child (the root's own title aside);
boxes come from getBoundingClientRect, so they are where the browser drew them,
with its fonts. `scripts` counts <script> elements, which a picture never has.

Usage: svg_check.py PICTURE.svg SCREENSHOT.png
"""
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MEASURE = """
const svg = document.documentElement;
const box = e => { const r = e.getBoundingClientRect();
                   return {x: r.left, y: r.top, width: r.width, height: r.height}; };
const titled = [...svg.querySelectorAll('*')].filter(e => e !== svg &&
    [...e.children].some(c => c.tagName.toLowerCase() === 'title'));
return {
  width: svg.getBoundingClientRect().width, height: svg.getBoundingClientRect().height,
  titled: titled.map(e => Object.assign({
      title: [...e.children].find(c => c.tagName.toLowerCase() === 'title').textContent,
      kind: e.getAttribute('data-kind'), event: e.getAttribute('data-event'),
      chapter: e.getAttribute('data-chapter'), cls: e.getAttribute('class')}, box(e))),
  labels: [...svg.querySelectorAll('text')].filter(t => t.textContent.length > 0)
      .map(t => Object.assign({text: t.textContent, cls: t.getAttribute('class')}, box(t))),
  scripts: svg.querySelectorAll('script').length,
};
"""


def main():
    picture, screenshot = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2]
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    service = Service(executable_path="/usr/bin/chromedriver") if pathlib.Path("/usr/bin/chromedriver").exists() else Service()
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_window_size(2600, 1400)
        driver.get(picture.as_uri())
        found = driver.execute_script(MEASURE)
        driver.set_window_size(int(found["width"]) + 20, int(found["height"]) + 140)
        found = driver.execute_script(MEASURE)
        driver.save_screenshot(screenshot)
        print(json.dumps(found))
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
