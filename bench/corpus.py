"""A synthetic trilingual corpus for the build benchmark.

`generate(root, pages_per_language)` writes a complete project at root:

    root/mkdocs.yml           the project's own configuration (copied)
    root/theme/               the project's theme (copied)
    root/mkdocs-plain.yml     the same pages for plain mkdocs + Material + mkdocs-static-i18n
    root/content/{kk,ru,en}/  N pages per language: index.md, then chapters of 25 pages
    root/content/nav.yml      every page, in the same order as plain mkdocs sorts them
    root/content/courses/     one course per chapter that holds quizzes
    root/content/data/        the project's data files (copied)

Pages are about 800 words of deterministic pseudo-random text: Kazakh-like Cyrillic for kk,
Russian-like for ru, English for en; with h2/h3 headings, a table, bullet and numbered lists, an
admonition, 2-3 relative links to other pages (some with #anchors that exist), and a quiz on every
fifth page. Every language has the same structure and the same word count per page; the same seed
gives byte-identical files.

Run as a script: `python bench/corpus.py DIR --pages 50` (with the project's venv).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import posixpath
import random
import shutil
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LANGS = ("kk", "ru", "en")
CHAPTER_SIZE = 25  # pages per chapter, its index.md included
QUIZ_EVERY = 5
TARGET_WORDS = 800
MARKER_FILE = ".bench-corpus.json"  # parameters of the corpus, so a kept corpus can be reused

# --- vocabularies ---------------------------------------------------------------------------------

KK_REAL = """этносаралық келісім мәдениет қоғам білім студент ұлт тіл бірлік азамат құндылық өңір жастар
диалог дәстүр отбасы мемлекет халық тарих заң саясат ынтымақ татулық достық құрмет өзара қатынас топ
оқу мұғалім куратор мектеп университет ғылым зерттеу әдіс тәсіл жоба бағдарлама медиация қақтығыс
шешім мәселе мақсат міндет нәтиже тәжірибе ұйым қауымдастық өкіл белсенді маңызды жаңа негізгі жалпы
әртүрлі ортақ бірге үшін және мен бен да де пен туралы арқылы бойынша сияқты ретінде болып табылады
етеді қажет мүмкін жүзеге асырылады дамыту қалыптастыру сенім төзімділік ынта көзқарас пікір әңгіме
тақырып сабақ дәріс семинар пән кітап оқулық мазмұн құрылым жүйе үдеріс кезең деңгей сапа бағыт
ұстаным қағидат мүдде тарап келіссөз ымыра ортақтық әділдік теңдік бостандық жауапкершілік""".split()
KK_ONSETS = "б д ж з к қ л м н п р с т ш ғ й т с к".split()
KK_VOWELS = "а ә е ы і о ө ұ ү а е ы".split()
KK_CODAS = ["", "", "н", "ң", "р", "л", "қ", "с", "т", "й", "м", "ғ"]
KK_SUFFIXES = [
    "",
    "",
    "",
    "лар",
    "лер",
    "дың",
    "дің",
    "ға",
    "ге",
    "да",
    "де",
    "мен",
    "ның",
    "ды",
    "ын",
    "тың",
    "тар",
    "ғы",
    "гі",
    "лық",
    "лік",
]

RU_REAL = """межэтнический согласие культура общество образование студент народ язык единство
гражданин ценность регион молодёжь диалог традиция семья государство история закон политика дружба
уважение взаимный отношение группа обучение учитель куратор школа университет наука исследование
метод способ проект программа медиация конфликт профилактика решение проблема цель задача результат
опыт организация сообщество представитель активный важный новый основной общий различный совместный
вместе для и с о в на по через как является может должен необходимо возможно осуществляется развитие
формирование доверие терпимость интерес взгляд мнение беседа тема занятие лекция семинар предмет
книга учебник содержание структура система процесс этап уровень качество направление позиция
принцип сторона переговоры компромисс справедливость равенство свобода ответственность""".split()
RU_ONSETS = "б в г д ж з к л м н п р с т ф х ц ч ш щ бр пр ст тр кр гл пл".split()
RU_VOWELS = "а е и о у ы я ю о е а и".split()
RU_CODAS = ["", "", "", "н", "р", "л", "с", "т", "м", "к", "в"]
RU_SUFFIXES = [
    "",
    "",
    "ость",
    "ение",
    "ание",
    "ный",
    "ная",
    "ное",
    "ского",
    "ской",
    "ами",
    "ях",
    "ов",
    "ей",
    "ому",
    "ить",
    "ует",
    "ал",
    "ила",
    "ство",
]

EN_REAL = """the of and to in a is that for it as with was on be by this are from or have an which
not at but all were their been has more one can other would there also its into only these some than
between people culture cultural community communities dialogue student students teacher teachers group
groups language languages society social policy history tradition traditions family state nation
ethnic interethnic harmony conflict conflicts prevention mediation mediator mediators agreement
respect trust tolerance value values identity education learning university school curator curators
research method methods approach project programme result results practice experience organisation
representative active important new main common different shared together through during within
about should must may develop developing support supporting build building understanding
understand recognise recognition equality justice freedom responsibility participation participants
session sessions stage stages level quality direction position principle principles party parties
negotiation compromise interest interests view views opinion discussion topic lesson lecture seminar
subject textbook content structure system process region regional civic citizen citizens young youth
peace peaceful open openness shared heritage memory festival celebration association centre public
local national international example examples question questions answer answers role roles activity
activities task tasks goal goals outcome outcomes skill skills knowledge attitude attitudes behaviour
everyday relations relationship relationships diversity unity integration migration neighbours""".split()
EN_ONSETS = "b c d f g h l m n p r s t v w br cl dr gr pl st tr".split()
EN_VOWELS = "a e i o u a e i o ea ou".split()
EN_CODAS = ["", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ng"]
EN_SUFFIXES = ["", "", "", "s", "ing", "ed", "tion", "ment", "ity", "al", "ness", "er"]

LOCALE = {
    "kk": {"note": "Есте сақтаңыз", "self_check": "Өзін-өзі тексеру", "true": "Дұрыс", "home": "Басты бет"},
    "ru": {"note": "Запомните", "self_check": "Самопроверка", "true": "Верно", "home": "Главная"},
    "en": {"note": "Remember", "self_check": "Self-check", "true": "Correct", "home": "Home"},
}


def pseudo_word(rng: random.Random, onsets, vowels, codas, suffixes) -> str:
    syllables = rng.choice((1, 2, 2, 2, 2, 3))
    word = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables))
    return word + rng.choice(suffixes)


@dataclass
class Vocabulary:
    words: list[str]
    cumulative: list[float]

    def word(self, rng: random.Random) -> str:
        return self.words[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@cache
def vocabulary(lang: str, seed: int) -> Vocabulary:
    """A few thousand words with Zipf-like frequencies: real words first (frequent), pseudo-words after."""
    rng = random.Random(f"vocabulary:{lang}:{seed}")
    real, shape, size = {
        "kk": (KK_REAL, (KK_ONSETS, KK_VOWELS, KK_CODAS, KK_SUFFIXES), 3000),
        "ru": (RU_REAL, (RU_ONSETS, RU_VOWELS, RU_CODAS, RU_SUFFIXES), 3000),
        "en": (EN_REAL, (EN_ONSETS, EN_VOWELS, EN_CODAS, EN_SUFFIXES), 2000),
    }[lang]
    words = list(dict.fromkeys(real))
    seen = set(words)
    while len(words) < size:
        word = pseudo_word(rng, *shape)
        if len(word) > 2 and word not in seen:
            seen.add(word)
            words.append(word)
    head, tail = words[: len(real)], words[len(real) :]
    rng.shuffle(head)
    ordered = head + tail
    cumulative = list(itertools.accumulate(1.0 / (rank + 2) ** 1.05 for rank in range(len(ordered))))
    return Vocabulary(ordered, cumulative)


class Writer:
    """Text in one language from one random stream."""

    def __init__(self, lang: str, seed: int, stream: str):
        self.lang = lang
        self.vocab = vocabulary(lang, seed)
        self.rng = random.Random(stream)

    def words(self, count: int) -> list[str]:
        return [self.vocab.word(self.rng) for _ in range(count)]

    def phrase(self, count: int) -> str:
        text = " ".join(self.words(count))
        return text[:1].upper() + text[1:]

    def sentence(self, count: int) -> str:
        words = self.words(count)
        if count > 9 and self.rng.random() < 0.5:
            cut = self.rng.randrange(3, count - 3)
            words[cut] += ","
        if count > 6 and self.rng.random() < 0.25:
            at = self.rng.randrange(1, count - 1)
            mark = self.rng.choice(("**", "*"))
            words[at] = f"{mark}{words[at].rstrip(',')}{mark}" + ("," if words[at].endswith(",") else "")
        text = " ".join(words)
        return text[:1].upper() + text[1:] + "."

    def prose(self, count: int) -> list[str]:
        """Sentences of 7-17 words adding up to exactly count words."""
        sentences = []
        while count > 0:
            length = min(count, self.rng.randint(7, 17))
            if 0 < count - length < 4:
                length = count
            sentences.append(self.sentence(length))
            count -= length
        return sentences


# --- the corpus plan ------------------------------------------------------------------------------


@dataclass
class Chapter:
    folder: str  # "chapter-01/"
    pages: list[str] = field(default_factory=list)  # paths, index.md first


@dataclass
class Corpus:
    pages: list[str]  # every page path in navigation order
    chapters: list[Chapter]
    seed: int
    skeletons: dict = field(default_factory=dict)  # path -> Skeleton, filled on demand

    def __post_init__(self):
        self.number = {path: number for number, path in enumerate(self.pages)}
        self.quiz_pages = [path for number, path in enumerate(self.pages) if number % QUIZ_EVERY == QUIZ_EVERY - 1]
        self.quiz_number = {path: number for number, path in enumerate(self.quiz_pages)}


def plan_corpus(pages_per_language: int, seed: int = 0) -> Corpus:
    if pages_per_language < 2:
        raise ValueError("the corpus needs at least 2 pages per language")
    rest = pages_per_language - 1  # index.md at the root
    chapter_count = -(-rest // CHAPTER_SIZE)
    width = max(2, len(str(chapter_count)))
    chapters = []
    pages = ["index.md"]
    for number in range(chapter_count):
        size = min(CHAPTER_SIZE, rest - number * CHAPTER_SIZE)
        folder = f"chapter-{number + 1:0{width}d}/"
        chapter = Chapter(folder, [folder + "index.md"])
        slugger = Writer("en", seed, f"slug:{seed}:{folder}")
        for lesson in range(1, size):
            slug = "-".join(w for w in slugger.words(2) if w.isascii() and w.isalpha()) or "lesson"
            chapter.pages.append(f"{folder}{lesson:02d}-{slug}.md")
        chapters.append(chapter)
        pages.extend(chapter.pages)
    return Corpus(pages, chapters, seed)


@dataclass
class Skeleton:
    """The language-neutral shape of a page: its blocks, heading count and link targets."""

    blocks: list[tuple]
    headings: int
    quiz: bool


def skeleton(corpus: Corpus, path: str) -> Skeleton:
    if path not in corpus.skeletons:
        corpus.skeletons[path] = make_skeleton(corpus, path)
    return corpus.skeletons[path]


def make_skeleton(corpus: Corpus, path: str) -> Skeleton:
    rng = random.Random(f"skeleton:{corpus.seed}:{path}")
    blocks: list[tuple] = [("p", rng.randint(45, 70)), ("note", rng.randint(30, 45))]
    words = blocks[0][1] + blocks[1][1]
    heading = 0
    extras = ["table", "bullets", "numbers"]
    rng.shuffle(extras)
    links = link_targets(corpus, path, rng)
    while words < TARGET_WORDS - 120 or extras:
        blocks.append(("h2", heading))
        heading += 1
        for _ in range(rng.randint(1, 2)):
            count = rng.randint(50, 90)
            blocks.append(("p", count))
            words += count
        if extras:
            kind = extras.pop()
            if kind == "table":
                rows, cols = rng.randint(4, 6), 4
                blocks.append(("table", rows, cols))
                words += rows * cols * 2 + cols
            else:
                items = rng.randint(4, 6)
                blocks.append((kind, items))
                words += items * 7
        if rng.random() < 0.6:
            blocks.append(("h3", heading))
            heading += 1
            count = rng.randint(40, 80)
            blocks.append(("p", count))
            words += count
    # put each link into its own paragraph, spread over the page
    paragraphs = [index for index, block in enumerate(blocks) if block[0] == "p"]
    for link, index in zip(links, rng.sample(paragraphs, len(links)), strict=True):
        blocks[index] = blocks[index] + (link,)
    return Skeleton(blocks, heading, path in corpus.quiz_number)


def link_targets(corpus: Corpus, path: str, rng: random.Random) -> list[tuple[str, int | None]]:
    """2-3 links to other pages: (path, heading number or None); about half carry an #anchor."""
    folder = path.rpartition("/")[0] + "/" if "/" in path else ""
    chapter = next((c for c in corpus.chapters if c.folder == folder), None)
    near = [p for p in chapter.pages if p != path] if chapter else []
    chosen = [rng.choice(near)] if near else []
    wanted = rng.randint(2, 3)
    while len(chosen) < wanted:
        other = corpus.pages[rng.randrange(len(corpus.pages))]
        if other != path:
            chosen.append(other)
    return [(target, 0 if rng.random() < 0.5 else None) for target in chosen]


