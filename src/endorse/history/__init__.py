"""A registry's versions: what changed between two, and its history in git.

`diff` (added, removed, withdrawn, reinstated, changed) and `git` (the
registry's versions through the `git` executable; `endorse diff`, `endorse log`).

May use `endorse.registry` and `endorse.errors`.
"""
