"""Names: folding for search, the duplicate key, and slugs for ids.

Three levels of sameness, each built on the one before:

- `fold`: case and accents ignored ("Montréal" and "montreal" fold alike),
  and letters of another script that look Latin in a Latin name ("Сhiсago"
  with Cyrillic C's) read as the Latin letters; used by `--search`, by ID
  arguments that give a name, and by the keys below.
- `match_key`: also punctuation, hyphens, "St."/"Saint" and a leading
  "City of" ignored ("New-York" and "City of New York" share a key); two
  signatories of one country with the same key are the same government.
- `slugify`: the id derived from a name ("São Paulo" -> "sao-paulo").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

_NON_ALNUM: Final = re.compile(r"[^a-z0-9]+")
_SAINT: Final = re.compile(r"\b(?:st|saint)\b")
_SAINTE: Final = re.compile(r"\b(?:ste|sainte)\b")
_LEADING_CITY_OF: Final = re.compile(
    r"^(?:the )?(?:city|ciudad|ville|cidade|citta) (?:of|de|di|du) "
)

# Most names hold none of these words: the regular expressions above only
# run on those that may (a third of the time match_key took at 100,000).
_CITY_OF_FIRST_WORDS: Final = ("the ", "city ", "ciudad ", "ville ", "cidade ", "citta ")


def nfc(text: str) -> str:
    """The text in Unicode NFC (most text already is, and is checked so in C, quickly)."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lowercase ASCII transliteration: for case- and accent-insensitive matching."""
    if text.isascii():
        return text.casefold()
    latin = nfc(text).translate(_latin_to_ascii())
    if latin.isascii():
        return latin.casefold()
    from anyascii import anyascii

    return anyascii(_without_look_alikes(latin)).casefold()


def mixes_latin_and_other_letters(text: str) -> bool:
    """Whether a name holds Latin letters and cased letters of another script, which may
    look Latin (the names of the letters say which: "CYRILLIC CAPITAL LETTER ES" is not
    Latin; a modifier letter such as the ʻokina, or a Chinese character, looks like none)."""
    latin = other = False
    for char in text:
        if char.isascii():
            latin = latin or char.isalpha()
        elif _other_cased_letter(char):
            other = True
        elif unicodedata.category(char) in _CASED:
            latin = True
    return latin and other


_CASED: Final = frozenset({"Lu", "Ll", "Lt"})
_WORD: Final = re.compile(r"\w+")


def mixed_script_letter(text: str) -> tuple[int, str] | None:
    """A letter written among letters of another script in one word, with its position: the
    Cyrillic а of "Pаris", the Latin a of "Москвa" (of a word's two scripts, the one with
    fewer letters there). None when every word keeps to one script: a name in two scripts
    word by word ("Kyiv / Київ") has none."""
    if text.isascii():
        return None
    for word in _WORD.finditer(text):
        if mixes_latin_and_other_letters(word.group()):
            other = [i for i, char in enumerate(word.group()) if _other_cased_letter(char)]
            latin = [
                i
                for i, char in enumerate(word.group())
                if char.isalpha() and i not in other and unicodedata.category(char) in _CASED
            ]
            position = (other if len(other) <= len(latin) else latin)[0]
            return word.start() + position, word.group()[position]
    return None


def _other_cased_letter(char: str) -> bool:
    """A capital or small letter of a script other than Latin (Cyrillic С, Greek ο)."""
    return (
        not char.isascii()
        and unicodedata.category(char) in _CASED
        and not unicodedata.name(char, "").startswith("LATIN ")
    )


def _without_look_alikes(text: str) -> str:
    """A Latin name written with a few letters of another script that look Latin
    ("Сhiсago", its C's Cyrillic) has them replaced by the Latin letters they look like,
    from Unicode's confusables table; a name wholly in another script is left to
    transliteration ("Москва" is "Moskva", not "Mockba")."""
    if not mixes_latin_and_other_letters(text):
        return text
    return _WORD.sub(_word_without_look_alikes, text)


def _word_without_look_alikes(match: re.Match[str]) -> str:
    """One word's look-alikes replaced, if the word mixes scripts: of "Москва Moscow", each
    word keeps to one script, and "Москва" is transliterated, not read as "Mocква"."""
    text = match.group()
    if not mixes_latin_and_other_letters(text):
        return text
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin"]) or []
    latin = {
        entry["character"]: glyph["c"]
        for entry in found
        if _other_cased_letter(entry["character"])
        for glyph in entry["homoglyphs"][:1]
        if glyph["n"].startswith("LATIN ")
    }
    return "".join(latin.get(char, char) for char in text)


@lru_cache(maxsize=1)
def _latin_to_ascii() -> dict[int, str]:
    """anyascii's transliteration of the accented Latin letters, as a str.translate table:
    most names are Latin, and translating them is ten times as quick as anyascii."""
    from anyascii import anyascii

    return {code: anyascii(chr(code)) for code in range(0xC0, 0x250)}


@lru_cache(maxsize=262144)
def match_key(name: str) -> str:
    """The key under which two spellings of one place's name coincide.

    "New-York", "New York" and "new york" share "new york"; "St. Louis City"
    and "Saint Louis City" share "saint louis city"; "City of Chicago" and
    "Chicago" share "chicago".
    """
    folded = fold(name)
    words = folded if folded.isalnum() else _NON_ALNUM.sub(" ", folded).strip()
    if words.startswith(_CITY_OF_FIRST_WORDS):
        words = _LEADING_CITY_OF.sub("", words)
    if "st" in words or "saint" in words:
        words = _SAINTE.sub("sainte", _SAINT.sub("saint", words))
    return words


@lru_cache(maxsize=262144)
def plain_key(name: str) -> str:
    """The name folded, its punctuation as spaces, every word kept: "Ctiy of Gdynia" is
    "ctiy of gdynia", one swap from "City of Gdynia" (whose match key is "gdynia")."""
    return _NON_ALNUM.sub(" ", fold(name)).strip()


def slugify(name: str) -> str:
    """A lowercase id from a name: "St. Louis City" -> "st-louis-city"."""
    return _NON_ALNUM.sub("-", fold(name)).strip("-")
