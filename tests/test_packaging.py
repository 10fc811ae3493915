"""Packaging: the bundled demo, the metadata, and a release as a stranger gets it.

The fast tests check the demo module and pyproject.toml. The slow ones (set
UNWORDING_PACKAGING=1; `.ci/run` does) build the sdist and wheel with `python -m build`,
install the wheel into fresh virtual environments outside the repository on every
Python 3.10+ the machine has, run the demo, every output format, the six languages and
`unwording --version`; run the tests from the unpacked sdist; and run the test suite
with the dependencies pinned to their declared lower bounds on the oldest Python.
They need the package index (or a pip cache) for the build and the dependencies.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from unwording import __version__, demo

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
SLOW = pytest.mark.skipif(
    os.environ.get("UNWORDING_PACKAGING") != "1",
    reason="builds and installs in fresh environments: set UNWORDING_PACKAGING=1 (.ci/run does)",
)
CLAIMED = range(10, 14)  # Python 3.10 to 3.13, as the classifiers say
TEST_TOOLS = ("pytest", "hypothesis", "jsonschema", "PyYAML")
LANGUAGE_CASES = [f"sdg-goal5-{lang}" for lang in ("en", "fr", "es", "ru", "ar", "zh")]


def test_the_packaged_demo_is_the_fixture_demo() -> None:
    for name in demo.DEMO_FILES:
        assert demo.demo_bytes(name) == (FIXTURES / "demo" / name).read_bytes(), name


def test_the_demo_writes_the_pair_and_gives_the_readme_report(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = demo.run_demo("try")
    expected = (FIXTURES / "demo" / "expected.text").read_text("utf-8")
    assert report == expected.replace("fixtures/demo/", "try/")
    assert sorted(p.name for p in (tmp_path / "try").iterdir()) == ["base.txt", "draft.txt"]


def test_the_demo_runs_twice_but_never_overwrites_another_file(tmp_path) -> None:
    demo.write_demo(tmp_path)
    demo.write_demo(tmp_path)
    (tmp_path / "draft.txt").write_text("my own text", encoding="utf-8")
    with pytest.raises(demo.OutputError, match="not the demo file"):
        demo.write_demo(tmp_path)
    assert (tmp_path / "draft.txt").read_text("utf-8") == "my own text"


def test_the_demo_command_line(tmp_path, capsys) -> None:
    assert demo.main([str(tmp_path / "d"), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["summary"]["inserted"] == 1
    assert "--format html" in err
    (tmp_path / "d" / "base.txt").write_text("other", encoding="utf-8")
    assert demo.main([str(tmp_path / "d")]) == 2
    assert capsys.readouterr().err.startswith("unwording: error: ")


def test_the_metadata_is_pep_621_and_not_duplicated() -> None:
    assert PROJECT["license"] == "MIT" and (ROOT / "LICENSE").is_file()
    assert "MIT License" in (ROOT / "LICENSE").read_text("utf-8")
    assert "Typing :: Typed" in PROJECT["classifiers"]
    assert all(">=" in requirement for requirement in PROJECT["dependencies"])
    setup_cfg = (ROOT / "setup.cfg").read_text("utf-8")
    assert "[metadata]" not in setup_cfg and "[options" not in setup_cfg
    assert (ROOT / "unwording" / "py.typed").exists()


def lower_bounds() -> list[str]:
    """The dependencies (and the pdf and postgres extras: CI runs the PostgreSQL tests)
    pinned to their declared lower bounds."""
    extras = PROJECT["optional-dependencies"]
    requirements = PROJECT["dependencies"] + extras["pdf"] + extras["postgres"]
    return [re.sub(r">=", "==", requirement, count=1) for requirement in requirements]


def test_lower_bounds_are_read_from_the_metadata() -> None:
    pins = lower_bounds()
    assert "pypdf==7.1" in pins and "click==8.2" in pins and "psycopg[binary]==3.1" in pins


# --- slow: build, install and run as a stranger would ---------------------------------


@functools.cache
def interpreters() -> dict[int, str]:
    """Python 3.10+ interpreters on this machine (PATH, then pyenv), by minor version."""
    versions = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    found: dict[int, str] = {}
    for minor in CLAIMED:
        names = [f"python3.{minor}", *map(str, sorted(versions.glob(f"3.{minor}.*/bin/python3")))]
        working = [name for name in names if _runs(name, minor)]
        if working:
            found[minor] = working[0]
    return found


def _runs(python: str, minor: int) -> bool:
    check = f"import sys; sys.exit(sys.version_info[:2] != (3, {minor}))"
    try:
        return subprocess.run([python, "-c", check], capture_output=True).returncode == 0
    except OSError:
        return False


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run a command; fail the test with its output unless it exits 0 without a traceback."""
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{' '.join(args)} -> {done.returncode}\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    return done.stdout


