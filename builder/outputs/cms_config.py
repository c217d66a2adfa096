"""The editor's configuration (Decap CMS, `/admin/config.yml`), generated from the content model.

One collection per folder of pages (the home pages, every section and nested section, in the order of
`content/nav.yml`), the three languages side by side, Kazakh the default. The fields are the model's:
the front-matter schema (builder/model/frontmatter.py) and, in the event sections, the schedule fields
(builder/model/events.py) with their allowed values; places are a choice from `content/data/places.yml`.

Decap's i18n structure `multiple_folders` expects `<folder>/<locale>/<file>`, the language folder right
above the file; the content keeps `content/<lang>/<section>/<file>`. So the collections name a virtual
folder, `content/<section>`, and the page `cms/setup.js` (loaded before Decap starts) translates between
the two layouts in the backend Decap talks to: `content/<section>/<lang>/<file>` there is
`content/<lang>/<section>/<file>` in the repository. The same script registers the page format
(`FORMAT`): untouched front-matter lines and the body are written back byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from builder.model.content import Content
from builder.model.events import EVENT_KINDS, STATUSES, TIME, VENUE_TYPES, EventField
from builder.model.frontmatter import FRONT_MATTER_SCHEMA, REQUIRED_KEYS
from builder.model.languages import DEFAULT_LANGUAGE, LANGUAGE_CODES

FORMAT = "ccd-page"  # registered by cms/setup.js: front matter kept line by line, the body as it is
WHOLE_FILE_FORMAT = "ccd-whole-file"  # registered by cms/setup.js: a file edited as one text
FILE_NAME_FIELD = "file_name"  # names a new page's file; cms/setup.js never writes it into the page
FILE_NAME_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
NAV_FILE = "content/nav.yml"
INTERFACE_LOCALE = "ru"  # Decap has no Kazakh interface; Russian is the editors' other working language
# what the form says about each front-matter key of the schema (a key the schema gains later is shown as
# a text field, so the editor never hides a new key)
KEY_LABELS = {
    "title": ("Title", "The page's title in this language."),
    "description": ("Description", "One sentence: what the page is about (search results, link previews)."),
    "draft": ("Draft", "A draft is checked but not published and needs no navigation entry."),
}
# written by `builder translations mark`, never by hand: kept as it is, not shown
HIDDEN_KEYS = ("translated_from",)
KEY_ORDER = ("title", "translated_from", "description", "draft")  # as the pages write them


@dataclass(frozen=True)
class EditorBackend:
    """Where the editor saves in production: a GitHub repository, through an OAuth proxy."""

    repo: str = ""  # owner/name; empty: only the local backend (`builder serve --edit`) works
    branch: str = "main"
    auth_url: str = ""  # the OAuth proxy's address (base_url of Decap's GitHub backend); empty: Netlify's


LOCAL_ONLY = EditorBackend()  # no production repository named: the local backend only


def cms_config(content: Content, backend: EditorBackend = LOCAL_ONLY, site_url: str = "") -> dict:
    config: dict = {
        "backend": github_backend(backend),
        # every edit a pull request: CI checks it before it is merged
        "publish_mode": "editorial_workflow",
        # `builder serve --edit` (or `npx decap-server` beside any local server): the working tree
        "local_backend": True,
        "locale": INTERFACE_LOCALE,
        # pages have no images today; an upload lands in the theme, which every language's site carries
        "media_folder": "theme/assets/images",
        "public_folder": "assets/images",
        "i18n": {
            "structure": "multiple_folders",
            "locales": list(LANGUAGE_CODES),
            "default_locale": DEFAULT_LANGUAGE.code,
        },
        "collections": [*page_collections(content), navigation_collection()],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def github_backend(backend: EditorBackend) -> dict:
    settings = {"name": "github", "repo": backend.repo or "OWNER/REPOSITORY", "branch": backend.branch}
    if backend.auth_url:
        settings["base_url"] = backend.auth_url.rstrip("/")
    return settings


def page_folders(content: Content) -> list[str]:
    """Every folder that holds Kazakh pages ("" for the home pages), in the order of the navigation."""
    folders = {path.rpartition("/")[0] for path in content.pages.get(DEFAULT_LANGUAGE.code, {})}
    ordered = [""]

    def walk(entries) -> None:
        for entry in entries:
            if entry.is_section:
                ordered.append(entry.path.rstrip("/"))
                walk(entry.children)

    walk(content.nav)
    return [folder for folder in dict.fromkeys(ordered) if folder in folders] + sorted(folders - set(ordered))


def collection_name(folder: str) -> str:
    return folder.replace("/", "-") or "home"


def collection_label(content: Content, folder: str) -> str:
    index = content.page(DEFAULT_LANGUAGE.code, f"{folder}/index.md" if folder else "index.md")
    title = index.title if index is not None else folder
    return f"{title} ({folder}/)" if folder else f"{title} (/)"


def page_collections(content: Content) -> list[dict]:
    places = content.data.places if content.data is not None else {}
    collections = []
    for folder in page_folders(content):
        kind = next((kind for kind in EVENT_KINDS if kind.section == folder), None)
        # in the order the pages write their keys: cms/setup.js writes a page's keys in this order
        fields = [file_name_field(), *front_matter_fields()]
        if kind is not None:
            fields += [event_field(field, places) for field in kind.fields]
        fields.append(body_field())
        collections.append(
            {
                "name": collection_name(folder),
                "label": collection_label(content, folder),
                # virtual: cms/setup.js maps content/<folder>/<lang>/<file> to content/<lang>/<folder>/<file>
                "folder": f"content/{folder}".rstrip("/"),
                "extension": "md",
                "format": FORMAT,
                "create": True,
                "slug": f"{{{{fields.{FILE_NAME_FIELD}}}}}",
                "summary": "{{title}} — {{filename}}.{{extension}}",
                "sortable_fields": ["title", *(["date"] if kind else [])],
                "i18n": True,
                "fields": fields,
            }
        )
    return collections


def file_name_field() -> dict:
    return {
        "name": FILE_NAME_FIELD,
        "label": "File name (a new page only)",
        "hint": "Latin letters, digits and hyphens, e.g. 'media-literacy': the page becomes <folder>/media-literacy.md "
        "in every language. Leave it empty when editing an existing page.",
        "widget": "string",
        "required": False,
        "pattern": [FILE_NAME_PATTERN, "Latin lower-case letters, digits and single hyphens only"],
        "i18n": "duplicate",
    }


def front_matter_fields() -> list[dict]:
    fields = []
    ordered = sorted(FRONT_MATTER_SCHEMA, key=lambda key: KEY_ORDER.index(key) if key in KEY_ORDER else len(KEY_ORDER))
    for key in ordered:
        types, expected = FRONT_MATTER_SCHEMA[key]
        if key in HIDDEN_KEYS:
            fields.append({"name": key, "label": key, "widget": "hidden", "required": False, "i18n": True})
            continue
        label, hint = KEY_LABELS.get(key, (key, f"{expected}."))
        field = {"name": key, "label": label, "hint": hint, "required": key in REQUIRED_KEYS}
        if bool in types:
            # a new page starts as a draft, published in all three languages at once
            field.update(widget="boolean", default=True, i18n="duplicate")
        else:
            field.update(widget="text" if key == "description" else "string", i18n=True)
        fields.append(field)
    return fields


def event_field(field: EventField, places: dict) -> dict:
    """One schedule field: non-prose fields are equal in every language (Decap's `duplicate`)."""
    hint = "Required on every event page; leave it empty on the section's index page."
    settings: dict = {
        "name": field.name,
        "label": field.name.replace("_", " ").capitalize(),
        "required": False,  # the section's index page shares the collection and has no schedule
        "i18n": "duplicate" if field.neutral else True,
        "hint": hint if field.required else "Attendance is optional.",
    }
    if field.kind == "date":
        # the model reads an unquoted YYYY-MM-DD as a date; cms/setup.js writes it unquoted
        settings.update(
            widget="datetime",
            format="YYYY-MM-DD",
            date_format="YYYY-MM-DD",
            time_format=False,
            pattern=[DATE_PATTERN, "a date written YYYY-MM-DD"],
        )
    elif field.kind == "time":
        settings.update(widget="string", pattern=[TIME.pattern, "a 24-hour time, e.g. 15:00"])
    elif field.kind == "minutes":
        settings.update(widget="number", value_type="int", min=1, max=24 * 60)
    elif field.kind == "status":
        settings.update(widget="select", options=list(STATUSES), hint=f"{hint} planned: an indicative date.")
    elif field.kind == "venue":
        settings.update(widget="select", options=list(VENUE_TYPES))
    elif field.kind == "place":
        settings.update(
            widget="select",
            options=[
                {"label": f"{place['name'].get(DEFAULT_LANGUAGE.code, place_id)} ({place_id})", "value": place_id}
                for place_id, place in places.items()
            ],
            hint=f"{hint} Places are listed in content/data/places.yml.",
        )
    elif field.kind == "flag":
        settings.update(widget="boolean")
    else:
        settings.update(widget="string", hint=f"{hint} In this page's language.")
    return settings


def body_field() -> dict:
    # raw Markdown only: admonitions, quiz blocks and other fences are text the editor never reinterprets
    return {
        "name": "body",
        "label": "Text (Markdown)",
        "widget": "markdown",
        "modes": ["raw"],
        "buttons": [],
        "editor_components": [],
        "required": False,
        "i18n": True,
    }


def navigation_collection() -> dict:
    return {
        "name": "navigation",
        "label": "Navigation (content/nav.yml)",
        "editor": {"preview": False},
        "format": WHOLE_FILE_FORMAT,  # Decap takes a files collection's format from the collection
        "files": [
            {
                "name": "nav",
                "label": "Navigation: the order of the pages",
                "file": NAV_FILE,
                "fields": [
                    {
                        "name": "text",
                        "label": "content/nav.yml",
                        "hint": "One line per page ('- section/page.md'), a section as 'section/:' with its pages "
                        "under it. A published page must be listed; a draft need not be.",
                        # a plain text area: Decap's code widget showed an empty file when opened after
                        # another entry (Decap 3.16)
                        "widget": "text",
                    }
                ],
            }
        ],
    }


def cms_config_yaml(content: Content, backend: EditorBackend = LOCAL_ONLY, site_url: str = "") -> str:
    header = (
        "# The editor's configuration (Decap CMS), generated by builder/outputs/cms_config.py from the content\n"
        "# model at every build: edit that module, not this file.\n"
    )
    return header + yaml.safe_dump(
        cms_config(content, backend, site_url), allow_unicode=True, sort_keys=False, width=120
    )
