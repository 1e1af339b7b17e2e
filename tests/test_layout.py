"""The package's shape as a contract: the import direction, the package list that ships, a plain
(non-editable) install that finds its models and sample corpus, and no dead code."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_imports_run_one_way():
    # The layers contract lives in pyproject.toml ([tool.importlinter]); lint-imports prints what breaks it.
    importlinter_cli = pytest.importorskip("importlinter.cli")
    code = importlinter_cli.lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True,
                                         no_logo=True)
    assert code == 0, "an import runs against the layers in pyproject.toml: run lint-imports"


def test_every_package_ships():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "newsmon").rglob("__init__.py")}
    assert on_disk <= listed, f"add to pyproject.toml [tool.setuptools] packages: {sorted(on_disk - listed)}"
    for package, folder in PYPROJECT["tool"]["setuptools"]["package-dir"].items():
        assert package in listed and (REPO / folder).is_dir()


def test_no_dead_code():
    vulture = shutil.which("vulture", path=str(Path(sys.executable).parent)) or shutil.which("vulture")
    if vulture is None:
        pytest.skip("vulture is not installed (pip install -e '.[dev]')")
    # tests/vulture_allow.py names what frameworks call by name (click commands, handler methods); the
    # scripts beside the package (models/, benchmarks/, corpus/) count as users of the library.
    users = [p for p in ("models", "benchmarks", "corpus") if (REPO / p).is_dir()]
    out = subprocess.run([vulture, "newsmon", "tests/vulture_allow.py", *users, "--min-confidence", "60"],
                         cwd=REPO, capture_output=True, text=True)
    dead = "".join(line + "\n" for line in out.stdout.splitlines()
                   if line.startswith(("newsmon/", "tests/vulture_allow.py")))
    assert dead == "", "unused code (remove it, or name it in tests/vulture_allow.py):\n" + dead


@pytest.mark.slow
def test_plain_install_finds_models_and_corpus(tmp_path):
    """`pip install .` (not editable): the wheel carries models/ and corpus/, and the installed package
    uses them, not the checkout's."""
    wheels = tmp_path / "wheels"
    # setuptools builds in the checkout's build/ and keeps what it copied there: start clean so a module
    # removed from the tree cannot ship from an earlier build, and leave nothing behind
    shutil.rmtree(REPO / "build", ignore_errors=True)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-q", "-w", str(wheels), str(REPO)], capture_output=True, text=True)
    shutil.rmtree(REPO / "build", ignore_errors=True)
    if build.returncode != 0 and "bdist_wheel" in build.stderr + build.stdout:
        pytest.skip("this environment's setuptools cannot build wheels offline (needs setuptools>=70.1)")
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("newsmon-*.whl")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("NEWSMON_MODELS", None)
    env.pop("NEWSMON_CORPUS", None)
    probe = ("import newsmon, newsmon.settings as s; "
             "print(newsmon.__file__); print(s.MODELS_DIR); print(s.CORPUS_DIR); "
             "print((s.MODELS_DIR / 'kb' / 'entities.toml').is_file(), "
             "(s.MODELS_DIR / 'ner-az' / 'meta.json').is_file(), "
             "(s.CORPUS_DIR / 'site' / 'index.html').is_file(), (s.CORPUS_DIR / 'sample-gold.jsonl').is_file())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    assert all(line.startswith(str(target)) for line in out[:3]), out
    assert out[3] == "True True True True"
    # The demo from that install: serves the shipped sample site on loopback, crawls it with the shipped
    # models, and prints its summary.
    demo = subprocess.run([sys.executable, "-m", "newsmon", "--db", str(tmp_path / "demo.db"), "demo",
                           "--port", "0"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert demo.returncode == 0, demo.stderr[-2000:]
    assert "36 articles in" in demo.stdout  # every article of the sample site
