"""`endorse import`: reading a file of rows and planning them against a registry.

`reading` (a file into a `rows.Table`; `workbooks` for xlsx, `cells` for
spreadsheet cells both ways), `columns` (which field each column holds) and
`planning` (candidates from a table, the plan against the registry and each
other, the doubtful rows).

May use `endorse.editing`, `endorse.history` (field changes),
`endorse.duplicates`, `endorse.registry`, `endorse.places` and `endorse.errors`.
"""
