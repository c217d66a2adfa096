"""The editor at /admin/ (Decap CMS) without a browser: its configuration from the model, the page format and
the layout mapping of its start-up script (run in Node), the build's /admin/, decap-server for `serve --edit`,
and the offline scan's one exception."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest
import yaml

from builder.model.events import EVENT_KINDS, STATUSES, VENUE_TYPES
from builder.model.frontmatter import FRONT_MATTER_SCHEMA, split_front_matter
from builder.model.languages import LANGUAGE_CODES
from builder.outputs.admin import ADMIN_FOLDER, BUNDLE_FOLDER, OFFLINE_CACHE_EXCLUDED, write_admin
from builder.outputs.cms_config import FORMAT, NAV_FILE, cms_config, page_folders
from builder.pipeline import build
from builder.portal.editor import DecapServer, editor_app
from conftest import REPO, new_project
from offline_scan import scan_site

SETUP_JS = REPO / "builder" / "outputs" / "cms" / "setup.js"


def page_collections(config: dict) -> dict[str, dict]:
    return {c["folder"]: c for c in config["collections"] if "folder" in c}


def fields_of(collection: dict) -> dict[str, dict]:
    return {field["name"]: field for field in collection["fields"]}


def test_a_collection_for_every_folder_of_pages_side_by_side_in_three_languages(content):
    config = cms_config(content)
    assert config["i18n"] == {"structure": "multiple_folders", "locales": list(LANGUAGE_CODES), "default_locale": "kk"}
    folders = {path.rpartition("/")[0] for path in content.pages["kk"]}
    collections = page_collections(config)
    assert set(collections) == {f"content/{folder}".rstrip("/") for folder in folders}
    assert page_folders(content)[:3] == ["", "about", "textbook"]  # the navigation's order
    for collection in collections.values():
        assert collection["i18n"] is True and collection["format"] == FORMAT and collection["create"] is True
        fields = fields_of(collection)
        assert set(FRONT_MATTER_SCHEMA) <= set(fields)  # every allowed key, a new one included
        assert fields["title"]["required"] is True and fields["title"]["widget"] == "string"
        assert fields["description"]["widget"] == "text" and fields["description"]["required"] is False
        assert fields["draft"] == fields["draft"] | {"widget": "boolean", "default": True, "i18n": "duplicate"}
        assert fields["translated_from"]["widget"] == "hidden"  # written by `builder translations mark`
        assert fields["body"]["widget"] == "markdown" and fields["body"]["modes"] == ["raw"]
        assert list(fields)[-1] == "body"


def test_event_sections_carry_the_schedule_fields_with_their_allowed_values(content):
    collections = page_collections(cms_config(content))
    for kind in EVENT_KINDS:
        fields = fields_of(collections[f"content/{kind.section}"])
        for field in kind.fields:
            assert fields[field.name]["i18n"] == ("duplicate" if field.neutral else True), field.name
        assert fields["status"]["widget"] == "select" and fields["status"]["options"] == list(STATUSES)
        assert fields["date"]["widget"] == "datetime" and fields["date"]["format"] == "YYYY-MM-DD"
        assert fields["time"]["pattern"][0] == r"^([01]\d|2[0-3]):[0-5]\d$"
        assert (
            fields["duration"] | {"widget": "number", "value_type": "int", "min": 1, "max": 1440} == fields["duration"]
        )
    excursions = fields_of(collections["content/culture/excursions"])
    assert [option["value"] for option in excursions["place"]["options"]] == list(content.data.places)
    assert fields_of(collections["content/culture/days"])["venue"]["options"] == list(VENUE_TYPES)
    assert "date" not in fields_of(collections["content/textbook"])


def test_production_is_github_with_the_editorial_workflow_and_nav_yml_is_a_file(content):
    from builder.outputs.cms_config import EditorBackend

    config = cms_config(content, EditorBackend("example/dialogue", "main", "https://auth.example.org/"))
    assert config["backend"] == {
        "name": "github",
        "repo": "example/dialogue",
        "branch": "main",
        "base_url": "https://auth.example.org",
    }
    assert config["publish_mode"] == "editorial_workflow" and config["local_backend"] is True
    navigation = next(c for c in config["collections"] if "files" in c)
    assert [file["file"] for file in navigation["files"]] == [NAV_FILE]


def node(script: str) -> object:
    if shutil.which("node") is None:
        pytest.fail("Node.js is missing (scripts/setup.sh installs the npm tools)")
    runner = f"global.window = {{ addEventListener() {{}} }};\nrequire({json.dumps(str(SETUP_JS))});\n{script}"
    result = subprocess.run(["node", "-e", runner], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_page_is_written_back_byte_for_byte_by_the_page_format(content):
    pages = sorted(str(page.source) for page in content.all_pages())
    field_order = ["file_name", "title", "translated_from", "description", "draft", "date", "time", "duration"]
    result = node(
        f"""
        const fs = require("fs");
        const format = window.CCDEditor.pageFormat;
        const differ = [];
        for (const file of {json.dumps(pages)}) {{
          const text = fs.readFileSync(file, "utf8");
          const written = format.toFile(format.fromFile(text), {json.dumps(field_order)});
          // Decap adds the final line end a file lacks (backend.entryToRaw)
          if (written !== text && written + "\\n" !== text) differ.push(file);
        }}
        console.log(JSON.stringify(differ));
        """
    )
    assert result == []
    assert len(pages) > 100


def test_changed_values_are_written_so_the_builder_reads_them_right():
    page = '---\ntitle: "Көрме: ашылу"\ntime: "15:00"\ndate: 2027-03-01\n---\n\n```quiz\nid: q\n```\n'
    written = node(
        f"""
        const format = window.CCDEditor.pageFormat;
        const data = format.fromFile({json.dumps(page)});
        data.title = "Жаңа: атау";
        data.time = "16:30";
        data.date = "2027-03-02";
        data.duration = 90;
        data.draft = true;
        data.description = "";  // an emptied optional field is left out
        data.file_name = "new-page";  // names a new page's file, never written into it
        console.log(JSON.stringify(format.toFile(data, ["title", "description", "draft", "date", "time"])));
        """
    )
    front = split_front_matter(written)
    assert front.values == {
        "title": "Жаңа: атау",
        "draft": True,
        "date": dt.date(2027, 3, 2),
        "time": "16:30",  # still text: unquoted, YAML 1.1 would read 16:30 as a number
        "duration": 90,
    }
    assert written.endswith("---\n\n```quiz\nid: q\n```\n")


def test_the_layout_mapping_puts_the_language_folder_where_decap_wants_it():
    mapped = node(
        """
        const { editorPath, repositoryPath } = window.CCDEditor;
        const locales = ["kk", "ru", "en"];
        const paths = ["content/ru/culture/days/german.md", "content/kk/index.md", "content/nav.yml"];
        console.log(JSON.stringify(paths.map(path => {
          const editor = editorPath(path, locales);
          return [editor, repositoryPath(editor, locales), editorPath(editor, locales)];
        })));
        """
    )
    assert mapped == [
        ["content/culture/days/ru/german.md", "content/ru/culture/days/german.md", "content/culture/days/ru/german.md"],
        ["content/kk/index.md", "content/kk/index.md", "content/kk/index.md"],
        ["content/nav.yml", "content/nav.yml", "content/nav.yml"],
    ]


def fake_bundle(project_root: Path) -> Path:
    folder = project_root / BUNDLE_FOLDER
    folder.mkdir(parents=True)
    (folder / "decap-cms.js").write_text("window.CMS = {};\n")
    (folder / "1.decap-cms.js").write_text("// a chunk\n")
    return folder


def test_the_build_writes_admin_at_the_site_root_only_with_the_bundle(tmp_path):
    project = new_project(tmp_path)
    notes = []
    site = build(project, progress=notes.append)
    assert not (site / ADMIN_FOLDER).exists()
    assert any("/admin/ left out" in note and BUNDLE_FOLDER in note for note in notes)
    fake_bundle(tmp_path)
    site = build(project, progress=lambda message: None)  # a new bundle is a changed input
    admin = site / ADMIN_FOLDER
    assert sorted(p.name for p in admin.iterdir()) == [
        "1.decap-cms.js",
        "config.yml",
        "decap-cms.js",
        "index.html",
        "setup.js",
    ]
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert {c.get("folder") for c in config["collections"]} >= {"content", "content/guide"}
    index = (admin / "index.html").read_text(encoding="utf-8")
    assert index.index("setup.js") < index.index("decap-cms.js")  # the set-up runs first
    # not linked from the portal, not in its sitemap or search index
    for built in [*site.rglob("*.html"), *site.rglob("*.xml"), *site.rglob("search_index.json")]:
        if ADMIN_FOLDER not in built.relative_to(site).parts:
            assert "admin/" not in built.read_text(encoding="utf-8"), built
    assert OFFLINE_CACHE_EXCLUDED == ("admin/",)


def test_a_kazakh_section_named_admin_clashes_with_the_editor(tmp_path, content):
    from builder.model.content import Content, Page

    clash = Content(tmp_path, pages={"kk": {"admin/index.md": Page("kk", "admin/index.md", tmp_path, {}, "", 1)}})
    with pytest.raises(RuntimeError, match="clashes with the editor"):
        write_admin(clash, tmp_path, tmp_path)


def test_the_offline_scan_leaves_out_the_editor_only(tmp_path):
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "decap-cms.js").write_text('fetch("https://api.github.com/repos")')
    (tmp_path / "ru" / "admin").mkdir(parents=True)  # a page folder of that name elsewhere is scanned
    (tmp_path / "ru" / "admin" / "x.js").write_text('import("https://unpkg.com/x.js")')
    (tmp_path / "index.html").write_text(
        '<html><body><script src="https://cdn.example.org/a.js"></script></body></html>'
    )
    assert sorted(scan_site(tmp_path)) == ["index.html", "ru/admin/x.js"]
    assert sorted(scan_site(tmp_path, excluded=())) == ["admin/decap-cms.js", "index.html", "ru/admin/x.js"]


def test_the_preview_serves_admin_without_live_reload_and_with_the_local_backend(tmp_path):
    admin = tmp_path / "admin"
    admin.mkdir()
    (admin / "index.html").write_text("<html><body>editor</body></html>")
    (admin / "config.yml").write_text("backend:\n  name: github\nlocal_backend: true\n")
    seen = []

    def preview(environ, start_response):
        seen.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"preview"]

    app = editor_app(preview, tmp_path, "http://127.0.0.1:9999/api/v1")

    def get(path):
        status = []
        body = b"".join(app({"PATH_INFO": path}, lambda code, headers: status.append(code)))
        return status[0], body

    assert get("/admin/")[1] == b"<html><body>editor</body></html>"  # no live-reload script
    code, body = get("/admin/config.yml")
    assert yaml.safe_load(body) == {
        "backend": {"name": "github"},
        "local_backend": {"url": "http://127.0.0.1:9999/api/v1"},
    }
    assert get("/admin")[0].startswith("302") and get("/admin/../../etc/passwd")[0].startswith("404")
    assert get("/ru/")[1] == b"preview" and seen == ["/ru/"]


def test_decap_server_serves_the_working_tree_and_stops_with_the_preview(tmp_path):
    (tmp_path / "node_modules").symlink_to(REPO / "node_modules")
    (tmp_path / "content" / "kk").mkdir(parents=True)
    (tmp_path / "content" / "kk" / "index.md").write_text("---\ntitle: Бас бет\n---\n")
    with DecapServer(tmp_path, port=0) as server:
        process = server.process
        request = urllib.request.Request(
            server.api_url,
            data=json.dumps(
                {"action": "getEntry", "params": {"branch": "main", "path": "content/kk/index.md"}}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            entry = json.load(response)
        assert entry["data"] == "---\ntitle: Бас бет\n---\n"
    assert process.poll() is not None  # stopped on leaving
