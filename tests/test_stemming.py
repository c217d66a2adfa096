"""The Kazakh stemmer, twice: Python (builder/model/stemming) and the search's JavaScript
(theme/assets/search/lunr.kk.js) must give every form of tests/fixtures/stemming/kk.tsv its stem, keep
the pairs of kk-distinct.tsv apart, agree with each other on every word of content/kk, and the
JavaScript must work as a lunr plugin."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import mkdocs
import pytest

from builder.model.stemming import STEMMERS, kazakh, stem
from conftest import FIXTURES, REPO

TABLE = FIXTURES / "stemming" / "kk.tsv"
DISTINCT = FIXTURES / "stemming" / "kk-distinct.tsv"
SCRIPT = REPO / "theme" / "assets" / "search" / "lunr.kk.js"
LUNR = Path(mkdocs.__file__).parent / "contrib" / "search" / "templates" / "search" / "lunr.js"
WORD = re.compile(r"[^\W\d_]+")

# Loads the script as a page or a worker would (a global `self`, lunr only if asked), then stems the
# JSON list of words on stdin.
STEM_IN_NODE = """
global.self = global;
require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk)).on("end", () => {
  process.stdout.write(JSON.stringify(JSON.parse(input).map((word) => self.ccdStemmers.kk(word))));
});
"""


def rows(path: Path) -> list[tuple[int, str, str]]:
    """(line number, first column, second column) of each row of a two-column table."""
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            columns = line.split("\t")
            assert len(columns) == 2 and all(columns), f"{path.name}:{number}: expected two columns: {line!r}"
            found.append((number, *columns))
    return found


def content_words() -> list[str]:
    words = set()
    for page in (REPO / "content" / "kk").rglob("*.md"):
        text = unicodedata.normalize("NFC", page.read_text(encoding="utf-8")).lower()
        words.update(WORD.findall(text))
    return sorted(words)


def node(script: str, *args: str, stdin: str = "") -> str:
    executable = shutil.which("node")
    assert executable, "node is missing from PATH"
    result = subprocess.run(
        [executable, "-e", script, *args], input=stdin, capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def js_stem() -> dict[str, str]:
    """The JavaScript stem of every word the tests ask about, from one node process."""
    words = {form for _, form, _ in rows(TABLE)}
    words.update(word for _, a, b in rows(DISTINCT) for word in (a, b))
    words.update(content_words())
    words = sorted(words)
    stems = json.loads(node(STEM_IN_NODE, str(SCRIPT), stdin=json.dumps(words)))
    return dict(zip(words, stems, strict=True))


def test_the_tables_are_big_enough_and_unique():
    forms = [form for _, form, _ in rows(TABLE)]
    assert len(forms) >= 300
    assert len(forms) == len(set(forms)), "a form is listed twice"
    assert len(rows(DISTINCT)) >= 40


def test_every_form_gets_its_stem_in_python():
    wrong = [f"kk.tsv:{n}: {form} -> {kazakh.stem(form)}, expected {want}" for n, form, want in rows(TABLE)
             if kazakh.stem(form) != want]  # fmt: skip
    assert not wrong, "\n".join(wrong)


def test_every_form_gets_its_stem_in_javascript(js_stem):
    wrong = [f"kk.tsv:{n}: {form} -> {js_stem[form]}, expected {want}" for n, form, want in rows(TABLE)
             if js_stem[form] != want]  # fmt: skip
    assert not wrong, "\n".join(wrong)


def test_different_words_keep_different_stems(js_stem):
    merged = [
        f"kk-distinct.tsv:{n}: {a}, {b} -> {kazakh.stem(a)} / {js_stem[a]}"
        for n, a, b in rows(DISTINCT)
        if kazakh.stem(a) == kazakh.stem(b) or js_stem[a] == js_stem[b]
    ]
    assert not merged, "\n".join(merged)


def test_python_and_javascript_agree_on_every_word_of_the_kazakh_content(js_stem):
    words = content_words()
    assert len(words) > 3000  # the content is there: the comparison means something
    differ = [f"{word}: python {kazakh.stem(word)}, javascript {js_stem[word]}" for word in words
              if kazakh.stem(word) != js_stem[word]]  # fmt: skip
    assert not differ, "\n".join(differ[:50])


def test_stem_normalises_and_knows_its_languages():
    decomposed = unicodedata.normalize("NFD", "Тәлімгерлерімізбен")  # ә and й can arrive decomposed
    assert stem("kk", decomposed) == "тәлімгер"
    assert stem("kk", "ҚАЗАҚСТАННЫҢ") == "қазақстан"
    assert stem("en", "Mediators") == "mediators"  # no stemmer yet: normalised, not stemmed
    assert set(STEMMERS) == {"kk"}


LUNR_SEARCH = """
global.self = global;
global.lunr = require(process.argv[1]);
require(process.argv[2]);
const documents = [
  { id: "culture", body: "Студенттер мәдениеттерінің ерекшеліктерін, дәстүрлерін талқылады." },
  { id: "conflict", body: "Қақтығыс кезінде медиатор (бейтарап тарап) екі тарапты да тыңдайды." },
];
const index = lunr(function () {
  this.use(lunr.kk);
  this.ref("id");
  this.field("body");
  documents.forEach((document) => this.add(document));
});
const reloaded = lunr.Index.load(JSON.parse(JSON.stringify(index)));
const queries = JSON.parse(process.argv[3]);
const found = (idx) => Object.fromEntries(queries.map((q) => [q, idx.search(q).map((hit) => hit.ref)]));
process.stdout.write(JSON.stringify({
  registered: lunr.Pipeline.registeredFunctions["stemmer-kk"] === lunr.kk.stemmer,
  found: found(index),
  reloaded: found(reloaded),
}));
"""


def test_lunr_kk_is_a_lunr_plugin_that_finds_other_forms():
    queries = {
        "мәдениет": ["culture"],
        "студентке": ["culture"],
        "дәстүрлеріміз": ["culture"],
        "қақтығыстардың": ["conflict"],
        "медиаторлармен": ["conflict"],
        "тарап": ["conflict"],
        "ерекшелігі": ["culture"],  # written "ерекшеліктерін,": the comma is trimmed
        "бейтарапқа": ["conflict"],  # written "(бейтарап": so is the bracket
        "тарақ": [],
    }
    result = json.loads(node(LUNR_SEARCH, str(LUNR), str(SCRIPT), json.dumps(list(queries))))
    assert result["registered"]
    assert result["found"] == queries
    assert result["reloaded"] == queries  # a serialised index finds its pipeline function by name
