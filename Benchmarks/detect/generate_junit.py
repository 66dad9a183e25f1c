#!/usr/bin/env python3
"""Writes a pytest-style JUnit XML file with N test cases (about 250 bytes each).

Usage: generate_junit.py CASES OUT [--break K]
  --break K  makes every K-th passing case fail, for the "current" side of a comparison.
About 1% of cases fail in both files and 1% are skipped, with messages and captured output,
so the reader exercises every element it handles, not just empty <testcase/> tags.
"""
import sys


def main() -> None:
    cases, out = int(sys.argv[1]), sys.argv[2]
    broken_every = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--break" else 0
    per_module, per_class = 200, 20
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>')
        f.write(f'<testsuite name="pytest" errors="0" failures="0" skipped="0" tests="{cases}" time="1.0" '
                'timestamp="2026-01-01T00:00:00" hostname="bench">\n')
        for i in range(cases):
            module, klass = i // per_module, (i % per_module) // per_class
            classname = f"tests.integration.pkg_{module % 50}.test_module_{module}.TestClass{klass}"
            name = f"test_case_{i}[param-{i % 7}-variant]"
            head = (f'<testcase classname="{classname}" name="{name}" '
                    f'file="tests/integration/pkg_{module % 50}/test_module_{module}.py" line="{i % 500}" time="0.{i % 1000:03d}">')
            if i % 100 == 0 or (broken_every and i % broken_every == 1):
                f.write(head + f'<failure message="AssertionError: assert {i} == {i + 1}">'
                        f'def test_case_{i}():\n&gt;       assert {i} == {i + 1}\nE       AssertionError'
                        '</failure><system-out>captured stdout line\n</system-out></testcase>\n')
            elif i % 100 == 50:
                f.write(head + '<skipped type="pytest.skip" message="not on this platform">'
                        'tests/test_module.py:12: not on this platform</skipped></testcase>\n')
            else:
                f.write(head[:-1] + '/>\n' if i % 2 else
                        head + '<system-out>some captured output that a passing test printed\nand a second line of it</system-out></testcase>\n')
        f.write("</testsuite></testsuites>\n")


if __name__ == "__main__":
    main()
