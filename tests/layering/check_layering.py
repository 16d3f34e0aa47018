#!/usr/bin/env python3
"""Check that no #include in lib/src/ breaks the layering line of ARCHITECTURE.md.

The line reads "Layering: `util` ← `discover`, `parse` ← ... ← `capi`." Groups are separated by
"←"; a directory may include its own headers and those of directories in groups to its left,
never one of its own group or to its right. Includes of public headers (`testtier/...`) and of
other libraries are not checked. A directory under lib/src/ that the line does not name fails too,
so that the document and the tree cannot drift apart.

    check_layering.py REPO        check REPO (its ARCHITECTURE.md and lib/src/)
    check_layering.py --self-test check the checker on made-up trees
"""
import re
import sys
import tempfile
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*"([A-Za-z0-9_]+)/[^"]*"')


def read_layers(architecture_text):
    """Return {directory: group index} from the layering line; raise ValueError if there is none."""
    match = re.search(r"^Layering:(.*?)\.\s*$", architecture_text, re.MULTILINE | re.DOTALL)
    if match is None:
        raise ValueError('ARCHITECTURE.md has no line starting "Layering:" and ending with "."')
    layers = {}
    for index, group in enumerate(match.group(1).split("←")):
        names = re.findall(r"`([A-Za-z0-9_]+)`", group)
        if not names:
            raise ValueError(f"the layering line has an empty group: {group.strip()!r}")
        for name in names:
            if name in layers:
                raise ValueError(f"the layering line names `{name}` twice")
            layers[name] = index
    return layers


def breaches(repo):
    """Return one message per include edge (and per directory) that the layering line forbids."""
    layers = read_layers((repo / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    source = repo / "lib" / "src"
    found = []
    for directory in sorted(p for p in source.iterdir() if p.is_dir()):
        if directory.name not in layers:
            found.append(f"lib/src/{directory.name}/: not named in the layering line of ARCHITECTURE.md")
    for file in sorted(source.rglob("*")):
        if file.suffix not in (".cpp", ".hpp") or file.parent == source:
            continue
        layer = file.relative_to(source).parts[0]
        if layer not in layers:
            continue  # reported above
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            include = INCLUDE.match(line)
            if include is None or include.group(1) in ("testtier", layer):
                continue
            target = include.group(1)
            where = f"{file.relative_to(repo).as_posix()}:{number}"
            if target not in layers:
                if (source / target).is_dir():  # a directory of ours the line does not place
                    found.append(f"{where}: {layer} includes {target}, which the layering line does not name")
            elif layers[target] == layers[layer]:
                found.append(f"{where}: {layer} includes {target}, a stage of its own group")
            elif layers[target] > layers[layer]:
                found.append(f"{where}: {layer} includes {target}, a stage to its right")
    return found


def self_test():
    """Return 0 when the checker passes a layered tree and fails made-up breaches, else 1."""
    architecture = "# Architecture\n\nLayering: `util` ← `low`, `peer` ←\n`high`.\nMore text.\n"
    cases = {
        "clean": ({"high/a.cpp": '#include "low/b.hpp"\n#include "util/c.hpp"\n#include "high/d.hpp"\n'
                                 '#include "testtier/e.hpp"\n#include <fmt/format.h>\n',
                   "low/b.hpp": '#include "util/c.hpp"\n', "peer/p.cpp": "", "util/c.hpp": ""}, []),
        "right": ({"util/c.hpp": '\n#include "high/a.hpp"\n', "low/b.hpp": "", "peer/p.cpp": "", "high/a.hpp": ""},
                  ["lib/src/util/c.hpp:2: util includes high, a stage to its right"]),
        "peer": ({"low/b.cpp": '#include "peer/p.hpp"\n', "peer/p.hpp": "", "util/c.hpp": "", "high/a.hpp": ""},
                 ["lib/src/low/b.cpp:1: low includes peer, a stage of its own group"]),
        "unnamed": ({"util/c.hpp": "", "low/b.hpp": "", "peer/p.hpp": "", "high/a.hpp": '#include "extra/x.hpp"\n',
                     "extra/x.hpp": ""},
                    ["lib/src/extra/: not named in the layering line of ARCHITECTURE.md",
                     "lib/src/high/a.hpp:1: high includes extra, which the layering line does not name"]),
    }
    failures = 0
    for name, (files, expected) in cases.items():
        with tempfile.TemporaryDirectory() as temporary:
            repo = Path(temporary)
            (repo / "ARCHITECTURE.md").write_text(architecture, encoding="utf-8")
            for path, text in files.items():
                (repo / "lib" / "src" / path).parent.mkdir(parents=True, exist_ok=True)
                (repo / "lib" / "src" / path).write_text(text, encoding="utf-8")
            got = breaches(repo)
        if got != expected:
            print(f"self-test {name}: expected {expected}, got {got}")
            failures += 1
    try:
        read_layers("no such line\n")
        print("self-test missing line: no error")
        failures += 1
    except ValueError:
        pass
    print("self-test:", "failed" if failures else "passed")
    return 1 if failures else 0


def main(arguments):
    if arguments == ["--self-test"]:
        return self_test()
    if len(arguments) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        found = breaches(Path(arguments[0]))
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for message in found:
        print(message)
    if found:
        print(f"{len(found)} include edge(s) break the layering of ARCHITECTURE.md")
        return 1
    print("layering: every include edge of lib/src/ follows ARCHITECTURE.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