def relative_link(source: str, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(source) or ".")


@cache
def _headings(seed: int, path: str, lang: str, count: int) -> tuple[str, ...]:
    writer = Writer(lang, seed, f"headings:{seed}:{path}:{lang}")
    slugs, texts = set(), []
    while len(texts) < count:
        text = writer.phrase(writer.rng.randint(2, 4))
        key = slug(text)
        if key and key not in slugs and key != slug(LOCALE[lang]["self_check"]):
            slugs.add(key)
            texts.append(text)
    return tuple(texts)


def title_of(seed: int, path: str, lang: str) -> str:
    writer = Writer(lang, seed, f"title:{seed}:{path}:{lang}")
    return writer.phrase(writer.rng.randint(2, 5))


@lru_cache(maxsize=1)
def _slugify():
    from pymdownx.slugs import slugify  # the slugify of the project's toc setting

    return slugify(case="lower")


def slug(text: str) -> str:
    return _slugify()(text, "-")


def render_page(corpus: Corpus, path: str, lang: str) -> str:
    shape = skeleton(corpus, path)
    seed = corpus.seed
    writer = Writer(lang, seed, f"text:{seed}:{path}:{lang}")
    headings = _headings(seed, path, lang, shape.headings)
    title = title_of(seed, path, lang)
    description = writer.sentence(writer.rng.randint(8, 14))
    out = [
        "---",
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
        "---",
        "",
        f"# {title}",
        "",
    ]
    for block in shape.blocks:
        kind = block[0]
        if kind == "p":
            sentences = writer.prose(block[1])
            if len(block) > 2:
                target, anchor = block[2]
                text = writer.phrase(writer.rng.randint(2, 4)).lower()
                link = relative_link(path, target)
                if anchor is not None:
                    target_shape = skeleton(corpus, target)
                    link += "#" + slug(_headings(seed, target, lang, target_shape.headings)[anchor])
                at = writer.rng.randrange(len(sentences))
                sentences.insert(at + 1, f"[{text[:1].upper() + text[1:]}]({link}).")
            out += [" ".join(sentences), ""]
        elif kind == "note":
            out += [f'!!! note "{LOCALE[lang]["note"]}"', "    " + " ".join(writer.prose(block[1])), ""]
        elif kind in ("h2", "h3"):
            out += [("## " if kind == "h2" else "### ") + headings[block[1]], ""]
        elif kind == "table":
            rows, cols = block[1], block[2]
            out.append("| " + " | ".join(writer.phrase(1) for _ in range(cols)) + " |")
            out.append("|" + "---|" * cols)
            for _ in range(rows):
                out.append("| " + " | ".join(writer.phrase(2) for _ in range(cols)) + " |")
            out.append("")
        elif kind in ("bullets", "numbers"):
            for number in range(block[1]):
                bullet = "-" if kind == "bullets" else f"{number + 1}."
                out.append(f"{bullet} {writer.phrase(7)}")
            out.append("")
    if shape.quiz:
        out += [f"## {LOCALE[lang]['self_check']}", "", *quiz_block(corpus, path, lang), ""]
    return "\n".join(out)


