"""Markdown blocks that the builder fills from data: schedules, the glossary, charts, a filter box.

Each block is a pymdownx.superfences custom fence whose format function lives in its own module;
context.py is the small extension that tells them the page's language and where the content is.
"""
