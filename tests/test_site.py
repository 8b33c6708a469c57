"""`endorse site`: the public page of the signatories, one file per language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import endorse
from conftest import BUNDLED, InvokeResult
from site_pages import HOSTILE_NAMES, Elements, hostile_registry, written_site

Invoke = Callable[..., InvokeResult]


def unboxed(usage_error: str) -> str:
    """A usage error's words on one line, without the box and the wrapping around them."""
    return " ".join(usage_error.replace("│", " ").split())


PAGES = ("index.html", "fr/index.html", "es/index.html")


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return written_site(BUNDLED, tmp_path_factory.mktemp("site"))


def test_site_writes_one_page_per_language(bundled_site: Path) -> None:
    assert sorted(p.relative_to(bundled_site).as_posix() for p in bundled_site.rglob("*")) == [
        "es",
        "es/index.html",
        "fr",
        "fr/index.html",
        "index.html",
    ]


@pytest.mark.parametrize(("page", "language"), list(zip(PAGES, ["en", "fr", "es"], strict=True)))
def test_each_page_is_in_its_language_and_links_to_the_others(
    bundled_site: Path, page: str, language: str
) -> None:
    path = bundled_site / page
    elements = Elements(path.read_text(encoding="utf-8"))
    assert elements.named("html")[0]["lang"] == language
    links = [a["href"] for a in elements.named("a") if a.get("hreflang")]
    assert len(links) == 2
    for href in links:
        assert href is not None and (path.parent / href).resolve().is_file()


def test_the_page_lists_every_signatory_that_backs_the_paper_and_no_withdrawn_one(
    bundled_site: Path,
) -> None:
    registry = endorse.load(BUNDLED)
    backing = {s.id for s in registry.signatories if s.status != "withdrawn"}
    rows = Elements((bundled_site / "index.html").read_text(encoding="utf-8")).named("tr")
    assert {row["data-id"] for row in rows if row.get("data-id")} == backing


def test_the_page_asks_for_nothing_outside_itself(bundled_site: Path) -> None:
    for page in PAGES:
        text = (bundled_site / page).read_text(encoding="utf-8")
        elements = Elements(text)
        assert all("src" not in attributes for _, attributes in elements.tags)
        assert [link["rel"] for link in elements.named("link")] == ["alternate"] * 3
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
        assert "url(" not in text and "@import" not in text


def test_the_bundled_page_is_under_300_kb(bundled_site: Path) -> None:
    for page in PAGES:
        assert (bundled_site / page).stat().st_size <= 300_000


def test_the_list_is_in_the_html_and_the_controls_wait_for_the_script(bundled_site: Path) -> None:
    elements = Elements((bundled_site / "index.html").read_text(encoding="utf-8"))
    (form,) = elements.named("form")
    assert "hidden" in form
    assert len(elements.scripts) == 1


def test_hostile_names_stay_text_in_every_page(tmp_path: Path, invoke: Invoke) -> None:
    registry = hostile_registry(tmp_path)
    assert invoke("--registry", registry, "site", tmp_path / "out").exit_code == 0
    for page in PAGES:
        text = (tmp_path / "out" / page).read_text(encoding="utf-8")
        elements = Elements(text)
        assert len(elements.scripts) == 1
        assert "alert" not in elements.scripts[0]
        assert not elements.named("img") and not elements.named("b")
        assert text.count("</style>") == 1 and text.count("</title>") == text.count("<title")
        for name in HOSTILE_NAMES:
            assert name not in text


def test_a_fragment_is_one_section_with_styles_scoped_to_it(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "site", tmp_path, "--fragment")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.rglob("*.html")) == ["fragment.html"] * 3
    text = (tmp_path / "fr" / "fragment.html").read_text(encoding="utf-8")
    assert text.startswith('<section class="endorse-site" lang="fr"')
    assert text.rstrip().endswith("</section>")
    elements = Elements(text)
    assert not {"html", "head", "body", "main", "header", "footer"} & {t for t, _ in elements.tags}
    ids = [attributes["id"] for _, attributes in elements.tags if attributes.get("id")]
    assert all(i is not None and i.startswith("endorse-") for i in ids)
    style = text[text.index("<style>") + 7 : text.index("</style>")]
    for rule in re.findall(r"([^{}]+)\{[^{}]*\}", re.sub(r"@media[^{]*\{", "", style)):
        for selector in rule.split(","):
            assert selector.strip().startswith(".endorse-site"), rule


def test_site_refuses_a_file_for_its_folder(tmp_path: Path, invoke: Invoke) -> None:
    file = tmp_path / "public"
    file.write_text("mine", encoding="utf-8")
    result = invoke("--registry", BUNDLED, "site", file)
    assert result.exit_code == 2
    assert "is a file, not a folder" in unboxed(result.stderr)
    assert file.read_text(encoding="utf-8") == "mine"


