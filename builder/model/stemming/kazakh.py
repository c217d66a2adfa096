"""A light stemmer for Kazakh: it conflates the inflected forms of a word, not its derivations.

A noun is root + plural + possessive + case (мәдениет-тер-і-нің); a verb form is a stem and an ending,
and participles and verbal nouns take the noun's endings (кел-ген-де, шеш-у-ге). One suffix at most
is stripped per slot, from the end of the word:
  1. ENDINGS     a case (with -дағы, and possessive 3 fused with an n-case: -ын, -ына, -ында, -ынан),
                 or a finite verb ending (-ады, -йтын, -ып, -са, past -ды after a vowel);
  2. POSSESSIVE  3rd person -ы/-сы, 1pl -ымыз, 2 polite -ыңыз (1sg -ым and 2sg -ың stay: they are
                 also the endings of derived nouns, білім, келісім);
  3. PLURAL      -лар, -дар, -тар;
  4. VERB_STEM   the participle -ған/-қан and the verbal noun -у.
Each slot tries its longest suffix first, and takes one only where the variant fits the sound before
it: the last letter of what remains is in class V vowel, R р й у и, L л, N м н ң, Z з ж, T voiceless
(consonant assimilation: -лар after V R, -дар after L N Z, -тар after T). Both harmony variants are
listed; harmony is not checked, Russian loans break it. Classes for the ambiguous cases: C any
consonant; P a consonant that takes possessive -ы/-і (not ш: -шы is the agent noun, оқушы; not ғ г қ
к after a consonant: -ғы is a derivation, жылғы, ішкі); S a vowel before -сы (not ы/і unless of -шы
or -ғы, not о/ө: жұмыс-ы, этнос-ы); A a vowel before the accusative -ны (S, but not -ға/-ке of a
participle: болған-ы). What remains keeps a vowel and 2 letters; 3 if it ends in a vowel (күні is not
кү + ні) or if the suffix begins with ы/і (ойын is not ой + ын). A vowel-initial suffix never leaves a
final д (no native root ends in д: тыңдады is тыңда + ды), and -тан is not taken after consonant + с
(Қазақстан). Then, unless a verb ending was taken, one more case and possessive ending may go: a noun
whose last syllable looks like one (команда) loses it in every form, not only when bare. Finally the
stem's ғ г б become қ к п, so that тарағы and тарақ meet; ELISION restores the vowel some roots drop
(халқы -> халық) and KEEP lists words whose ending only looks like an inflection (сынып, басқа).
Left apart by design: -атын/-етін (мақсатын, мәдениетін are nouns), the bare converb -п (жауап,
тарап), the present of vowel-final verbs (жасайды -> жасай, as жағдайды -> жағдай).
"""

from __future__ import annotations

VOWELS = "аәеёоөұүыіэюя"
HAS_VOWEL = VOWELS + "иу"
VOICELESS = "бвгғдкқпстфхцчшщһ"  # with б в г ғ д, which end only loanwords and take voiceless suffixes
LETTER_CLASSES = {"V": VOWELS, "R": "рйуи", "L": "л", "N": "мнң", "Z": "зж", "T": VOICELESS}

# "variants:classes" - the classes of the letter before the suffix where these variants are used
CASE_ENDINGS = (
    "дағы дегі:VRLNZ", "тағы тегі:T", "ындағы індегі:P", "сындағы сіндегі:S",
    "ның нің:VN", "дың дің:RLZ", "тың тің:T",
    "ны ні:A", "ды ді:RLNZ", "ты ті:T", "ын ін:P", "сын сін:S",
    "ға ге:VRLNZ", "қа ке:T", "ына іне:P", "сына сіне:S",
    "да де:VRLNZ", "та те:T", "ында інде:P", "сында сінде:S",
    "дан ден:VRLZ", "нан нен:N", "тан тен:T", "ынан інен:P", "сынан сінен:S",
    "мен:VRLN", "бен:Z", "пен:T",
)  # fmt: skip
VERB_ENDINGS = ("йтын йтін:V", "ады еді:C", "ып іп:C", "са се:VC", "ды ді:V")
POSSESSIVE = ("ымыз іміз:P", "мыз міз:V", "ыңыз іңіз:P", "ңыз ңіз:V", "ы і:P", "сы сі:S")
PLURAL = ("лар лер:VR", "дар дер:LNZ", "тар тер:T")
VERB_STEM = ("ған ген:VRLNZ", "қан кен:T", "у:VC")
ALTERNATION = {"ғ": "қ", "г": "к", "б": "п"}
ELISION = {"халқ": "халық", "орн": "орын", "ерк": "ерік", "ауз": "ауыз", "мұрн": "мұрын",
           "ерн": "ерін", "қарн": "қарын", "нарқ": "нарық", "мүлк": "мүлік", "әрп": "әріп"}  # fmt: skip
