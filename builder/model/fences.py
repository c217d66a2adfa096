"""Fenced blocks of a page body, found once: the quizzes and data blocks, and the prose around them.

Rendering is superfences' job; the model only needs to know where each fence is, what it is named
and what it holds, with the lines of the file, so that every check reports `path:line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<name>[\w-]*)[^`]*$")


@dataclass(frozen=True)
class Fence:
    line: int  # 1-based file line of the opening fence
    name: str  # "quiz", "schedule", … ("" for a plain code block)
    text: str  # the lines inside, the fence's indentation removed

    @property
    def first_option(self) -> str:
        """The first line inside, stripped (a data block's 'key: value')."""
        return self.text.split("\n", 1)[0].strip() if self.text else ""


def scan(body: str, body_line: int = 1) -> tuple[list[Fence], list[tuple[int, str]]]:
    """(every fenced block, every (file line, text) outside them) of a page body starting at body_line."""
    fences, prose = [], []
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        if not match:
            prose.append((body_line + index, lines[index]))
            index += 1
            continue
        fence, indent = match.group("fence"), len(match.group("indent"))
        inner, end = [], index + 1
        while end < len(lines) and not (
            lines[end].strip().startswith(fence[0] * len(fence)) and set(lines[end].strip()) == {fence[0]}
        ):
            line = lines[end]
            # a block nested in an admonition is indented: drop the fence's indentation only
            inner.append(line[indent:] if line[:indent].strip() == "" else line.lstrip())
            end += 1
        fences.append(Fence(body_line + index, match.group("name"), "\n".join(inner)))
        index = end + 1
    return fences, prose
