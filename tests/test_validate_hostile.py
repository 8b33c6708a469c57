"""Whatever a registry holds, validate reports findings: it never crashes, never obeys markup."""

from __future__ import annotations

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from endorse.checks import validate_text
from endorse.render.findings import to_json, to_text

texts = st.text(max_size=30)
signatories = st.fixed_dictionaries(
    {
        "id": st.one_of(texts, st.from_regex(r"[a-z]{1,8}", fullmatch=True)),
        "name": texts,
        "kind": st.sampled_from(["city", "county", "region", "metropolitan-area", "other", "x"]),
        "country": st.one_of(texts, st.sampled_from(["US", "FR", "ZA", "BR", "XK", "us"])),
        "member": st.booleans(),
        "status": st.sampled_from(["confirmed", "pending", "withdrawn", "?"]),
    },
    optional={"subdivision": st.one_of(texts, st.sampled_from(["US-PA", "FR-IDF", "us-ny"]))},
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(signatories, max_size=6), st.integers(min_value=0, max_value=10))
def test_any_registry_gives_findings_that_print_safely(
    entries: list[dict[str, object]], declared: int
) -> None:
    doc = {
        "format": 1,
        "paper": {"title": "t", "network": "n", "members_declared": declared},
        "signatory": entries,
    }
    findings = validate_text(tomli_w.dumps(doc), verbose=True)
    printed = to_text(findings, "registry.toml")
    assert "\x1b" not in printed
    assert printed.endswith(" info\n")
    assert to_json(findings)


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_findings_not_a_traceback(text: str) -> None:
    findings = validate_text(text)
    assert all(finding.hint for finding in findings)
