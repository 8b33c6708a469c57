"""Writers that turn registry data into text (tables, json, csv, markdown, reports) or an
xlsx workbook.

Every writer treats text from the registry as data: it is escaped for the
target (terminal, markdown, HTML, spreadsheet) and never read as markup.

May use the domain below it (the data it renders); never `endorse.api` or `endorse.cli`.
"""
