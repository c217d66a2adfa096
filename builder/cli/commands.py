"""Command line: `builder build | serve | check | audit | status | new` (also `python -m builder …`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from builder.model.errors import ContentInvalid
from builder.pipeline import Project, build, check
from builder.store.stopping import Stopped, stop_signals

# what a stopped command leaves, in the one line it says as it stops
STOPPED_LEAVES = {"build": "site/ and dist/ are those of the last complete build"}


def report_errors(errors) -> int:
    for error in errors:
        print(error, file=sys.stderr)
    count = len(errors)
    print(f"{count} error{'s' if count != 1 else ''}: nothing was published", file=sys.stderr)
    return 1


def progress(message: str) -> None:
    print(message, flush=True)


def command_check(project: Project, args) -> int:
    check(project, progress)
    return 0


def command_build(project: Project, args) -> int:
    site_url = args.site_url if args.site_url is not None else os.environ.get("SITE_URL")
    build(
        project,
        Path(args.site_dir) if args.site_dir else None,
        progress,
        Path(args.dist_dir) if args.dist_dir else None,
        use_cache=not args.no_cache,
        site_url=site_url,
        editor=editor_backend(args),
    )
    return 0


def editor_backend(args):
    """Where the editor at /admin/ saves in production: options, else $CMS_REPO (GitHub Actions names the
    repository in $GITHUB_REPOSITORY), $CMS_BRANCH and $CMS_AUTH_URL."""
    from builder.outputs.cms_config import EditorBackend

    return EditorBackend(
        repo=args.editor_repo or os.environ.get("CMS_REPO") or os.environ.get("GITHUB_REPOSITORY", ""),
        branch=args.editor_branch or os.environ.get("CMS_BRANCH") or "main",
        auth_url=args.editor_auth_url or os.environ.get("CMS_AUTH_URL", ""),
    )


def command_status(project: Project, args) -> int:
    from builder.cli.status import render_status, render_translations
    from builder.markdown.validate import check_content
    from builder.model.translations import STORE_FOLDER, SourceStore
    from builder.portal.config import portal_settings

    content, report = check_content(project.root, project.content_dir, portal_settings(project.config_file).dialect)
    print(render_status(content, per_page=args.pages))
    print()
    print(render_translations(content, SourceStore(project.root / STORE_FOLDER), project.root, diff=not args.no_diff))
    if report:
        print(f"\n{len(report.sorted())} content errors: run `builder check` to see them", file=sys.stderr)
    return 0


def command_translations(project: Project, args) -> int:
    from builder.cli.translations import MarkError, Translations, mark_translations

    try:
        if args.action == "prune":
            done = Translations(project.root).prune()
        elif bool(args.paths) == args.all:
            print("builder translations mark: name pages (PATH …) or give --all, not both", file=sys.stderr)
            return 2
        else:
            done = mark_translations(project.root, args.paths, every=args.all)
    except MarkError as problem:
        for line in str(problem).splitlines():
            print(f"builder translations {args.action}: {line}", file=sys.stderr)
        print("nothing was marked", file=sys.stderr)
        return 1
    for line in done:
        print(line)
    return 0


def command_new(project: Project, args) -> int:
    from builder.cli.scaffold import new_page

    try:
        created = new_page(project.content_dir, args.path, args.title)
    except (FileExistsError, ValueError) as problem:
        print(f"builder new page: {problem}", file=sys.stderr)
        return 1
    for path in created:
        print(f"created {path.relative_to(project.root)}")
    print(
        "Each is a draft (draft: true): checked, not published. Translate the title and text in every "
        "language, add the path to content/nav.yml, then remove the draft line."
    )
    return 0


def command_audit(project: Project, args) -> int:
    from builder.audit.run import GATES, audit_site
    from builder.audit.tools import ToolMissing

    site_dir = Path(args.site_dir) if args.site_dir else project.site_dir
    if not (site_dir / "index.html").is_file():
        print(f"builder audit: no built site in {site_dir}: run `builder build` first", file=sys.stderr)
        return 2
    reports = Path(args.reports_dir) if args.reports_dir else site_dir.parent / "dist" / "reports"
    gates = [gate.strip() for gate in args.only.split(",")] if args.only else list(GATES)
    unknown = set(gates) - set(GATES)
    if unknown:
        print(f"builder audit: unknown gate {sorted(unknown)}; choose from {', '.join(GATES)}", file=sys.stderr)
        return 2
    try:
        summary = audit_site(project.root, site_dir, reports, gates, progress)
    except ToolMissing as missing:
        print(f"builder audit: {missing}", file=sys.stderr)
        return 2
    print((reports / "summary.md").read_text(encoding="utf-8"))
    print(f"reports in {reports}")
    return 0 if summary["passed"] else 1


def command_serve(project: Project, args) -> int:
    from builder.pipeline import anchor_cache, build_lock, write_language_models
    from builder.portal.preview import Rebuilds, serve
    from builder.store.fingerprint import ProjectInputs

    def models() -> dict[str, Path]:
        anchors = anchor_cache(project, ProjectInputs(project.root, None))
        content = check(project, lambda message: None, anchors)
        anchors.save()
        preview = project.root / ".cache" / "preview"
        return write_language_models(content, project.root / ".cache" / "preview-models", preview.parent / "dist")

    def full(preview_dir: Path, use_cache: bool = True) -> Path:
        # no service worker in the preview: it would keep serving the pages it stored before an edit
        return build(project, preview_dir, progress, use_cache=use_cache, offline_app=False)

    from builder.portal.editor import DecapServer, EditorUnavailable

    editor = DecapServer(project.root, args.edit_port) if args.edit else None
    try:
        serve(
            Rebuilds(
                project.root,
                project.config_file,
                project.content_dir,
                full,
                models,
                lambda: build_lock(project, progress),
            ),
            args.host,
            args.port,
            progress,
            editor,
        )
    except EditorUnavailable as unavailable:
        print(f"builder serve --edit: {unavailable}", file=sys.stderr)
        return 2
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="builder",
        description="Build the Cross-cultural Dialogue portal (and, later, LMS packages) from content/.",
    )
    top.add_argument("--project", metavar="DIR", help="project folder (default: found from the current folder)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check_cmd = commands.add_parser(
        "check",
        help="validate all content without building",
        description="Validate every page of content/ without building: front matter, trilingual parity, "
        "the navigation file, internal links and anchors. Prints every error as "
        "'path:line: message' and exits 1 if there is any.",
    )
    check_cmd.set_defaults(run=command_check)

    build_cmd = commands.add_parser(
        "build",
        help="check, then build the portal into site/ and the LMS packages into dist/",
        description="Check the content, then build the LMS packages (SCORM 1.2 and 2004 zips of every "
        "course, per language and multilingual) into dist/scorm/ and the trilingual portal "
        "(kk at /, ru at /ru/, en at /en/) into site/, both aside and swapped in at the end. "
        "Broken content is refused and the previous site/ and dist/ are left as they were.",
    )
    build_cmd.add_argument("--site-dir", metavar="DIR", help="where to put the portal (default: site/)")
    build_cmd.add_argument(
        "--dist-dir", metavar="DIR", help="where to put the LMS packages (default: dist/ beside the site folder)"
    )
    build_cmd.add_argument(
        "--site-url",
        metavar="URL",
        help="public address of the portal, e.g. https://example.org/dialogue/ "
        "(default: $SITE_URL, else none; links are relative either way)",
    )
    build_cmd.add_argument(
        "--no-cache",
        action="store_true",
        help="rebuild everything, ignoring the outputs kept in .cache/build/ from earlier builds",
    )
    build_cmd.add_argument(
        "--editor-repo",
        metavar="OWNER/NAME",
        help="the GitHub repository the editor at /admin/ saves to (pull requests) "
        "(default: $CMS_REPO, else $GITHUB_REPOSITORY, which GitHub Actions sets)",
    )
    build_cmd.add_argument(
        "--editor-branch", metavar="BRANCH", help="the branch its pull requests go to (default: $CMS_BRANCH, else main)"
    )
    build_cmd.add_argument(
        "--editor-auth-url",
        metavar="URL",
        help="the OAuth proxy the editor signs in to GitHub through (default: $CMS_AUTH_URL)",
    )
    build_cmd.set_defaults(run=command_build)

    new_cmd = commands.add_parser(
        "new",
        help="create a new page in kk, ru and en at once",
        description="Create content/kk/PATH, content/ru/PATH and content/en/PATH with front matter and "
        "draft: true, so the page is checked for parity but not published until it is ready.",
    )
    new_cmd.add_argument("kind", choices=["page"], help="what to create")
    new_cmd.add_argument("path", metavar="PATH", help="page path inside the language folders, e.g. unity/club.md")
    new_cmd.add_argument("--title", help="a working title (translate it in ru and en afterwards)")
    new_cmd.set_defaults(run=command_new)

    status_cmd = commands.add_parser(
        "status",
        help="pages, words, quizzes, drafts and missing translations per section and language",
        description="Print, per section and language, the number of pages, prose words (without quizzes, "
        "code and data blocks), quizzes, drafts and missing translations: the table an editor "
        "checks before a release. --pages adds the word count of every page in each language.",
    )
    status_cmd.add_argument("--pages", action="store_true", help="also list the words of every page")
    status_cmd.add_argument(
        "--no-diff", action="store_true", help="list the translations behind their Kazakh page without what changed"
    )
    status_cmd.set_defaults(run=command_status)

    translations_cmd = commands.add_parser(
        "translations",
        help="mark translations up to date with their Kazakh page",
        description="Each Russian and English page records, in its front matter (translated_from), which "
        "state of its Kazakh page it translates; `builder status` lists the translations whose Kazakh "
        "page has changed since, with what changed, and the portal shows a notice on them.",
    )
    translations_actions = translations_cmd.add_subparsers(dest="action", required=True, metavar="ACTION")
    mark_cmd = translations_actions.add_parser(
        "mark",
        help="record that translations are up to date with their Kazakh page",
        description="Write the hash of the Kazakh page's present text into each named translation's front "
        "matter (nothing else in the file changes) and keep that text in translations/ for `builder "
        "status`. A Kazakh page stands for both its translations. Marked texts no translation refers "
        "to any more are removed.",
    )
    mark_cmd.add_argument("paths", nargs="*", metavar="PATH", help="pages, e.g. content/ru/about/index.md")
    mark_cmd.add_argument("--all", action="store_true", help="mark every present translation up to date")
    mark_cmd.set_defaults(run=command_translations)
    prune_cmd = translations_actions.add_parser(
        "prune", help="remove the marked texts in translations/ that no translation refers to"
    )
    prune_cmd.set_defaults(run=command_translations)

    audit_cmd = commands.add_parser(
        "audit",
        help="quality gates on the built site: HTML validity, links, Lighthouse; reports in dist/reports/",
        description="Check the built site with the Nu Html Checker (no error), lychee offline with "
        "fragments (no broken link or anchor) and Lighthouse 12 on the home page and a "
        "chapter in every language (mobile; every category at least 0.95). Writes "
        "summary.md, summary.json and the Lighthouse reports into dist/reports/; exits 1 "
        "if a gate fails.",
    )
    audit_cmd.add_argument("--site-dir", metavar="DIR", help="the built site (default: site/)")
    audit_cmd.add_argument("--reports-dir", metavar="DIR", help="where to write reports (default: dist/reports/)")
    audit_cmd.add_argument("--only", metavar="GATES", help="comma-separated subset of: html, links, lighthouse")
    audit_cmd.set_defaults(run=command_audit)

    serve_cmd = commands.add_parser(
        "serve",
        help="live preview for authors, rebuilt and reloaded on every change",
        description="Build the portal into a preview folder and serve it; every change under content/, "
        "theme/ or mkdocs.yml rebuilds it and reloads the open browser pages. Content errors "
        "are printed and the last good preview stays up.",
    )
    serve_cmd.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve_cmd.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    serve_cmd.add_argument(
        "--edit",
        action="store_true",
        help="also run the editor at /admin/ (Decap CMS) against the working tree: starts decap-server "
        "(npm) beside the preview and stops it on exit; every save writes the files under content/",
    )
    serve_cmd.add_argument(
        "--edit-port", type=int, default=8081, help="decap-server's port (default: 8081; 0 picks a free one)"
    )
    serve_cmd.set_defaults(run=command_serve)
    return top


def stopped(command: str, signal_name: str) -> str:
    leaves = STOPPED_LEAVES.get(command)
    return f"builder {command}: stopped by {signal_name}" + (f"; {leaves}" if leaves else "")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        with stop_signals():  # SIGINT and SIGTERM unwind the command: workers and staging folders go with it
            project = Project(Path(args.project).resolve()) if args.project else Project.find()
            return args.run(project, args)
    except Stopped as stop:
        print(stopped(args.command, stop.name), file=sys.stderr, flush=True)
        return stop.exit_status
    except ContentInvalid as invalid:
        return report_errors(invalid.errors)
    except FileNotFoundError as missing:
        print(f"builder: {missing}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # a SIGINT before the handlers were in place
        print(stopped(args.command, "SIGINT"), file=sys.stderr, flush=True)
        return 130
