"""The registry: its model, its file and the rules its values meet.

`model` (Paper, Signatory, Registry and format 1), `tables` (where a signatory
starts in the text), `store` (find, read, parse, the canonical text, the locked
atomic write), `values` (the rules a value meets before it is written), `query`
(selecting signatories, resolving an ID argument), `summary` (the report's
figures) and `words` (English plurals for messages).

May use `endorse.places` (countries, subdivisions, governments' names) and
`endorse.errors`; nothing above them.
"""
