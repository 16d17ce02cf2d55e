#!/usr/bin/env python3
"""Parses feeds with real consumers and requires a clean parse.

Usage: check_feeds.py FEED...

`*.atom` goes through feedparser (bozo must be 0). Every link a reader follows (the feed's
home page and self link, each entry's page) must be absolute: a feed is read away from its site. `*.json` goes through jsonfeed-util's
JSON Feed 1.1 parser: the released feedparser (6.0.x) does not read JSON Feed at all.
Prints one line per feed; exits 2 when a parser is not installed (the message says what to
pip install), 1 when a feed does not parse cleanly or has no entries.
"""
import sys

try:
    import feedparser
    import jsonfeed
except ImportError as e:
    print(f"{e.name} is not installed: pip install feedparser jsonfeed-util", file=sys.stderr)
    sys.exit(2)


def check_atom(data):
    parsed = feedparser.parse(data)
    version = parsed.get("version", "")
    if parsed.bozo or not version.startswith("atom"):
        return f"bozo={parsed.bozo} version={version!r} {parsed.get('bozo_exception', '')}", 0
    links = [parsed.feed.get("link", "")] + [l.get("href", "") for l in parsed.feed.get("links", [])]
    for entry in parsed.entries:
        if not entry.get("id") or not entry.get("title") or not entry.get("content"):
            return f"an entry lacks id, title or content: {entry.get('id')}", 0
        links.append(entry.get("link", ""))
    relative = [link for link in links if not is_absolute(link)]
    if relative:
        return f"links are not absolute: {relative}", 0
    return version, len(parsed.entries)


def is_absolute(link):
    return link.startswith("https://") or link.startswith("http://")


def check_json(data):
    try:
        feed = jsonfeed.Feed.parse_string(data.decode("utf-8"))
    except Exception as e:  # the parser's own errors: missing fields, bad JSON
        return f"jsonfeed rejected it: {e!r}", 0
    if feed.version != "https://jsonfeed.org/version/1.1":
        return f"version={feed.version!r}", 0
    links = [feed.home_page_url or "", feed.feed_url or ""]
    for item in feed.items:
        if not item.id or not (item.content_html or item.content_text):
            return f"an item lacks id or content: {item.id}", 0
        links.append(item.url or "")
    relative = [link for link in links if not is_absolute(link)]
    if relative:
        return f"links are not absolute: {relative}", 0
    return "json11", len(feed.items)


failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    result, entries = (check_json if path.endswith(".json") else check_atom)(data)
    if entries == 0:
        failed = True
        print(f"{path}: {result}")
    else:
        print(f"{path}: ok ({result}, {entries} entries)")
sys.exit(1 if failed else 0)
