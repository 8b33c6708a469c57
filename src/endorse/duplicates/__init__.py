"""The duplicate rule: one government, one signatory.

`rule` (the same government, near duplicates, `DuplicateIndex`) over `blocking`
(the candidate pairs worth comparing).

May use `endorse.registry`, `endorse.places` and `endorse.errors`.
"""
