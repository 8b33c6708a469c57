"""Places and names: which place a name is, knowing nothing of the registry.

`names` (folding, the duplicate key, slugs), `governments` (the words of a
government around its place, by language), `gazetteer` (reads the place index
in src/endorse/data/, made by scripts/make_place_index.py) and `lookup`
(countries, subdivisions, which place a name means).

May use `endorse.errors` only.
"""