KEEP = frozenset(("қарағанды", "басқа", "сынып"))


def _parse(*tables: tuple[tuple[str, ...], bool]) -> list[tuple[str, str, bool]]:
    entries = []
    for table, verbal in tables:
        for row in table:
            variants, classes = row.split(":")
            entries.extend((suffix, classes, verbal) for suffix in variants.split(" "))
    # the longest suffix first; two suffixes of one length cannot both end a word
    return sorted(entries, key=lambda entry: -len(entry[0]))


ENDINGS = _parse((CASE_ENDINGS, False), (VERB_ENDINGS, True))
SLOTS = [ENDINGS, _parse((POSSESSIVE, False)), _parse((PLURAL, False)), _parse((VERB_STEM, True))]


def _classes(rest: str) -> str:
    """The classes the last letter of `rest` belongs to (see the module docstring)."""
    rest = rest[:-1] if rest.endswith("ь") and len(rest) > 1 else rest  # спектакль-ді: л decides
    last, before = rest[-1], rest[-2] if len(rest) > 1 else " "
    found = "".join(name for name, letters in LETTER_CLASSES.items() if last in letters)
    if found == "V":
        # a final ы/і is a root's (жұмыс-ы, мәтін-і) unless it ends -шы or -ғы after a consonant
        # (басшы, соңғы); a final о/ө too (этнос-ы, смартфон-ы: nouns ending in о are rare loans)
        derivation = before == "ш" or (before in "ғгқк" and len(rest) > 2 and rest[-3] not in HAS_VOWEL)
        if last not in "оө" and (last not in "ыі" or derivation):
            found += "S"
            # -ғаны, -кені: a participle and its possessive (болған-ы), not an accusative (оқиға-ны)
            participle = (
                last in "ае"
                and len(rest) > 2
                and ((before in "ғг" and rest[-3] not in VOICELESS) or (before in "қк" and rest[-3] in VOICELESS))
            )
            if not participle:
                found += "A"
    elif found:
        found += "C"
        derived = last in "ғгқк" and len(rest) > 1 and before not in HAS_VOWEL and rest not in ELISION
        if last != "ш" and not derived:
            found += "P"
    return found


def _fits(rest: str, suffix: str, classes: str) -> bool:
    if not any(letter in HAS_VOWEL for letter in rest):
        return False
    vowel_initial = suffix[0] in VOWELS or suffix == "у"
    shortest = 3 if rest[-1] in VOWELS or suffix[0] in "ыі" else 2
    if len(rest) < shortest or (vowel_initial and rest[-1] == "д"):
        return False
    if suffix == "тан" and rest[-1] == "с" and rest[-2] not in HAS_VOWEL:
        return False
    return any(name in classes for name in _classes(rest))


def _strip(word: str, entries: list[tuple[str, str, bool]]) -> tuple[str, bool] | None:
    """The word without the longest suffix of `entries` that fits, and whether it was a verb's."""
    for suffix, classes, verbal in entries:
        rest = word[: -len(suffix)]
        if word.endswith(suffix) and rest and _fits(rest, suffix, classes):
            return ELISION.get(rest, rest), verbal
    return None


def _alternate(word: str) -> str:
    return word[:-1] + ALTERNATION[word[-1]] if word and word[-1] in ALTERNATION else word


def stem(word: str) -> str:
    """The stem of one lower-cased, NFC-normalised word."""
    verbal = False
    for entries in SLOTS:
        if word in KEEP:
            return word
        stripped = _strip(word, entries)
        if stripped:
            word, verbal = stripped[0], verbal or stripped[1]
    word = _alternate(word)
    for entries in SLOTS[:2]:
        # a noun ending like a case or a possessive (команда, отбасы) loses that ending in every form,
        # not only when bare; a verb stem keeps it (баста-у is not бас)
        if not verbal and word not in KEEP:
            word = _alternate((_strip(word, entries) or (word,))[0])
    return word
