"""The terminology check: one term per idea, as content/data/glossary.yml decides.

A glossary term may list, per language, variants to avoid (`avoid: {kk: [мұражай]}`). Each use of a
variant in a page is reported with the preferred term. Kazakh and Russian inflect, so a word matches
when it begins with the variant (мұражайы, мұражайларда) and, in a language with a stemmer
(builder/model/stemming, the portal search's stemmer), when its words have the variant's stems
(шеберлік сабағы for шеберлік сабақ: к/қ/п alternate before a vowel). Not reported:
- text inside «…» or “…” quotes (official titles keep their wording);
- words that begin with one of the term's `allow:` phrases (e.g. ерікті түрде, "voluntarily");
- a line that says `terms-allow: <variant>` (in an HTML comment, or a YAML comment in front matter or
  a quiz block), or that follows a line holding only such an HTML comment (above a heading), for a
  single use where the word means something else.
"""

from __future__ import annotations

import re

from builder.model.errors import ErrorReport
from builder.model.stemming import STEMMERS, stem

QUOTED = re.compile(r"«[^»\n]*»|“[^”\n]*”|`[^`\n]*`")
LINE_ALLOW = re.compile(r"terms-allow:\s*([^\s>#]+(?:\s*,\s*[^\s>#,]+)*)")
LETTER = r"[^\W\d_]"
COMMENT_LINE = re.compile(r"^\s*<!--.*-->\s*$")


def variant_pattern(variant: str) -> re.Pattern:
    # a variant starts a word; what follows may be an ending; an abbreviation (АНК) keeps its capitals
    flags = 0 if variant.isupper() else re.IGNORECASE
    return re.compile(rf"(?<!{LETTER}){re.escape(variant)}", flags)


WORD = re.compile(rf"{LETTER}+")


class Variant:
    """A variant to avoid, found by its beginning or, where the language has a stemmer, by its stems."""

    def __init__(self, lang: str, text: str):
        self.text = text
        self.pattern = variant_pattern(text)
        words = [word.lower() for word in WORD.findall(text)]
        stems = [stem(lang, word) for word in words] if lang in STEMMERS and not text.isupper() else []
        # only a base form stands for its inflections: ерікті (voluntary) is stemmed as if it were
        # ерік + accusative, and would report еркін (free)
        self.stems = stems if stems == words else []
        self.lang = lang

    def find(self, line: str) -> int | None:
        """Where in the line the variant begins, or None."""
        found = self.pattern.search(line)
        if found:
            return found.start()
        if not self.stems:
            return None
        words = list(WORD.finditer(line))
        for first in range(len(words) - len(self.stems) + 1):
            window = words[first : first + len(self.stems)]
            if all(stem(self.lang, word.group(0)) == want for word, want in zip(window, self.stems, strict=True)):
                return window[0].start()
        return None


def masked(line: str, allowed: list[str]) -> str:
    """The line without quoted text and without words that begin with an allowed phrase."""
    line = QUOTED.sub(lambda m: " " * len(m.group(0)), line)
    for phrase in allowed:
        line = re.sub(
            rf"(?<!{LETTER}){re.escape(phrase)}{LETTER}*", lambda m: " " * len(m.group(0)), line, flags=re.IGNORECASE
        )
    return line


def check_terminology(content, glossary: list[dict], report: ErrorReport) -> None:
    rules = {}  # lang -> [(Variant, variant, preferred term, allowed phrases)]
    for term in glossary:
        for lang, variants in term.get("avoid", {}).items():
            allowed = term.get("allow", {}).get(lang, [])
            rules.setdefault(lang, []).extend((Variant(lang, v), v, term.get(lang, ""), allowed) for v in variants)
    for page in content.all_pages():
        if not page.readable or page.lang not in rules:
            continue
        title_line = page.meta_lines.get("title", 1)
        # the title as written (a YAML comment there may carry a terms-allow marker)
        lines = [(title_line, page.source.read_text(encoding="utf-8").split("\n")[title_line - 1])]
        lines += [(page.body_line + number, line) for number, line in enumerate(page.body.split("\n"))]
        previous = ""
        for number, line in lines:
            # a marker on the line itself, or alone in a comment on the line before (e.g. above a heading)
            markers = [LINE_ALLOW.search(line)]
            if COMMENT_LINE.match(previous):
                markers.append(LINE_ALLOW.search(previous))
            previous = line
            exempt = {word.strip().casefold() for marker in markers if marker for word in marker.group(1).split(",")}
            for matcher, variant, preferred, allowed in rules[page.lang]:
                if variant.casefold() in exempt:
                    continue
                start = matcher.find(masked(line, allowed))
                if start is not None:
                    word = re.match(rf"{LETTER}*", line[start:]).group(0) or variant
                    report.add(
                        page.source,
                        number,
                        f"'{word}': the glossary's term is '{preferred}' (content/data/glossary.yml avoids "
                        f"'{variant}'); if the word means something else here, add "
                        f"'terms-allow: {variant}' to the line in a comment",
                        code="term.avoided",
                    )
