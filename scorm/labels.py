"""The player's interface strings, per language."""
from __future__ import annotations

LABELS = {
    "kk": {"contents": "Мазмұны", "previous": "Алдыңғы", "next": "Келесі", "skip": "Мазмұнға өту",
           "language": "Тіл", "progress": "Курс барысы",
           "score": "Қорытынды бағалау: {total} сұрақтың {answered} сұрағына жауап берілді, {right} дұрыс",
           "standalone": "LMS табылмады: курс дербес режимде ашылды, нәтижелер тек осы браузерде сақталады."},
    "ru": {"contents": "Содержание", "previous": "Назад", "next": "Далее", "skip": "Перейти к содержанию",
           "language": "Язык", "progress": "Прогресс курса",
           "score": "Итоговая оценка: отвечено {answered} из {total}, верно {right}",
           "standalone": "СДО не найдена: курс открыт автономно, результаты сохраняются только в этом браузере."},
    "en": {"contents": "Contents", "previous": "Previous", "next": "Next", "skip": "Skip to content",
           "language": "Language", "progress": "Course progress",
           "score": "Final assessment: {answered} of {total} answered, {right} right",
           "standalone": "No LMS found: the course runs on its own, and results stay in this browser only."},
}
