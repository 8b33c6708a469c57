"""Random sequences of commands, through the Python API and the CLI, against a model.

After every step: the file parses and is canonical (unless a comment was
typed into it), it holds exactly the signatories of the model, a refused
step left its bytes unchanged, and a step that changed nothing wrote
nothing. The model is the registry as the last successful step left it;
each step says which signatories it may change, and every other one must
come through unchanged.

CI runs a bounded number of examples; `ENDORSE_STATEFUL_EXAMPLES=2000 pytest
tests/test_stateful.py` runs it at length.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from typer.testing import CliRunner, Result

import endorse
from endorse import Signatory
from endorse.cli import app
from endorse.registry import store

NAMES = (
    "Lyon",
    "Lyons",
    "Paris",
    "Pàris",
    "Saint-Denis",
    "St Denis",
    "São Paulo",
    "Sao Paulo",
    "New York",
    "New-York",
    "Portland",
    "Chi\x1bcago",
    "\u0421hicago",
    "Chicago",
    " ",
    "",
    "=HYPERLINK(1)",
    "[bold]x",
    "L" * 201,
)
COUNTRIES = ("FR", "US", "BR", "Brazil", "XX", "fr")
KINDS = ("city", "county", "region", "other")
NOTES = ("Letter.", "Second line\nof a note", "", "note with \x1b escape", "‮bidi")
EXAMPLES = int(os.environ.get("ENDORSE_STATEFUL_EXAMPLES", "25"))


class Registry(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="endorse-stateful-"))
        self.path = self.folder / "registry.toml"
        self.runner = CliRunner()
        created = self.cli("init", self.path, "--title", "T", "--network", "N")
        assert created.exit_code == 2  # --members-declared is required
        assert (
            self.cli(
                "init", self.path, "--title", "T", "--network", "N", "--members-declared", "3"
            ).exit_code
            == 0
        )
        self.model: dict[str, Signatory] = {}
        self.commented = False

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    # How a step is run and judged

    def cli(self, *args: str | Path) -> Result:
        result = self.runner.invoke(app, [str(a) for a in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert "Traceback" not in result.stderr
        return result

    def file_signatories(self) -> dict[str, Signatory]:
        return {s.id: s for s in endorse.load(self.path).signatories}

    def judge(self, before: bytes, succeeded: bool, may_change: set[str] | None) -> None:
        """A refused step left the bytes; a successful one changed at most `may_change`
        (None: any new id may appear too), and nothing else."""
        after = self.path.read_bytes()
        if not succeeded:
            assert after == before, "a refused step changed the file"
            return
        now = self.file_signatories()
        touched = {i for i in set(now) | set(self.model) if now.get(i) != self.model.get(i)}
        if may_change is not None:
            assert touched <= may_change, f"{touched - may_change} changed unasked"
        if not touched:
            assert after == before, "a step that changed nothing wrote the file"
        self.model = now

    # Steps

    @rule(
        name=st.sampled_from(NAMES),
        country=st.sampled_from(COUNTRIES),
        kind=st.sampled_from(KINDS),
        subdivision=st.sampled_from([None, "US-OR", "US-ME", "OR"]),
        force=st.booleans(),
        through_api=st.booleans(),
    )
    def add(
        self,
        name: str,
        country: str,
        kind: str,
        subdivision: str | None,
        force: bool,
        through_api: bool,
    ) -> None:
        before = self.path.read_bytes()
        if through_api:
            try:
                with endorse.edit(self.path) as draft:
                    added = draft.add(
                        name=name, country=country, kind=kind, subdivision=subdivision, force=force
                    )
            except endorse.EndorseError:
                self.judge(before, False, set())
                return
            assert self.file_signatories()[added.id] == added
            assert added.id not in self.model
            self.judge(before, True, {added.id})
            return
        args = ["--registry", self.path, "add", name, "--country", country, "--kind", kind]
        args += ["--subdivision", subdivision] if subdivision else []
        args += ["--force"] if force else []
        result = self.cli(*args)
        new_ids = set(self.file_signatories()) - set(self.model)
        assert len(new_ids) == (1 if result.exit_code == 0 else 0)
        self.judge(before, result.exit_code == 0, new_ids)

    @precondition(lambda self: self.model)
    @rule(
        data=st.data(),
        key=st.sampled_from(["note", "source", "name", "kind", "member"]),
        value=st.sampled_from([*NOTES, "Lyon", "county", "true", "false"]),
        through_api=st.booleans(),
    )
    def edit(self, data: st.DataObject, key: str, value: str, through_api: bool) -> None:
        target = data.draw(st.sampled_from(sorted(self.model)))
        before = self.path.read_bytes()
        if through_api:
            try:
                with endorse.edit(self.path) as draft:
                    draft.edit(target, **{key: value})
            except endorse.EndorseError:
                self.judge(before, False, set())
                return
            self.judge(before, True, {target})
            return
        option = (
            f"--{key}" if key != "member" else ("--member" if value == "true" else "--nonmember")
        )
        args = [option] if key == "member" else [option, value]
        result = self.cli("--registry", self.path, "edit", target, *args)
        self.judge(before, result.exit_code == 0, {target})

    @precondition(lambda self: self.model)
    @rule(data=st.data(), note=st.sampled_from(NOTES), through_api=st.booleans())
    def withdraw(self, data: st.DataObject, note: str, through_api: bool) -> None:
        target = data.draw(st.sampled_from(sorted(self.model)))
        was_withdrawn = self.model[target].status == "withdrawn"
        held = self.model[target].note or ""
        # The note is held when it ends the note, appended after a full stop or a semicolon.
        added = note.strip()
        note_held = not added or held == added or held.endswith((f". {added}", f"; {added}"))
        before = self.path.read_bytes()
        if through_api:
            try:
                with endorse.edit(self.path) as draft:
                    draft.withdraw(target, note=note)
            except endorse.EndorseError:
                self.judge(before, False, set())
                return
            succeeded = True
        else:
            succeeded = (
                self.cli("--registry", self.path, "withdraw", target, "--note", note).exit_code == 0
            )
        if was_withdrawn and note_held and succeeded:
            assert self.path.read_bytes() == before, "withdrawing twice wrote the file"
        self.judge(before, succeeded, {target})
        if succeeded:
            assert self.model[target].status == "withdrawn"
            assert note.strip() in (self.model[target].note or ""), "the note given was lost"

    @precondition(lambda self: self.model)
    @rule(data=st.data(), through_api=st.booleans())
    def remove(self, data: st.DataObject, through_api: bool) -> None:
        target = data.draw(st.sampled_from(sorted(self.model)))
        before = self.path.read_bytes()
        if through_api:
            try:
                with endorse.edit(self.path) as draft:
                    draft.remove(target)
                succeeded = True
            except endorse.EndorseError:
                succeeded = False
        else:
            result = self.cli("--registry", self.path, "remove", target, "--yes")
            succeeded = result.exit_code == 0
        self.judge(before, succeeded, {target})
        if succeeded:
            assert target not in self.model

    @rule(
        rows=st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(COUNTRIES)), max_size=4),
        skip=st.booleans(),
        dry_run=st.booleans(),
        workbook=st.booleans(),
    )
    def import_rows(
        self, rows: list[tuple[str, str]], skip: bool, dry_run: bool, workbook: bool
    ) -> None:
        holdable = all(name.isprintable() for name, _ in rows)  # a workbook holds no ESC
        file = self._form_workbook(rows) if workbook and holdable else self._rows_csv(rows)
        before = self.path.read_bytes()
        args = ["--registry", self.path, "import", file]
        if file.suffix == ".xlsx":
            args += ["--column", "name=City", "--ignore-column", "Email Address"]
        args += ["--on-duplicate", "skip"] if skip else []
        args += ["--dry-run"] if dry_run else []
        result = self.cli(*args)
        if dry_run:
            assert self.path.read_bytes() == before, "a dry run wrote the file"
        self.judge(before, result.exit_code == 0, None)

    def _rows_csv(self, rows: list[tuple[str, str]]) -> Path:
        file = self.folder / "rows.csv"
        lines = ["name,country", *(f'"{n}",{c}' for n, c in rows)]
        file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return file

    def _form_workbook(self, rows: list[tuple[str, str]]) -> Path:
        """The rows as a form's workbook: its own header for the name, a column to leave out."""
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.append(["City", "Country", "Email Address"])
        for name, country in rows:
            sheet.append([name, country, "office@example.org"])
        file = self.folder / "rows.xlsx"
        book.save(file)
        return file

    @rule(name=st.sampled_from(NAMES), set_as_it_is=st.booleans())
    def use_a_draft_after_its_block(self, name: str, set_as_it_is: bool) -> None:
        """The draft's life: opened, given a value it already holds or nothing, left (which
        writes nothing); used after, it refuses and the file stays as it was."""
        before = self.path.read_bytes()
        try:
            with endorse.edit(self.path) as draft:
                if set_as_it_is:
                    draft.edit_paper(members_declared=3)
        except endorse.EndorseError:
            self.judge(before, False, set())
            return
        written = self.path.read_bytes()
        try:
            draft.add(name=name, country="FR")
        except endorse.DraftClosedError:
            pass
        else:
            raise AssertionError("a draft used after its block took a change")
        assert self.path.read_bytes() == written
        self.judge(before, True, set())

    @rule()
    def fmt(self) -> None:
        before = self.path.read_bytes()
        result = self.cli("--registry", self.path, "fmt")
        self.judge(before, result.exit_code == 0, set())
        if not self.commented:
            assert self.path.read_bytes() == before, "fmt rewrote a canonical file"

    @rule()
    def type_a_comment(self) -> None:
        self.path.write_bytes(self.path.read_bytes() + b"# a comment typed by hand\n")
        self.commented = True

    @precondition(lambda self: self.commented)
    @rule()
    def fmt_force(self) -> None:
        result = self.cli("--registry", self.path, "fmt", "--force")
        assert result.exit_code == 0
        self.commented = False
        assert self.file_signatories() == self.model

    # After every step

    @invariant()
    def the_file_holds_the_model_in_canonical_form(self) -> None:
        loaded = store.load(self.path)
        assert {s.id: s for s in loaded.registry.signatories} == self.model
        if not self.commented:
            assert store.is_canonical(self.path.read_bytes(), loaded.registry)
        assert not list(self.folder.glob(".registry.toml.*.tmp"))


Registry.TestCase.settings = settings(max_examples=EXAMPLES, stateful_step_count=25, deadline=None)
test_random_sequences_of_commands_lose_nothing = pytest.mark.slow(Registry.TestCase)