QUIZ_TYPES = ("single", "multiple", "truefalse", "text", "match", "order")


def quiz_id(path: str) -> str:
    return "bq-" + path.removesuffix(".md").replace("/", "-").lower()[:60]


def quiz_type(corpus: Corpus, path: str) -> str:
    return QUIZ_TYPES[corpus.quiz_number[path] % len(QUIZ_TYPES)]


def quiz_block(corpus: Corpus, path: str, lang: str) -> list[str]:
    """One quiz: the same id, type, counts and right answers in every language."""
    q = json.dumps
    shape_rng = random.Random(f"quiz:{corpus.seed}:{path}")
    kind = quiz_type(corpus, path)
    writer = Writer(lang, corpus.seed, f"quiz:{corpus.seed}:{path}:{lang}")

    def distinct(count: int, length: int) -> list[str]:
        texts: list[str] = []
        while len(texts) < count:
            text = writer.phrase(length)
            if text not in texts:
                texts.append(text)
        return texts

    lines = [
        "```quiz",
        f"id: {quiz_id(path)}",
        f"type: {kind}",
        f"question: {q(writer.sentence(writer.rng.randint(8, 14)).rstrip('.') + '?', ensure_ascii=False)}",
    ]
    if kind in ("single", "multiple"):
        count = shape_rng.randint(3, 4)
        correct = {shape_rng.randrange(count)}
        if kind == "multiple":
            correct.add((min(correct) + 1) % count)
        lines.append("options:")
        for number, text in enumerate(distinct(count, 4)):
            lines.append(f"  - text: {q(text, ensure_ascii=False)}")
            if number in correct:
                lines.append("    correct: true")
            lines.append(f"    feedback: {q(writer.sentence(6), ensure_ascii=False)}")
    elif kind == "truefalse":
        lines.append(f"answer: {'true' if shape_rng.random() < 0.5 else 'false'}")
    elif kind == "text":
        lines.append("answers:")
        lines += [f"  - {q(text, ensure_ascii=False)}" for text in distinct(2, 1)]
    elif kind == "match":
        count = shape_rng.randint(3, 4)
        lefts, rights = distinct(count, 2), distinct(count, 3)
        lines.append("pairs:")
        for left, right in zip(lefts, rights, strict=True):
            lines += [f"  - left: {q(left, ensure_ascii=False)}", f"    right: {q(right, ensure_ascii=False)}"]
    elif kind == "order":
        lines.append("items:")
        lines += [f"  - {q(text, ensure_ascii=False)}" for text in distinct(shape_rng.randint(3, 5), 3)]
    lines.append(f"explanation: {q(writer.sentence(10), ensure_ascii=False)}")
    lines.append("```")
    return lines