def venv(python: str, folder: Path, *requirements: str) -> Path:
    """A fresh virtual environment in `folder` with `requirements` installed; its bin/."""
    run([python, "-m", "venv", str(folder)], cwd=folder.parent)
    bin_dir = folder / ("Scripts" if os.name == "nt" else "bin")
    pip = [
        str(bin_dir / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    run([*pip, *requirements], cwd=folder.parent)
    return bin_dir


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    """The sdist and the wheel, built from the working tree."""
    out = tmp_path_factory.mktemp("dist")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], cwd=out)
    return {"sdist": next(out.glob("*.tar.gz")), "wheel": next(out.glob("*.whl"))}


@SLOW
def test_the_sdist_holds_the_tests_and_what_they_need(dist) -> None:
    with tarfile.open(dist["sdist"]) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    needed = {"LICENSE", "README.md", "tests/conftest.py", "fixtures/demo/expected.json"}
    needed |= {str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("test_*.py")}
    assert needed <= names, needed - names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


@SLOW
def test_the_wheel_holds_the_package_data(dist) -> None:
    names = set(zipfile.ZipFile(dist["wheel"]).namelist())
    for name in ("py.typed", "data/demo/base.txt", "data/demo/draft.txt", "data/report.css"):
        assert f"unwording/{name}" in names, name
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


@SLOW
@pytest.mark.parametrize("minor", sorted(interpreters()), ids=lambda m: f"py3.{m}")
def test_the_wheel_runs_outside_the_repository(dist, minor, tmp_path) -> None:
    bin_dir = venv(interpreters()[minor], tmp_path / "venv", f"{dist['wheel']}[pdf]")
    unwording, python = str(bin_dir / "unwording"), str(bin_dir / "python")
    assert run([unwording, "--version"], tmp_path).strip() == f"unwording, version {__version__}"
    assert "5 substantive" in run([python, "-m", "unwording.demo"], tmp_path)
    pair = ["unwording-demo/base.txt", "unwording-demo/draft.txt"]
    for fmt in ("text", "json", "html"):
        run([unwording, "compare", *pair, "-f", fmt, "-o", f"report.{fmt}"], tmp_path)
    assert json.loads((tmp_path / "report.json").read_text("utf-8"))["summary"]["inserted"] == 1
    assert (tmp_path / "report.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    for case in LANGUAGE_CASES:
        files = [str(FIXTURES / case / f"{side}.txt") for side in ("base", "draft")]
        run([unwording, "compare", *files, "-f", "html", "-o", f"{case}.html"], tmp_path)
        run([unwording, "terms", "--lang", case[-2:]], tmp_path)
    pdf_case = FIXTURES / "ares-73-8-pdf-vs-80-4"
    report = run(
        [unwording, "compare", str(pdf_case / "base.pdf"), str(pdf_case / "draft.txt")], tmp_path
    )
    assert report.splitlines()[1].startswith("5 substantive"), report[:300]


@SLOW
def test_the_tests_run_from_the_unpacked_sdist(dist, tmp_path) -> None:
    with tarfile.open(dist["sdist"]) as archive:
        archive.extractall(tmp_path, filter="data")
    source = next(tmp_path.glob("unwording-*"))
    bin_dir = venv(sys.executable, tmp_path / "venv", f"{dist['wheel']}[pdf]", *TEST_TOOLS)
    env = {k: v for k, v in os.environ.items() if k != "UNWORDING_PACKAGING"}
    pytest_ = [str(bin_dir / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    collected = run([*pytest_, "--collect-only"], source, env)
    assert "error" not in collected.splitlines()[-1], collected[-2000:]
    run(
        [*pytest_, "tests/test_golden.py", "tests/test_docs.py", "tests/test_packaging.py"],
        source,
        env,
    )


@SLOW
def test_the_lower_bounds_pass_the_tests(tmp_path) -> None:
    oldest = min(interpreters())
    bin_dir = venv(interpreters()[oldest], tmp_path / "venv", *lower_bounds(), *TEST_TOOLS)
    run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)],
        tmp_path,
    )
    env = {k: v for k, v in os.environ.items() if k != "UNWORDING_PACKAGING"}
    pytest_ = [str(bin_dir / "python"), "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider"]
    # The browser tests check the report, not the dependencies' lower bounds, and need
    # playwright, which the declared minimum set does not include.
    ignored = ["--ignore=tests/test_packaging.py", "--ignore=tests/test_report_browser.py"]
    run([*pytest_, *ignored], ROOT, env)
