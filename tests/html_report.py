"""A reader for the HTML report built on html.parser: its charts' bars, its tables, its text."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

VOID = {"meta", "link", "br", "img", "input", "hr", "rect", "line"}


class ReportPage(HTMLParser):
    """Records every bar of every SVG chart, every element's text by id, and all the text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.bars: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.rows: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.text_by_id: dict[str, str] = {}
        self.texts: list[str] = []
        self.tags: list[str] = []
        self.attributes: dict[str, dict[str, str]] = {}
        self._open: list[tuple[str, str | None]] = []
        self._chart: str | None = None
        self._table: str | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        if tag == "html":
            self.attributes["html"] = values
        if tag == "svg":
            self._chart = values.get("id")
        if tag == "table":
            self._table = values.get("id")
        if tag == "g" and "bar" in values.get("class", "").split() and self._chart:
            self.bars[self._chart].append(values)
        if tag == "tr" and self._table and "data-key" in values:
            self.rows[self._table].append(values)
        if tag not in VOID:
            self._open.append((tag, values.get("id")))
            if values.get("id"):
                self.text_by_id[values["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._chart = None
        if tag == "table":
            self._table = None
        while self._open and tag not in VOID:
            opened, _ = self._open.pop()
            if opened == tag:
                break

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        for _, element_id in self._open:
            if element_id:
                self.text_by_id[element_id] += data

    @property
    def text(self) -> str:
        return "".join(self.texts)