# --- project files --------------------------------------------------------------------------------


def nav_yaml(corpus: Corpus) -> str:
    lines = ["# Generated by bench/corpus.py: every page, in the order plain mkdocs sorts them.", "- index.md"]
    for chapter in corpus.chapters:
        lines.append(f"- {chapter.folder}:")
        lines += [f"    - {page}" for page in chapter.pages]
    return "\n".join(lines) + "\n"


def course_yaml(corpus: Corpus, chapter: Chapter) -> str | None:
    quizzes = [quiz_id(p) for p in chapter.pages if p in corpus.quiz_number]
    if not quizzes:
        return None
    q = json.dumps
    index = chapter.folder + "index.md"
    lines = [f"id: {chapter.folder.rstrip('/')}", "title:"]
    lines += [f"  {lang}: {q(title_of(corpus.seed, index, lang), ensure_ascii=False)}" for lang in LANGS]
    lines.append("description:")
    for lang in LANGS:
        writer = Writer(lang, corpus.seed, f"course:{corpus.seed}:{chapter.folder}:{lang}")
        lines.append(f"  {lang}: {q(writer.sentence(12), ensure_ascii=False)}")
    lines += ["pass_mark: 70", "pages:"]
    lines += [f"  - {page}" for page in chapter.pages]
    lines.append("graded:")
    lines += [f"  - {quiz}" for quiz in quizzes[-2:]]
    return "\n".join(lines) + "\n"


