"""The words of a government around its place: "Comune di Massa Marittima", "Kurashiki City".

Governments name themselves with words that say what they are, before or after the
place, in their own language: "City of Oakland", "Prefeitura Municipal de Contagem",
"Aarhus Kommune", "Eskişehir Büyükşehir Belediyesi", "Shinano-machi". This module knows
those words (`PREFIXES`, `SUFFIXES`) and takes them off a name, word by word, case and
accents ignored; it says nothing of places: `places.place_in_name` chooses, with the place
data, how many of the words to take off ("Kansas City" keeps its "City").

The same words, folded, are the generic words of the near-duplicate rule
(`duplicates.rule.comparable_key`): "Comune di Massa" and "Massa" compare as "massa".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from endorse.places.names import fold

# Kinds a government's words tell (endorse.registry.model.KINDS); a word not listed tells "city".
_COUNTY: Final = "county"
_REGION: Final = "region"
_METRO: Final = "metropolitan-area"

# Words before the place, by language; each may be followed by a connector ("of", "de").
# Folded (lowercase ASCII): "Alcaldía" is "alcaldia", "Città" "citta".
PREFIXES_BY_LANGUAGE: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "city of",
        "town of",
        "village of",
        "borough of",
        "township of",
        "municipality of",
        "city and county of",
        "corporation of",
        "municipal corporation of",
        "metropolitan municipality of",
        "government of",
        "county of",
        "shire of",
        "province of",
        "region of",
        "regional municipality of",
        "district municipality of",
        "district of",
        "metropolitan area of",
        "london borough of",
        "royal borough of",
        "city government of",
        "local government of",
        "local government unit of",
        "metropolitan government of",
        "people's government of",
        "govt of",
        "the city of",
        "the town of",
        "the village of",
        "the municipality of",
        "the corporation of",
        "the government of",
        "the local government of",
    ),
    "es": (
        "ayuntamiento",
        "ayuntamiento constitucional",
        "municipalidad",
        "municipalidad distrital",
        "municipalidad provincial",
        "municipalidad metropolitana",
        "municipio",
        "municipio autonomo",
        "alcaldia",
        "alcaldia municipal",
        "alcaldia distrital",
        "alcaldia mayor",
        "gobierno municipal",
        "gobierno autonomo municipal",
        "gobierno autonomo descentralizado municipal",
        "gobierno autonomo descentralizado",
        "gad municipal",
        "intendencia",
        "intendencia municipal",
        "distrito metropolitano",
        "ciudad",
        "comuna",
        "ilustre municipalidad",
        "concello",
        "ajuntament",
        "provincia",
        "gobierno regional",
        "gobierno provincial",
        "diputacion",
        "diputacion provincial",
        "area metropolitana",
        "presidencia municipal",
        "concejo municipal",
        "h ayuntamiento",
        "la ciudad",
    ),
    "pt": (
        "prefeitura",
        "prefeitura municipal",
        "prefeitura da cidade",
        "camara municipal",
        "municipio",
        "cidade",
        "governo do estado",
        "regiao metropolitana",
    ),
    "fr": (
        "ville",
        "commune",
        "municipalite",
        "mairie",
        "la mairie",
        "communaute urbaine",
        "metropole",
        "departement",
        "conseil departemental",
        "region",
        "conseil regional",
    ),
    "it": (
        "comune",
        "citta",
        "citta metropolitana",
        "provincia",
        "regione",
        "municipio",
    ),
    "de": (
        "stadt",
        "landeshauptstadt",
        "hansestadt",
        "freie und hansestadt",
        "freie hansestadt",
        "universitatsstadt",
        "gemeinde",
        "markt",
        "landkreis",
        "kreis",
        "bezirk",
        "region",
    ),
    "nl": ("gemeente", "stad", "provincie"),
    "id": (
        "kota",
        "kabupaten",
        "pemerintah kota",
        "pemerintah kabupaten",
        "pemkot",
        "pemkab",
        "provinsi",
        "pemerintah provinsi",
    ),
}
_PREFIX_KINDS: Final = {
    "county of": _COUNTY,
    "shire of": _COUNTY,
    "landkreis": _COUNTY,
    "kreis": _COUNTY,
    "kabupaten": _COUNTY,
    "pemerintah kabupaten": _COUNTY,
    "pemkab": _COUNTY,
    "province of": _REGION,
    "region of": _REGION,
    "regional municipality of": _REGION,
    "provincia": _REGION,
    "gobierno regional": _REGION,
    "gobierno provincial": _REGION,
    "diputacion": _REGION,
    "diputacion provincial": _REGION,
    "governo do estado": _REGION,
    "departement": _REGION,
    "conseil departemental": _REGION,
    "region": _REGION,
    "conseil regional": _REGION,
    "regione": _REGION,
    "provincie": _REGION,
    "provinsi": _REGION,
    "pemerintah provinsi": _REGION,
    "bezirk": _REGION,
    "metropolitan area of": _METRO,
    "area metropolitana": _METRO,
    "regiao metropolitana": _METRO,
    "citta metropolitana": _METRO,
    "metropole": _METRO,
    "communaute urbaine": _METRO,
}

# Words after the place, by language.
SUFFIXES_BY_LANGUAGE: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "city",
        "town",
        "village",
        "township",
        "borough",
        "council",
        "city council",
        "town council",
        "borough council",
        "district council",
        "municipal council",
        "city government",
        "municipal government",
        "metropolitan government",
        "metropolitan city",
        "special city",
        "metropolitan municipality",
        "municipality",
        "local municipality",
        "regional municipality",
        "municipal corporation",
        "city corporation",
        "metropolitan assembly",
        "municipal assembly",
        "district assembly",
        "county",
        "county council",
        "county government",
        "shire",
        "shire council",
        "regency",
        "regency government",
        "province",
        "provincial government",
        "prefecture",
        "prefectural government",
        "region",
        "regional council",
        "regional government",
        "state government",
        "metropolitan area",
        "metropolitan region",
        "city hall",
        "municipal people's government",
        "people's government",
        "metropolitan administration",
        "administration",
        "municipal office",
        "city office",
        "town office",
        "village office",
    ),
    "es": ("municipio",),
    "it": ("capitale",),
    "nordic": ("kommune", "kommun", "stad", "kaupunki", "sveitarfelag"),
    "tr": ("belediyesi", "buyuksehir belediyesi", "il belediyesi", "belediye"),
    "ja": ("shi", "machi", "cho", "mura", "ku", "ken", "fu"),
}
_SUFFIX_KINDS: Final = {
    "county": _COUNTY,
    "county council": _COUNTY,
    "county government": _COUNTY,
    "shire": _COUNTY,
    "shire council": _COUNTY,
    "regency": _COUNTY,
    "regency government": _COUNTY,
    "province": _REGION,
    "provincial government": _REGION,
    "prefecture": _REGION,
    "prefectural government": _REGION,
    "region": _REGION,
    "regional council": _REGION,
    "regional government": _REGION,
    "state government": _REGION,
    "ken": _REGION,
    "fu": _REGION,
    "metropolitan area": _METRO,
    "metropolitan region": _METRO,
}
# Words that join a prefix to the place: "City of", "Comune di", "Prefeitura da Cidade de".
_CONNECTORS: Final = frozenset(
    {"of", "de", "di", "da", "do", "du", "des", "del", "della", "dello", "dei", "degli"}
    | {"das", "dos", "d"}
)
# Japanese suffixes are also written with a hyphen: "Kurashiki-shi", "Shinano-machi".
_HYPHENATED: Final = frozenset(SUFFIXES_BY_LANGUAGE["ja"])

PREFIXES: Final = frozenset(p for words in PREFIXES_BY_LANGUAGE.values() for p in words)
SUFFIXES: Final = frozenset(s for words in SUFFIXES_BY_LANGUAGE.values() for s in words)
# Words of the phrases above that are places' words too ("London Borough of", "Royal
# Borough of", "City Hall"): never generic on their own.
_PLACE_WORDS: Final = frozenset(
    {"london", "royal", "hall", "local", "unit", "special", "mayor", "estado", "h", "il"}
    | {"und", "freie", "gad", "people's"}
)
# Every word of the phrases above but those, and the connectors: what the near-duplicate
# rule leaves out of a name to compare what is left ("Comune di Massa" is "massa").
GENERIC_WORDS: Final = (
    frozenset(word for phrase in PREFIXES | SUFFIXES for word in phrase.split()) - _PLACE_WORDS
    | _CONNECTORS
    | {"metro", "area", "municipal", "metropolitan", "district", "department", "state"}
    | {"government", "regional", "and", "la", "le", "les"}
)

# The words that say "a government" on their own, not short or joining words.
_GOVERNMENT_WORDS: Final = frozenset(
    word for word in GENERIC_WORDS if len(word) >= 4 and word not in _CONNECTORS | _HYPHENATED
)
_WORD: Final = re.compile(r"[^\s,]+")
# Swedish and Norwegian put the place in the genitive before "stad" and "kommun":
# "Göteborgs stad", "Stockholms stad" are Göteborg's and Stockholm's.
_GENITIVE: Final = re.compile(r"\ws$")
_AFTER_GENITIVE: Final = frozenset({"stad", "kommun", "kommune"})
_LONGEST_FIRST: Final = 5


@dataclass(frozen=True)
class Reading:
    """A name read as a place and the words of its government: `place` is the name with
    `taken` words taken off ("Massa Marittima" of "Comune di Massa Marittima"), `kind` the
    kind those words tell (None when they tell none but a city's)."""

    place: str
    kind: str | None


def uninverted(name: str) -> str:
    """A name written inverted, its government's words after a comma, put back in order:
    "Oakland, City of" is "City of Oakland"; any other name as it is."""
    head, comma, tail = name.rpartition(",")
    words = [_folded_word(word) for word in tail.split()]
    if comma and head.strip() and words and " ".join(words) in PREFIXES:
        return f"{tail.strip()} {head.strip()}"
    return name


def readings(name: str) -> list[Reading]:
    """The ways to read `name` as a place and government words, fewest words off first.

    The first is the name itself; then each prefix or suffix taken off in turn, from the
    outside in ("City of Park City" gives "Park City", then "Park"). A reading always
    keeps a word: "City Council" gives only itself. Empty for a name that holds no
    government word, the usual case, found without building a list of words.
    """
    words = [(m.start(), m.end(), _folded_word(m.group())) for m in _WORD.finditer(name)]
    if not any(word in GENERIC_WORDS or _hyphen_suffix(word) for _, _, word in words):
        return []
    found = [Reading(name.strip(), None)]
    kind: str | None = None
    start, end = 0, len(words)
    while start < end:
        step = _strip_one(words, start, end)
        if step is None:
            break
        start, end, told = step
        kind = kind or told
        if start >= end:
            break
        place = _place_text(name, words, start, end)
        found.append(Reading(place, kind))
        shorter = _without_elided_connector(place)
        if shorter is not None:
            found.append(Reading(shorter, kind))
        if end < len(words) and words[end][2] in _AFTER_GENITIVE and _GENITIVE.search(place):
            found.append(Reading(place[:-1], kind))
    return found if len(found) > 1 else []


def _folded_word(word: str) -> str:
    """A word folded as the phrases are written: "People’s" is "people's"."""
    return fold(word).replace("’", "'").strip(".()")


def _hyphen_suffix(word: str) -> bool:
    head, hyphen, tail = word.rpartition("-")
    return bool(hyphen and head and tail in _HYPHENATED)


Words = list[tuple[int, int, str]]


def _strip_one(words: Words, start: int, end: int) -> tuple[int, int, str | None] | None:
    """Take one prefix (with its connector) or one suffix off words[start:end]: the new
    bounds and the kind the words tell, or None when neither end holds such words."""
    for size in range(_LONGEST_FIRST, 0, -1):
        if end - start > size:
            phrase = " ".join(word for _, _, word in words[start : start + size])
            if phrase in PREFIXES:
                after = start + size
                joined = phrase.rsplit(" ", 1)[-1] in _CONNECTORS  # "city of" has its own
                if not joined and end - after > 1 and words[after][2] in _CONNECTORS:
                    after += 1
                return after, end, _PREFIX_KINDS.get(phrase)
    for size in range(_LONGEST_FIRST, 0, -1):
        if end - start > size:
            phrase = " ".join(word for _, _, word in words[end - size : end])
            if phrase in SUFFIXES:
                return start, end - size, _SUFFIX_KINDS.get(phrase)
    last = words[end - 1][2]
    if _hyphen_suffix(last):
        head, _, tail = last.rpartition("-")
        position, stop, _ = words[end - 1]
        words[end - 1] = (position, stop - len(tail) - 1, head)
        return start, end, _SUFFIX_KINDS.get(tail)
    return None


def _place_text(name: str, words: Words, start: int, end: int) -> str:
    """The name's own text from the first kept word to the last, as written."""
    return name[words[start][0] : words[end - 1][1]].strip(" ,-")


def _without_elided_connector(text: str) -> str | None:
    """The place without an elided connector glued to it, when it has one: "d'Orléans" (of
    "Ville d'Orléans") is Orléans, "dell'Aquila" (of "Comune dell'Aquila") L'Aquila."""
    elided = _ELIDED.match(text)
    if elided is None or len(text) == elided.end():
        return None
    return ("L'" if elided.group(1) else "") + text[elided.end() :]


# A connector elided before a vowel, glued to the place: d', dell', dall' (with either
# apostrophe); dell' and dall' hold the article of the place's own name (L'Aquila).
_ELIDED: Final = re.compile(r"(?i)d(?:(?:e|a)(ll))?['’]")


# Words before the place that are also the first word of many places' own names: "Ciudad
# Real", "Ciudad de la Costa", "Cidade Ocidental", "Ville-Marie", "Città di Castello".
_PLACE_FIRST_WORDS: Final = frozenset({"ciudad", "cidade", "ville", "citta"})


def starts_as_a_place(name: str) -> bool:
    """Whether `name` starts with a word that begins many places' own names as well as
    governments' ("Ciudad", "Ville"): without the place data's word, it is kept whole."""
    first = _WORD.search(name)
    return first is not None and _folded_word(first.group()) in _PLACE_FIRST_WORDS


def only_government_words(name: str) -> bool:
    """Whether `name` is a government's words and nothing else ("City Council",
    "Municipalidad de"): such a name names no place (unless the place data knows it, which
    the caller asks: "Kota" is a city of India). A name of connectors and short words alone
    ("D", "De La") is not taken for one."""
    words = [_folded_word(m.group()) for m in _WORD.finditer(name)]
    return (
        bool(words)
        and all(word in GENERIC_WORDS for word in words)
        and any(word in _GOVERNMENT_WORDS for word in words)
    )
