"""Times heal diff against git diff per range and checks that both say the same thing.

Usage: bench.py HEAL DATA_DIR RUNS (run.sh prepares the arguments).
"""
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

RANGES = [
    ("swift-nio", "2.101.2", "2.101.3"),
    ("swift-syntax", "600.0.1", "603.0.1"),
    ("swift-crypto", "3.12.3", "4.5.2"),
]
HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def timed(command):
    """Wall time and CPU time (user + sys of the child) of one run, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def git_hunks(repo, a, b, renames):
    """Hunk ranges per new path (old path for a deletion) from git's -U0 patch."""
    flag = "-M" if renames else "--no-renames"
    out = subprocess.run(["git", "-C", repo, "diff", "-U0", "--no-color", flag, a, b],
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "surrogateescape")
    files, old, current = {}, None, None
    for line in out.split("\n"):
        if line.startswith("diff --git"):
            current = None
        elif line.startswith("--- "):
            path = line[4:].rstrip("\t")
            old = None if path == "/dev/null" else path[2:]
        elif line.startswith("+++ "):
            path = line[4:].rstrip("\t")
            current = old if path == "/dev/null" else path[2:]
            files.setdefault(current, [])
        elif line.startswith("@@"):
            m = HUNK.match(line)
            o, ol, n, nl = m.groups()
            files[current].append((int(o), int(1 if ol is None else ol), int(n), int(1 if nl is None else nl)))
    return {path: hunks for path, hunks in files.items() if hunks}


def heal_json(heal, repo, a, b, renames):
    command = [heal, "diff", "--repo", repo, "--json", "--context", "0"] + ([] if renames else ["--no-renames"]) + [a, b]
    return json.loads(subprocess.run(command, stdout=subprocess.PIPE, check=True).stdout)


def heal_hunks(diff):
    return {f["path"]: [(h["oldStart"], h["oldLines"], h["newStart"], h["newLines"]) for h in f["hunks"]]
            for f in diff["files"] if f["hunks"]}


def git_renames(repo, a, b):
    fields = subprocess.run(["git", "-C", repo, "diff", "-M", "--name-status", "-z", a, b],
                            stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "surrogateescape").split("\0")
    pairs, i = set(), 0
    while i < len(fields) - 1:
        if fields[i][0] in "RC":
            pairs.add((fields[i + 1], fields[i + 2]))
            i += 3
        else:
            i += 2
    return pairs


def agreement(heal, repo, a, b):
    notes = []
    for renames in (False, True):
        heal_side = heal_hunks(heal_json(heal, repo, a, b, renames))
        git_side = git_hunks(repo, a, b, renames)
        differing = sorted(p for p in set(heal_side) | set(git_side) if heal_side.get(p) != git_side.get(p))
        label = "-M" if renames else "--no-renames"
        count = sum(map(len, git_side.values()))
        notes.append(f"hunks {label}: " + ("equal" if not differing else f"DIFFER in {len(differing)} files, e.g. {differing[0]}")
                     + f" ({count} hunks)")
    heal_pairs = {(f["oldPath"], f["path"]) for f in heal_json(heal, repo, a, b, True)["files"] if f["status"] == "renamed"}
    git_pairs = git_renames(repo, a, b)
    notes.append(f"renames: {'equal' if heal_pairs == git_pairs else 'DIFFER'} ({len(heal_pairs)} heal, {len(git_pairs)} git)")
    return notes


def main():
    heal, data, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'range':<34} {'git -U0 -M':>11} {'heal --json':>12} {'ratio':>6}   {'git cpu':>9} {'heal cpu':>9} {'ratio':>6}")
    for name, a, b in RANGES:
        repo = f"{data}/{name}.git"
        git = ["git", "-C", repo, "diff", "-U0", "-M", a, b]
        ours = [heal, "diff", "--repo", repo, "--json", "--context", "0", a, b]
        timed(git), timed(ours)  # warm the page cache
        git_times, heal_times = [], []
        for _ in range(runs):
            git_times.append(timed(git))
            heal_times.append(timed(ours))
        g, h = statistics.median(t[0] for t in git_times) * 1000, statistics.median(t[0] for t in heal_times) * 1000
        gc, hc = statistics.median(t[1] for t in git_times) * 1000, statistics.median(t[1] for t in heal_times) * 1000
        print(f"{name + ' ' + a + '..' + b:<34} {g:>9.1f}ms {h:>10.1f}ms {h / g:>5.2f}x   {gc:>7.1f}ms {hc:>7.1f}ms {hc / gc:>5.2f}x")
        for note in agreement(heal, repo, a, b):
            print(f"    {note}")


if __name__ == "__main__":
    main()
