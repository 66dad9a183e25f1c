#!/usr/bin/env python3
"""Writes the single-cause deploy the causes benchmark runs heal on.

A pytest project whose N tests all go through one function, `sku_code`, and N more that\ndon't. The baseline is
committed and tagged `deploy-1`; the deploy is three commits on top — a harmless one, the
culprit (one changed line in `sku_code` that breaks all N tests) and another harmless one — so
triage has a culprit to find among several commits, as in a real deploy.

Every command in `.heal.yml` first appends its kind to COUNTER (outside the repository): the
benchmark counts what heal ran without relying on heal's own bookkeeping. A heal that runs
project commands in an OS sandbox lets them write only their scratch directory and what
`sandbox.writable` lists: --sandbox-writable lists COUNTER's directory (a heal from before
sandboxes rejects the unknown section, so it is left out for one).

Usage: make_project.py DIR COUNTER N [--no-coverage] [--sandbox-writable]
"""
import os
import subprocess
import sys

PYTEST = "PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 python3 -m pytest -q -p no:cacheprovider"


def git(directory, *arguments):
    subprocess.run(["git", "-C", directory, *arguments], check=True, stdout=subprocess.DEVNULL)


def write(directory, path, text):
    full = os.path.join(directory, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as handle:
        handle.write(text)


def config(counter, coverage, sandbox):
    count = lambda kind: f"echo {kind} >> '{counter}'; "
    text = (
        "suite:\n"
        f"  command: \"{count('suite')}{PYTEST} --junitxml={{results}}\"\n"
        f"  test: \"{count('test')}{PYTEST} {{id}} --junitxml={{results}}\"\n"
        "  format: junit\n"
    )
    if sandbox:
        text += f"sandbox:\n  writable: [\"{os.path.dirname(counter)}\"]\n"
    if coverage:
        text += (
            "coverage:\n"
            f"  command: \"{count('coverage')}{PYTEST} -p pytest_cov --cov=src --cov-context=test --cov-report= ; "
            "python3 -m coverage json --show-contexts -o {coverage}\"\n"
            "  format: coveragepy-json\n"
            "  per-test: true\n"
        )
    return text


def main():
    directory, counter, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    coverage = "--no-coverage" not in sys.argv[4:]
    sandbox = "--sandbox-writable" in sys.argv[4:]
    subprocess.run(["git", "init", "-q", "-b", "main", "--template=", directory], check=True)
    write(directory, "pytest.ini", "[pytest]\npythonpath = src\ntestpaths = tests\n")
    write(directory, ".gitignore", "__pycache__/\n.coverage\n")
    write(directory, ".heal.yml", config(counter, coverage, sandbox))
    write(directory, "src/inventory/__init__.py", "")
    write(directory, "src/inventory/codes.py",
          "def sku_code(name, size):\n"
          "    prefix = name.strip().upper()[:3]\n"
          "    return f\"{prefix}-{size:03d}\"\n\n\n"
          "def shelf(code):\n"
          "    return code.split(\"-\")[0]\n")
    tests = ["from inventory.codes import shelf, sku_code\n"]
    for index in range(count):
        name = f"item{index}"
        expected = f"{name.upper()[:3]}-{index:03d}"
        tests.append(f"\n\ndef test_sku_{index}():\n    assert sku_code(\" {name} \", {index}) == \"{expected}\"\n")
    # As many tests that the deploy leaves passing: a deploy that breaks every test looks like
    # an outage, not a regression.
    for index in range(count):
        tests.append(f"\n\ndef test_shelf_{index}():\n    assert shelf(\"S{index}-001\") == \"S{index}\"\n")
    write(directory, "tests/test_codes.py", "".join(tests))
    git(directory, "add", "-A")
    git(directory, "commit", "-q", "-m", "baseline")
    git(directory, "tag", "deploy-1")

    write(directory, "src/inventory/notes.py", "NOTE = 'restock on mondays'\n")
    git(directory, "add", "-A")
    git(directory, "commit", "-q", "-m", "notes")
    path = os.path.join(directory, "src/inventory/codes.py")
    source = open(path).read().replace("name.strip().upper()[:3]", "name.strip().lower()[:3]")
    write(directory, "src/inventory/codes.py", source)
    git(directory, "commit", "-q", "-am", "codes: lowercase prefixes")
    write(directory, "src/inventory/units.py", "UNITS = ('each', 'box')\n")
    git(directory, "add", "-A")
    git(directory, "commit", "-q", "-m", "units")


if __name__ == "__main__":
    main()
