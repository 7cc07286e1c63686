"""Reads a published feed with real podcast parsers and prints, as JSON, what
they found: feedparser (what most Python podcast tools use) and podcastparser
(gPodder's), and the Podcasting 2.0 tags straight from the XML, since
podcastparser 0.6 knows that namespace only by its old address.

usage: feed_check.py FEED_XML
"""
import json
import sys
import xml.etree.ElementTree as ElementTree

import feedparser
import podcastparser

PODCAST = "{https://podcastindex.org/namespace/1.0}"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
path = sys.argv[1]
parsed = feedparser.parse(path)
result = {
    "feedparser": {
        "bozo": bool(parsed.bozo), "title": parsed.feed.get("title"), "language": parsed.feed.get("language"),
        "entries": [{
            "title": e.get("title"), "id": e.get("id"), "published": e.get("published"),
            "duration": e.get("itunes_duration"),
            "enclosures": [{"href": x.get("href"), "length": x.get("length"), "type": x.get("type")}
                           for x in e.get("enclosures", [])],
            "chapters": (e.get("podcast_chapters") or {}).get("url"),
            "transcript": (e.get("podcast_transcript") or {}).get("url"),
        } for e in parsed.entries],
    },
}
with open(path, "rb") as handle:
    podcast = podcastparser.parse(path, handle)
result["podcastparser"] = {
    "title": podcast.get("title"),
    "episodes": [{
        "title": e.get("title"), "guid": e.get("guid"), "published": e.get("published"),
        "duration": e.get("total_time"),
        "enclosures": [{"url": x.get("url"), "length": x.get("file_size"), "type": x.get("mime_type")}
                       for x in e.get("enclosures", [])],
    } for e in podcast.get("episodes", [])],
}
channel = ElementTree.parse(path).getroot().find("channel")
result["xml"] = {
    "itunesBlock": channel.findtext(ITUNES + "block"),
    "podcastBlock": channel.findtext(PODCAST + "block"),
    "locked": channel.findtext(PODCAST + "locked"),
    "items": [{
        "chapters": (item.find(PODCAST + "chapters").attrib if item.find(PODCAST + "chapters") is not None else None),
        "transcript": (item.find(PODCAST + "transcript").attrib if item.find(PODCAST + "transcript") is not None else None),
    } for item in channel.findall("item")],
}
print(json.dumps(result))
