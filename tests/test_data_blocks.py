"""Schedules, calendars, glossary and chart: built from front matter and content/data/."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from importlib import resources

import pytest
from lxml import etree
from lxml import html as lxml_html

from builder.model.events import Event
from builder.outputs.calendar import calendar_file, kazakhstan
from builder.pipeline import build
from conftest import REPO, new_project


@pytest.fixture(scope="module")
def culture_site(tmp_path_factory):
    project = new_project(tmp_path_factory.mktemp("culture"), overlays=("culture",))
    return build(project, progress=lambda message: None)


def test_schedule_table_in_each_language(culture_site):
    expected = {
        "": (
            "2027 жылғы 18 ақпан (Жоспарланған)",
            "Корей мәдениеті күні",
            "Облыстық корей этномәдени бірлестігі",
            "Достық үйі",
        ),
        "ru/": (
            "18 февраля 2027 г. (Планируется)",
            "День корейской культуры",
            "Областное корейское этнокультурное объединение",
            "Дом дружбы",
        ),
        "en/": (
            "18 February 2027 (Planned)",
            "Korean culture day",
            "The regional Korean ethnocultural association",
            "Friendship House",
        ),
    }
    for prefix, (date, title, association, venue) in expected.items():
        page = culture_site / prefix / "culture" / "days" / "index.html"
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        cells = [" ".join(td.text_content().split()) for td in tree.cssselect(".ccd-schedule tbody td")]
        assert cells == [date, "15:00", title, association, venue, "120 " + ("мин" if prefix != "en/" else "min")]
        link = tree.cssselect(".ccd-schedule tbody a")[0].get("href")
        assert (page.parent / link / "index.html").is_file()
        assert tree.cssselect(".ccd-schedule__calendar a[download]")[0].get("href") == "schedule.ics"
        # a planned date says so above the table
        assert len(tree.cssselect(".ccd-schedule__planned")) == 1


def test_an_event_page_shows_its_facts_from_the_front_matter(culture_site):
    expected = {
        "": (
            "Жоспарланған іс-шара",
            "2027 жылғы 18 ақпан, бейсенбі",
            "15:00–17:00 (120 мин)",
            "Достық үйі",
            "Облыстық корей этномәдени бірлестігі",
            "Жоспарланған",
        ),
        "ru/": (
            "Запланированное мероприятие",
            "18 февраля 2027 г., четверг",
            "15:00–17:00 (120 мин)",
            "Дом дружбы",
            "Областное корейское этнокультурное объединение",
            "Планируется",
        ),
        "en/": (
            "A planned event",
            "Thursday, 18 February 2027",
            "15:00–17:00 (120 min)",
            "Friendship House",
            "The regional Korean ethnocultural association",
            "Planned",
        ),
    }
    for prefix, (title, date, time, venue, organiser, status) in expected.items():
        page = culture_site / prefix / "culture/days/korean/index.html"
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        (block,) = tree.cssselect(".ccd-event")
        assert block.cssselect(".admonition-title")[0].text_content() == title
        assert block.cssselect(".ccd-event__planned")  # the indicative-date notice
        assert [" ".join(dd.text_content().split()) for dd in block.cssselect("dd")] == [
            date,
            time,
            venue,
            organiser,
            status,
        ]
        link = block.cssselect(".ccd-event__calendar a")[0].get("href")
        assert (page.parent / link).resolve() == (culture_site / prefix / "culture/days/schedule.ics").resolve()
    confirmed = lxml_html.fromstring(
        (culture_site / "en/culture/excursions/museum/index.html").read_text(encoding="utf-8")
    )
    (block,) = confirmed.cssselect(".ccd-event")
    assert "warning" not in block.get("class") and not block.cssselect(".ccd-event__planned")
    assert [" ".join(dd.text_content().split()) for dd in block.cssselect("dd")][2:] == [
        "Karaganda Regional Museum of Local History",
        "The museum's main entrance",
        "Confirmed",
    ]


def test_excursion_schedule_names_the_place_in_the_page_language(culture_site):
    tree = lxml_html.fromstring((culture_site / "ru/culture/excursions/index.html").read_text(encoding="utf-8"))
    cells = [" ".join(td.text_content().split()) for td in tree.cssselect(".ccd-schedule tbody td")]
    assert cells[3:5] == ["Карагандинский областной историко-краеведческий музей", "Главный вход музея"]


def parse_ics(data: bytes) -> list[dict]:
    """A strict reader: CRLF only, folded lines within 75 octets, required properties present, every
    TZID defined by a VTIMEZONE. A property is keyed by its name with its parameters ("DTSTART;TZID=…")."""
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    for raw in data.split(b"\r\n"):
        assert len(raw) <= 75, raw
        raw.decode("utf-8")  # folding never splits a letter
    text = data.decode("utf-8").replace("\r\n ", "")
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    zones = {line.removeprefix("TZID:") for line in lines if line.startswith("TZID:")}
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    for event in events:
        names = {name.split(";")[0]: name for name in event}
        for required in ("UID", "DTSTAMP", "DTSTART", "DURATION", "SUMMARY"):
            assert required in names
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
        start = names["DTSTART"]
        assert (start == "DTSTART" and event[start].endswith("Z")) or start.removeprefix("DTSTART;TZID=") in zones
        assert re.fullmatch(r"\d{8}T\d{6}Z?", event[start]) and re.fullmatch(r"PT(\d+H)?(\d+M)?", event["DURATION"])
    return events


def test_calendar_files_are_valid_and_in_local_time(culture_site):
    data = (culture_site / "culture/days/schedule.ics").read_bytes()
    events = parse_ics(data)
    assert events == [
        {
            "UID": "korean-20270218-kk@cross-cultural-dialogue",
            "DTSTAMP": "20260901T000000Z",
            "DTSTART;TZID=Asia/Almaty": "20270218T150000",  # 15:00 in Kazakhstan, as the page says
            "DURATION": "PT2H",
            "SUMMARY": "Корей мәдениеті күні",
            "STATUS": "TENTATIVE",
            "DESCRIPTION": "Корей мәдениетімен танысу.",
            "LOCATION": "Облыстық корей этномәдени бірлестігі\\, Достық үйі",
        }
    ]
    # the zone's offset, from the tzdata package: UTC+5 since 1 March 2024
    assert "TZOFFSETTO:+0500" in data.decode("utf-8").split("\r\n")
    english = parse_ics((culture_site / "en/culture/days/schedule.ics").read_bytes())
    assert english[0]["DESCRIPTION"] == "Meet Korean culture\\; songs\\, food\\, and a dialogue session."
    excursion = parse_ics((culture_site / "ru/culture/excursions/schedule.ics").read_bytes())[0]
    assert excursion["LOCATION"] == "Карагандинский областной историко-краеведческий музей"
    assert excursion["STATUS"] == "CONFIRMED"


def test_calendar_reads_with_the_icalendar_library(culture_site):
    icalendar = pytest.importorskip("icalendar")
    calendar = icalendar.Calendar.from_ical((culture_site / "ru/culture/days/schedule.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2027, 2, 18, 10, 0, tzinfo=dt.UTC)
    assert event.decoded("DTSTART").utcoffset() == dt.timedelta(hours=5)
    assert event.decoded("DURATION") == dt.timedelta(minutes=120)
    assert str(event["SUMMARY"]) == "День корейской культуры"
    assert not calendar.get_missing_tzids()  # the VTIMEZONE is there


def test_long_lines_fold_without_splitting_a_letter_and_the_same_events_give_the_same_bytes():
    title = "Этносаралық келісім күні және ұлттық бірегейлік " * 3
    event = Event("culture/days/x.md", title, "", dt.datetime(2027, 1, 1, 9, 0), 60, {"status": "planned"})
    data = calendar_file([event], "n", "en", {})
    (parsed,) = parse_ics(data)
    assert parsed["SUMMARY"] == title and parsed["DTSTART;TZID=Asia/Almaty"] == "20270101T090000"
    assert data == calendar_file([event], "n", "en", {})


def test_the_zone_comes_from_the_tzdata_package_not_the_machine(tmp_path):
    """A machine whose zone database still says UTC+6 for Almaty (before tzdata 2024a) changes nothing."""
    stale = tmp_path / "Asia" / "Almaty"
    stale.parent.mkdir()
    with resources.files("tzdata.zoneinfo").joinpath("Etc", "GMT-6").open("rb") as utc_plus_6:
        stale.write_bytes(utc_plus_6.read())
    zoneinfo.reset_tzpath([str(tmp_path)])
    zoneinfo.ZoneInfo.clear_cache()
    kazakhstan.cache_clear()
    try:
        assert zoneinfo.ZoneInfo("Asia/Almaty").utcoffset(dt.datetime(2027, 2, 18)) == dt.timedelta(hours=6)
        assert kazakhstan().utcoffset(dt.datetime(2027, 2, 18)) == dt.timedelta(hours=5)
        event = Event("culture/days/x.md", "x", "", dt.datetime(2027, 2, 18, 15), 60, {"status": "planned"})
        assert "TZOFFSETTO:+0500" in calendar_file([event], "n", "en", {}).decode("utf-8").split("\r\n")
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()
        kazakhstan.cache_clear()


@pytest.mark.slow  # needs the real site built (built_site)
def test_glossary_and_chart_render_from_the_real_data(built_site):
    from builder.model.data import load_site_data
    from builder.model.errors import ErrorReport

    data = load_site_data(REPO / "content", ErrorReport(REPO))
    if not data.glossary or not data.figures:
        pytest.skip("no glossary or figures in content/data yet")
    for prefix, lang in (("", "kk"), ("ru/", "ru"), ("en/", "en")):
        glossary = lxml_html.fromstring((built_site / prefix / "glossary/index.html").read_text(encoding="utf-8"))
        rows = glossary.cssselect(".ccd-glossary tbody tr")
        assert len(rows) == len(data.glossary) >= 40
        first_column = [row.cssselect("td")[0].text_content() for row in rows]
        assert set(first_column) == {term[lang] for term in data.glossary}
        figures = (built_site / prefix / "about/figures/index.html").read_text(encoding="utf-8")
        svg = lxml_html.fromstring(figures).cssselect("figure.ccd-chart svg")[0]
        assert svg.get("role") == "img" and svg.get("aria-labelledby")
        description = svg.cssselect("desc")[0].text
        for item in data.figures["items"]:
            assert item["label"][lang] in description
        assert len(svg.cssselect("rect")) == len(data.figures["items"])
        etree.fromstring(lxml_html.tostring(svg))  # well-formed SVG


def test_kazakh_glossary_follows_the_kazakh_alphabet():
    from builder.markdown.blocks.glossary import sort_key

    words = ["қақтығыс", "ассамблея", "әртүрлілік", "бірегейлік", "ымыра", "іс-шара", "үйлесім", "ұлт"]
    assert sorted(words, key=lambda w: sort_key(w, "kk")) == [
        "ассамблея",
        "әртүрлілік",
        "бірегейлік",
        "қақтығыс",
        "ұлт",
        "үйлесім",
        "ымыра",
        "іс-шара",
    ]
