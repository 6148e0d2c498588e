"""Development sessions: tests, lint, types, validate, export, diff (``nox -l`` lists them)."""

from __future__ import annotations

from pathlib import Path

import nox

# uv creates environments and installs in seconds (nox[uv], as the Quick start installs it);
# without uv, the standard library's venv and pip.
nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "lint", "types", "validate"]

ROOT = Path(__file__).parent
BUILD = ROOT / "build"
PYTHON = "3.11"


def install(session: nox.Session, *groups: str, extras: str = "") -> None:
    """Install the package from the checkout (with ``extras``) and the named dependency groups,
    in one resolver run."""
    if session.venv_backend != "uv":
        # pip installs dependency groups (--group) from 25.1 on; uv always could.
        session.install("--upgrade", "pip>=25.1")
    args = ["-e", f".[{extras}]" if extras else "."]
    for group in groups:
        args += ["--group", group]
    session.install(*args)


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the whole test suite (unit and integration, wheel install included) and the
    docstring examples."""
    install(session, "test", extras="site")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, and the import layers (lint-imports)."""
    install(session, "lint")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("lint-imports")


@nox.session(python=PYTHON)
def types(session: nox.Session) -> None:
    """mypy --strict over src, tests, scripts and this noxfile."""
    install(session, "types")
    session.run("mypy", *session.posargs)


@nox.session(python=PYTHON)
def validate(session: nox.Session) -> None:
    """Load every edition, verify it against its sources both ways (every sentence in a source,
    every source unit in the content or declared left out) and run the consistency checks."""
    install(session)
    session.run("guidelines", "validate", *session.posargs)
    session.run("guidelines", "verify-sources", "--recall")
    session.run("guidelines", "check")


@nox.session(python=PYTHON)
def export(session: nox.Session) -> None:
    """Export every edition as JSON and Markdown into build/export/."""
    install(session)
    out = BUILD / "export"
    ids = session.run(
        "python",
        "-c",
        "from guidelines_model import load_library as l; "
        "lib = l(); print(' '.join([*lib.editions, *lib.derivatives]))",
        silent=True,
    )
    for id_ in str(ids).split():
        session.run("guidelines", "export", id_, "--format", "json", "-o", str(out / f"{id_}.json"))
        session.run(
            "guidelines", "export", id_, "--format", "markdown", "-o", str(out / f"{id_}.md")
        )


@nox.session(python=PYTHON)
def diff(session: nox.Session) -> None:
    """Compare each edition with the one it is based on: print the summary and the changes of
    the values, write the full report in every format and the release notes (Markdown and
    HTML) to build/diff/, list those files last.

    ``nox -s diff -- ARGS`` passes ARGS to ``guidelines diff`` instead.
    """
    install(session)
    if session.posargs:
        session.run("guidelines", "diff", *session.posargs)
        return
    out = BUILD / "diff"
    pairs = session.run(
        "python",
        "-c",
        "from guidelines_model import load_library as l; "
        "print(' '.join(f'{e.based_on}:{e.id}' for e in l() if e.based_on))",
        silent=True,
    )
    written: list[Path] = []
    for pair in str(pairs).split():
        old, new = pair.split(":")
        session.run("guidelines", "diff", old, new, "--part", "values")
        for fmt, ext in (("markdown", "md"), ("json", "json"), ("html", "html"), ("text", "txt")):
            target = out / f"{old}__{new}.{ext}"
            session.run("guidelines", "diff", old, new, "--format", fmt, "-o", str(target))
            written.append(target)
        for fmt, ext in (("markdown", "md"), ("html", "html")):
            target = out / f"{old}__{new}.release-notes.{ext}"
            session.run("guidelines", "release-notes", old, new, "--format", fmt, "-o", str(target))
            written.append(target)
    session.log("Full reports (every part) and release notes:")
    for path in written:
        session.log(f"  {path}")


@nox.session(python=PYTHON)
def fuzz(session: nox.Session) -> None:
    """Fuzz the loader, checks and diff for a bounded time (``-- --minutes N``, default 1)."""
    install(session, "test")
    session.run("python", "scripts/fuzz.py", *session.posargs)


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks against their references; prints ratios, saves JSON under build/bench/.

    Then the Quick start's first command, timed from a new clone (scripts/first_run.py), and
    the README's Performance section rewritten from both (scripts/readme_performance.py).
    """
    install(session, "test")
    session.run("python", "scripts/bench.py", *session.posargs)
    session.run("python", "scripts/first_run.py")
    # The README's Performance numbers, from the results just saved: never copied by hand.
    session.run("python", "scripts/readme_performance.py")


@nox.session(python=PYTHON)
def site(session: nox.Session) -> None:
    """Build the static website of every edition and comparison into build/site/.

    ``nox -s site -- --base-url https://example.org/guidelines/`` makes every citation end with
    the permanent link to its sentence at that address.
    """
    install(session, extras="site,cite")
    session.run("python", "-m", "guidelines_model.site", str(BUILD / "site"), *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """The API reference, generated from the docstrings by pdoc, into build/docs/.

    Build it before ``nox -s site`` and the website's home page links it.
    """
    install(session, "docs", extras="site,cite")
    out = BUILD / "docs"
    # The package and each layer (docs/architecture.md); pdoc walks each one's submodules.
    layers = [
        *("model", "load", "library", "verify", "write", "export", "diff", "cite", "checks"),
        "site",
    ]
    modules = ["guidelines_model", *(f"guidelines_model.{m}" for m in layers)]
    session.run("pdoc", "--output-directory", str(out), *modules, *session.posargs)


@nox.session(python=PYTHON)
def browser(session: nox.Session) -> None:
    """Build the website and test it in headless Chromium (Debian's /usr/bin/chromium).

    Screenshots go to build/site-screens/; the escaping tests of the site run here too.
    """
    install(session, "test", "browser", extras="site")
    session.run(
        "pytest",
        "tests/site",
        "tests/unit/test_export_html.py",
        *session.posargs,
        env={"GUIDELINES_BROWSER_TESTS": "1"},
    )
