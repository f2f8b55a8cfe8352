# Pelican settings for the peer benchmark (bench/peers.py copies this next to the converted articles).
# Paths are relative to this file. The default theme (notmyidea) renders the pages.
# People are authors, topics are tags, the place is the category: each gets a page of its own.
AUTHOR = "sitegen bench"
SITENAME = "Meetings archive (Pelican peer)"
SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
OUTPUT_PATH = "output"
CACHE_PATH = "cache"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%d %B %Y"

# Pelican's defaults, spelled out: no pagination (every list page lists all its
# articles, as sitegen's do), no content cache unless run.py asks for it with -e.
DEFAULT_PAGINATION = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# One feed a category, author and tag, each in a folder of its own (the default
# puts category and author feeds in one folder, where a place and a person could collide).
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
AUTHOR_FEED_ATOM = "feeds/author/{slug}.atom.xml"
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
TRANSLATION_FEED_ATOM = None
