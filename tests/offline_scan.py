"""Find every resource a built file would load from another host."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

# (tag, attribute) pairs through which a browser loads something by itself
LOADING_ATTRIBUTES = [
    ("script", "src"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("video", "src"),
    ("video", "poster"),
    ("audio", "src"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
    ("use", "href"),
    ("form", "action"),
]
LOADING_LINK_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "modulepreload",
    "manifest",
    "preconnect",
    "dns-prefetch",
    "mask-icon",
}
# The editor at /admin/ (Decap CMS, builder/outputs/admin.py) is the one place of the site allowed to name
# other hosts: it saves through GitHub's API and an OAuth proxy, and its bundle names the hosts of every
# backend and media library it supports. It is left out here explicitly, by its folder at the site root
# only; a test shows everything else is still scanned (tests/test_cms.py).
EDITOR_FOLDER = "admin"
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", re.I)
# In scripts: URLs of hosts that serve scripts, fonts, styles, analytics or APIs, and any absolute URL
# of a script, style or font file.
JS_REMOTE = re.compile(
    r"""(?:https?:)?//(?:[a-z0-9-]+\.)*(?:unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare\.com|googleapis\.com|"""
    r"""gstatic\.com|google-analytics\.com|googletagmanager\.com|api\.github\.com|code\.jquery\.com|"""
    r"""fontawesome\.com/(?:releases|kit)|kit\.fontawesome\.com|mc\.yandex\.ru|plausible\.io|doubleclick\.net)"""
    r"""|https?://[^\s"'`()]+\.(?:m?js|css|woff2?|ttf|otf|eot)(?=[\s"'`?)#]|$)""",
    re.I,
)


def remote_in_css(text: str) -> list[str]:
    return [url for url in CSS_URL.findall(text) if REMOTE.match(url)]


def remote_in_html(text: str) -> list[str]:
    found = []
    if not text.strip():
        return found
    tree = lxml_html.fromstring(text)
    for tag, attribute in LOADING_ATTRIBUTES:
        for element in tree.iter(tag):
            for name in (attribute, f"{{http://www.w3.org/1999/xlink}}{attribute}", f"xlink:{attribute}"):
                value = element.get(name)
                if value and any(REMOTE.match(part.strip()) for part in value.split(",")):
                    found.append(f"<{tag} {attribute}={value}>")
    for link in tree.iter("link"):
        rels = set((link.get("rel") or "").lower().split())
        if rels & LOADING_LINK_RELS and REMOTE.match(link.get("href") or ""):
            found.append(f"<link rel={link.get('rel')} href={link.get('href')}>")
    for style in tree.iter("style"):
        found += remote_in_css(style.text or "")
    for element in tree.xpath("//*[@style]"):
        found += remote_in_css(element.get("style"))
    for script in tree.iter("script"):
        if not script.get("src"):
            found += JS_REMOTE.findall(script.text or "")
    return found


def scan_site(site: Path, excluded: tuple[str, ...] = (EDITOR_FOLDER,)) -> dict[str, list[str]]:
    """{relative file: [remote resources]} for every HTML, CSS and JS file under site, but for the folders
    at the site root named in `excluded` (the editor's)."""
    problems = {}
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css", ".js") or not path.is_file():
            continue
        if path.relative_to(site).parts[0] in excluded:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            found = remote_in_html(text)
        elif path.suffix == ".css":
            found = remote_in_css(text)
        else:
            found = [m.group(0) for m in JS_REMOTE.finditer(text)]
        if found:
            problems[path.relative_to(site).as_posix()] = found
    return problems