def test_site_refuses_an_empty_folder_name(invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "site", "")
    assert result.exit_code == 2
    assert "folder name is empty" in unboxed(result.stderr)


def test_site_writes_nothing_when_a_language_s_folder_is_a_file(
    tmp_path: Path, invoke: Invoke
) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "fr").write_text("a file where a folder goes", encoding="utf-8")
    result = invoke("--registry", BUNDLED, "site", tmp_path / "out")
    assert result.exit_code == 1
    assert f"cannot write {tmp_path / 'out' / 'fr' / 'index.html'}" in result.stderr
    assert "is a file, not a folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["fr"]


def test_site_refuses_a_folder_under_a_file(tmp_path: Path, invoke: Invoke) -> None:
    (tmp_path / "registry.toml").write_bytes(BUNDLED.read_bytes())
    result = invoke("--registry", BUNDLED, "site", tmp_path / "registry.toml" / "public")
    assert result.exit_code == 2
    assert "is a file, not a folder" in unboxed(result.stderr)


def test_site_says_what_it_wrote(tmp_path: Path, invoke: Invoke) -> None:
    result = invoke("--registry", BUNDLED, "site", tmp_path / "public")
    assert "wrote the public page in 3 languages" in result.stderr


def test_site_replaces_nothing_that_is_not_a_page(tmp_path: Path, invoke: Invoke) -> None:
    (tmp_path / "out" / "es" / "index.html").mkdir(parents=True)
    result = invoke("--registry", BUNDLED, "site", tmp_path / "out")
    assert result.exit_code == 1
    assert "es/index.html: it is a folder" in result.stderr.replace("\\", "/")
    assert not (tmp_path / "out" / "index.html").exists()


def test_site_never_writes_over_the_registry(tmp_path: Path, invoke: Invoke) -> None:
    registry = tmp_path / "index.html"
    registry.write_bytes(BUNDLED.read_bytes())
    result = invoke("--registry", registry, "site", tmp_path)
    assert result.exit_code == 1
    assert "it is the registry itself" in result.stderr
    assert registry.read_bytes() == BUNDLED.read_bytes()


def test_the_page_of_an_empty_registry_says_so(tmp_path: Path, invoke: Invoke) -> None:
    from registries import empty_registry

    result = invoke("--registry", empty_registry(tmp_path), "site", tmp_path / "out")
    assert result.exit_code == 0
    text = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<p class="note">None.</p>' in text and "<form" not in text


@settings(max_examples=40)
@given(st.text(min_size=1, max_size=30).filter(lambda text: text.strip() == text))
def test_any_name_stays_text_on_the_page(name: str) -> None:
    from endorse.registry.values import unsafe_character
    from endorse.render.site import site_page
    from registries import registry, signatory

    page = site_page(endorse.summarise(registry(signatory(name, "FR", id="x", kind="other"))))
    elements = Elements(page)
    assert len(elements.scripts) == 1 and len(elements.named("style")) == 1
    assert [row["data-id"] for row in elements.named("tr") if row.get("data-id")] == ["x"]
    if unsafe_character(name, newlines=True) is None:
        assert any(text == name for text in elements.texts)


def test_with_its_address_a_page_names_each_language_s_whole_address(
    tmp_path: Path, invoke: Invoke
) -> None:
    url = "https://example.org/gcm"
    assert invoke("--registry", BUNDLED, "site", tmp_path, "--base-url", url).exit_code == 0
    links = Elements((tmp_path / "fr" / "index.html").read_text(encoding="utf-8")).named("link")
    assert [(link["rel"], link.get("hreflang"), link["href"]) for link in links] == [
        ("canonical", None, "https://example.org/gcm/fr/"),
        ("alternate", "en", "https://example.org/gcm/"),
        ("alternate", "fr", "https://example.org/gcm/fr/"),
        ("alternate", "es", "https://example.org/gcm/es/"),
        ("alternate", "x-default", "https://example.org/gcm/"),
    ]


@pytest.mark.parametrize("url", ["example.org", "ftp://example.org/", "https://", "javascript:x"])
def test_site_refuses_an_address_that_is_not_a_folder_on_the_web(
    url: str, tmp_path: Path, invoke: Invoke
) -> None:
    result = invoke("--registry", BUNDLED, "site", tmp_path / "out", "--base-url", url)
    assert result.exit_code == 2
    assert "is not the address of a folder on the web" in unboxed(result.stderr)
    assert not (tmp_path / "out").exists()
