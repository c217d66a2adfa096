"""Labels of the data blocks, per language."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "kk": {
        "date": "Күні", "time": "Уақыты", "duration": "Ұзақтығы", "minutes": "{minutes} мин",
        "event_days": "Мәдениет күні", "event_excursions": "Экскурсия", "association": "Этномәдени бірлестік",
        "venue": "Өтетін орны", "place": "Орны", "meeting_point": "Жиналу орны",
        "calendar": "Кестені күнтізбеге жүктеу (.ics)", "schedule_caption": "Кесте",
        "venue_friendship-house": "Достық үйі", "venue_university": "Университет", "venue_museum": "Музей",
        "venue_theatre": "Театр", "venue_library": "Кітапхана", "venue_park": "Саябақ",
        "term": "Термин", "definition": "Анықтамасы",
        "chart_table": "Диаграмма деректері кесте түрінде", "chart_item": "Көрсеткіш", "chart_value": "Мәні",
        "chart_source": "Дереккөз", "filter_label": "Сұрақтар бойынша іздеу",
        "filter_placeholder": "Сөзді теріңіз, мысалы: медиация", "filter_count": "Табылған сұрақтар: {count}",
        "filter_none": "Сұрақ табылмады. Басқа сөзбен көріңіз.",
        "months": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
        "date_format": "{year} жылғы {day} {month}",
        "weekdays": "дүйсенбі сейсенбі сәрсенбі бейсенбі жұма сенбі жексенбі",
        "weekday_format": "{date}, {weekday}",
        "status": "Мәртебесі", "status_planned": "Жоспарланған", "status_confirmed": "Расталған",
        "planned_title": "Жоспарланған іс-шара",
        "planned_note": "Күні мен уақыты болжамды: оларды ұйымдастырушылармен нақтылау қажет.",
        "planned_table_note": "«Жоспарланған» деп белгіленген күндер болжамды: оларды ұйымдастырушылармен нақтылау қажет.",
        "event_facts": "Іс-шара туралы", "organiser": "Ұйымдастырушы",
        "optional": "Қатысу міндетті емес.",
        "add_to_calendar": "Күнтізбеге қосу (.ics)",
    },
    "ru": {
        "date": "Дата", "time": "Время", "duration": "Продолжительность", "minutes": "{minutes} мин",
        "event_days": "День культуры", "event_excursions": "Экскурсия", "association": "Этнокультурное объединение",
        "venue": "Место проведения", "place": "Место", "meeting_point": "Место сбора",
        "calendar": "Скачать расписание в календарь (.ics)", "schedule_caption": "Расписание",
        "venue_friendship-house": "Дом дружбы", "venue_university": "Университет", "venue_museum": "Музей",
        "venue_theatre": "Театр", "venue_library": "Библиотека", "venue_park": "Парк",
        "term": "Термин", "definition": "Определение",
        "chart_table": "Данные диаграммы в виде таблицы", "chart_item": "Показатель", "chart_value": "Значение",
        "chart_source": "Источник", "filter_label": "Поиск по вопросам",
        "filter_placeholder": "Введите слово, например: медиация", "filter_count": "Найдено вопросов: {count}",
        "filter_none": "Вопросов не найдено. Попробуйте другое слово.",
        "months": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
        "date_format": "{day} {month} {year} г.",
        "weekdays": "понедельник вторник среда четверг пятница суббота воскресенье",
        "weekday_format": "{date}, {weekday}",
        "status": "Статус", "status_planned": "Планируется", "status_confirmed": "Подтверждено",
        "planned_title": "Запланированное мероприятие",
        "planned_note": "Дата и время ориентировочные: их нужно уточнить у организаторов.",
        "planned_table_note": "Даты с пометкой «Планируется» ориентировочные: их нужно уточнить у организаторов.",
        "event_facts": "О мероприятии", "organiser": "Организатор",
        "optional": "Участие необязательное.",
        "add_to_calendar": "Добавить в календарь (.ics)",
    },
    "en": {
        "date": "Date", "time": "Time", "duration": "Duration", "minutes": "{minutes} min",
        "event_days": "Culture day", "event_excursions": "Excursion", "association": "Ethnocultural association",
        "venue": "Venue", "place": "Place", "meeting_point": "Meeting point",
        "calendar": "Download the schedule for your calendar (.ics)", "schedule_caption": "Schedule",
        "venue_friendship-house": "Friendship House", "venue_university": "University", "venue_museum": "Museum",
        "venue_theatre": "Theatre", "venue_library": "Library", "venue_park": "Park",
        "term": "Term", "definition": "Definition",
        "chart_table": "The chart's data as a table", "chart_item": "Figure", "chart_value": "Value",
        "chart_source": "Source", "filter_label": "Search the questions",
        "filter_placeholder": "Type a word, e.g. mediation", "filter_count": "Questions found: {count}",
        "filter_none": "No question found. Try another word.",
        "months": "January February March April May June July August September October November December",
        "date_format": "{day} {month} {year}",
        "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
        "weekday_format": "{weekday}, {date}",
        "status": "Status", "status_planned": "Planned", "status_confirmed": "Confirmed",
        "planned_title": "A planned event",
        "planned_note": "The date and time are indicative: confirm them with the organisers.",
        "planned_table_note": "Dates marked “Planned” are indicative: confirm them with the organisers.",
        "event_facts": "About the event", "organiser": "Organiser",
        "optional": "Attendance is optional.",
        "add_to_calendar": "Add to your calendar (.ics)",
    },
}


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang]


def long_date(lang: str, day) -> str:
    months = LABELS[lang]["months"].split()
    return LABELS[lang]["date_format"].format(year=day.year, day=day.day, month=months[day.month - 1])


def date_with_weekday(lang: str, day) -> str:
    text = LABELS[lang]
    return text["weekday_format"].format(date=long_date(lang, day), weekday=text["weekdays"].split()[day.weekday()])
