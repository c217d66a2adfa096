"""How answers are compared without publishing them: normalised, salted and hashed.

The engine (theme/assets/quiz/quiz.js) computes the same hashes of the learner's response and
compares; the page holds only hashes, so reading the source does not give the answers away.
"""

from __future__ import annotations

import base64
import hashlib
import random
import re
import unicodedata

EDGE_PUNCTUATION = " .,;:!?«»\"'“”„()[]"


def normalize_answer(text: str) -> str:
    """Case- and space-insensitive form of a typed answer (mirrored by normalizeAnswer in quiz.js).

    Python's lower() and JavaScript's toLowerCase() agree on the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І)
    and on Russian; ё is read as е, as Russian readers do.
    """
    text = unicodedata.normalize("NFC", text).lower().replace("ё", "е")
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(EDGE_PUNCTUATION)


def salt_for(quiz_id: str) -> str:
    # Deterministic, so the same content builds the same pages and packages.
    return hashlib.sha256(f"ccd-quiz|{quiz_id}".encode()).hexdigest()[:12]


def answer_hash(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}|{value}".encode()).hexdigest()[:20]


def display_order(quiz_id: str, count: int, purpose: str) -> list[int]:
    """A fixed shuffle of range(count) that is never the authored order (for match and order)."""
    order = list(range(count))
    if count < 2:
        return order
    random.Random(f"{quiz_id}|{purpose}").shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def option_order(quiz_id: str, fixed: list[bool]) -> list[int]:
    """The order in which a choice quiz shows its options: authored indices, shuffled by the quiz id.

    The same permutation in every language and every build (it depends on the id and the fixed flags
    only, which parity keeps equal); a fixed option keeps its authored position.
    """
    movable = [i for i, keep in enumerate(fixed) if not keep]
    random.Random(f"{quiz_id}|options").shuffle(movable)
    shuffled = iter(movable)
    return [i if keep else next(shuffled) for i, keep in enumerate(fixed)]


def seal(salt: str, label: str, text: str) -> str:
    """Text XORed with a SHA-256 key stream, base64 (unsealed by `unseal` in quiz.js).

    Keeps a graded question's feedback out of the readable page source until the learner answers;
    it is not encryption against someone who runs the engine's code by hand.
    """
    data = text.encode("utf-8")
    stream = b"".join(
        hashlib.sha256(f"{salt}|seal|{label}|{block}".encode()).digest() for block in range(len(data) // 32 + 1)
    )
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, stream, strict=False))).decode()