PLAIN_EXTENSIONS = """\
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.tasklist
"""


def plain_config() -> str:
    """Plain mkdocs + Material + static-i18n over the same content/ folder: the issue's baseline.

    The default static-i18n build (all languages in one mkdocs run, one search index), Material with
    the project's theme features except navigation.prune, so every page carries the full navigation,
    and the navigation generated from the folders (nav.yml lists the pages in that very order).
    The project's own Markdown extensions and fences are left out (a quiz renders as a code block).
    Material has no Kazakh interface strings, so the Kazakh build uses the English ones (every
    language names its theme language: static-i18n would otherwise carry 'kk' over from the first
    build into the next ones).
    """
    return f"""\
# Generated by bench/corpus.py: the baseline for the benchmark, plain mkdocs + Material + static-i18n.
site_name: Cross-cultural Dialogue
site_description: A learning portal (benchmark corpus)
use_directory_urls: true
docs_dir: content
site_dir: site-plain
exclude_docs: |
  /courses/
  /data/
  /nav.yml

theme:
  name: material
  language: en
  font: false
  features:
    - navigation.indexes
    - navigation.top
    - navigation.footer
    - navigation.tracking
    - search.highlight
    - search.suggest
    - toc.follow

extra:
  generator: false

plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: false
      languages:
        - locale: kk
          name: Қазақша
          default: true
          build: true
          theme:
            language: en
        - locale: ru
          name: Русский
          build: true
          theme:
            language: ru
        - locale: en
          name: English
          build: true
          theme:
            language: en

{PLAIN_EXTENSIONS}"""


