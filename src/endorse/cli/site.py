"""`endorse site`: the public page of the signatories, a folder ready for any static host."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from endorse import output
from endorse.cli.base import OutputWriteError, app, registry_path
from endorse.registry.words import counted


def directory(value: str) -> Path:  # its name is the type Typer's help shows
    """A folder to write into: not empty, not an existing file."""
    if not value.strip():
        raise typer.BadParameter("the folder name is empty; give one, such as public")
    path = Path(value)
    existing = next((place for place in (path, *path.parents) if place.exists()), None)
    if existing is not None and not existing.is_dir():
        raise typer.BadParameter(
            f"{existing} is a file, not a folder; give a folder, such as public"
        )
    return path


def _refuse_to_replace(path: Path, registry: Path) -> None:
    """A page goes where a file may be replaced: not over a folder, nor over the registry,
    nor into a language's folder that is a file."""
    if path.parent.exists() and not path.parent.is_dir():
        raise OutputWriteError(
            f"cannot write {path}: {path.parent} is a file, not a folder; move it away or "
            "choose another folder"
        )
    if path.is_dir():
        raise OutputWriteError(
            f"cannot write {path}: it is a folder; move it away or choose another folder"
        )
    if path.exists() and path.resolve() == registry.resolve():
        raise OutputWriteError(
            f"cannot write {path}: it is the registry itself, which it would replace; "
            "choose another folder"
        )


def base_url(value: str) -> str:  # its name is the type Typer's help shows
    """An http(s) address with a host, ending with "/" (the folder's address)."""
    from urllib.parse import urlsplit

    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise typer.BadParameter(
            f"{value!r} is not the address of a folder on the web; give one such as "
            "https://example.org/gcm/"
        )
    address = parts.geturl()
    return address if address.endswith("/") else address + "/"


@app.command()
def site(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            parser=directory,
            metavar="FOLDER",
            help="Where to write the page: index.html, fr/index.html, es/index.html "
            "(created if missing; these files are replaced).",
            show_default=False,
        ),
    ],
    fragment: Annotated[
        bool,
        typer.Option(
            "--fragment",
            help="Write an embeddable <section> per language (fragment.html, "
            "fr/fragment.html, es/fragment.html) for a website's CMS, instead of whole pages.",
        ),
    ] = False,
    address: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            parser=base_url,
            metavar="URL",
            help="The address the folder is published at (https://example.org/gcm/): the "
            "pages then name their canonical address and each language's, whole, as search "
            "engines want them.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the public page of the signatories, in English, French and Spanish.

    One self-contained HTML file per language: the paper, the totals, a world map and
    every confirmed or pending signatory, with search, filters and sorting.

    Example: endorse site public
    """
    from endorse import RegistryWriteError, api
    from endorse.render.site import site_pages

    registry_file = registry_path(ctx)
    summary = api.summarise(api.load(registry_file))
    pages = site_pages(summary, fragment=fragment, base_url=address)
    for name in pages:
        _refuse_to_replace(folder / name, registry_file)
    for name, text in pages.items():
        path = folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            api.write_output(path, text)
        except (OSError, RegistryWriteError) as error:
            reason = error.reason if isinstance(error, RegistryWriteError) else error.strerror
            raise OutputWriteError(
                f"cannot write {path}: {reason}; check that {folder} can be created and written to"
            ) from None
    what = "fragment" if fragment else "page"
    output.message(
        f"wrote the public {what} in {counted(len(pages), 'language')} to {folder}: "
        + ", ".join(pages)
    )