def refresh_project_files(root: Path, source: Path = REPO) -> None:
    """Copy mkdocs.yml and theme/ of the project at source into root (done again on every benchmark
    run, so a kept corpus is built with the configuration and theme being measured)."""
    shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
    if (root / "theme").is_symlink() or (root / "theme").is_file():
        (root / "theme").unlink()
    elif (root / "theme").exists():
        shutil.rmtree(root / "theme")
    shutil.copytree(source / "theme", root / "theme")
    (root / "mkdocs-plain.yml").write_text(plain_config(), encoding="utf-8")


def generate(root: Path, pages_per_language: int, seed: int = 0, source: Path = REPO) -> Corpus:
    """Write the whole project at root (content/ is replaced); returns the plan.

    mkdocs.yml, theme/ and content/data/ come from the project at source (default: this checkout).
    """
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    corpus = plan_corpus(pages_per_language, seed)
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    for lang in LANGS:
        for path in corpus.pages:
            target = content / lang / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render_page(corpus, path, lang), encoding="utf-8")
    (content / "nav.yml").write_text(nav_yaml(corpus), encoding="utf-8")
    (content / "courses").mkdir()
    for chapter in corpus.chapters:
        text = course_yaml(corpus, chapter)
        if text:
            (content / "courses" / f"{chapter.folder.rstrip('/')}.yml").write_text(text, encoding="utf-8")
    shutil.copytree(source / "content" / "data", content / "data")
    refresh_project_files(root, source)
    (root / MARKER_FILE).write_text(json.dumps({"pages_per_language": pages_per_language, "seed": seed}) + "\n")
    return corpus


def matches(root: Path, pages_per_language: int, seed: int = 0) -> bool:
    """Whether root holds a complete corpus generated with these parameters."""
    try:
        marker = json.loads((Path(root) / MARKER_FILE).read_text())
    except (OSError, ValueError):
        return False
    return marker == {"pages_per_language": pages_per_language, "seed": seed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic trilingual project for the benchmark.")
    parser.add_argument("root", type=Path, help="where to write the project")
    parser.add_argument("--pages", type=int, default=50, help="pages per language (default: 50)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--code",
        type=Path,
        default=REPO,
        help="the project whose mkdocs.yml, theme/ and content/data/ to use (default: this checkout)",
    )
    args = parser.parse_args(argv)
    corpus = generate(args.root, args.pages, args.seed, args.code.resolve())
    print(
        f"wrote {len(corpus.pages)} pages x {len(LANGS)} languages, {len(corpus.quiz_pages)} quizzes per "
        f"language, {len(corpus.chapters)} chapters to {args.root}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
