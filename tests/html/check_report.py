#!/usr/bin/env python3
"""Check `testtier report --html` in a real browser: Debian's headless Chromium.

  check_report.py TESTTIER SOURCE_DIR WORK_DIR [--save-screenshot PNG]

1. Runs TESTTIER on a fresh copy of corpus/sentry-like (the cache on, as a user runs it):
   `report --html`, `classify --format json` and `plan --format json` with the same shards.
2. The page refers to nothing outside itself: no script, style sheet, image, font, frame or link,
   no `url(`, `@import`, `http:`, `https:` or `//`.
3. Chromium (`chromium --headless`) loads it from a file:// URL without network, dumps its DOM
   and takes a 1200x1600 screenshot. The DOM, parsed with html.parser, holds classify's counts
   (files, tests, per tier, as table rows, as folded file and test entries and as segments of
   both charts), plan's start-up saving, the suspicious imports and diagnostics; every file and
   test entry is folded. The screenshot is a PNG of that size with every tier's colour in it.
4. The checks themselves reject pages made wrong on purpose (so that this test can fail).

Exit status: 0 passed, 1 failed. A Chromium that is not installed fails: scripts/bootstrap
installs it, and its absence is a gap in the machine's set-up that the suite must show. 77
(CTest: skipped) only when Chromium is installed but cannot start at all (it cannot render even
an empty page: a sandbox or kernel restriction of the machine, not a fault of the report); the
static checks of step 2 have run and passed by then. --save-screenshot copies the screenshot
(docs/report.png is made so).
"""
import argparse
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

SHARDS = "2,snuba_tier=3"
WINDOW = (1200, 1600)
# Chromium on a machine without a display: no sandbox (runs as root in CI), no GPU, its own
# profile, and no network at all (every host resolves to nothing).
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                  "--no-first-run", "--disable-extensions", "--disable-background-networking",
                  "--host-resolver-rules=MAP * ~NOTFOUND", "--force-device-scale-factor=1"]


def fail(problems, message):
    problems.append(message)


def run(command, cwd):
    """Return stdout of `command` run in `cwd`; raise on an unexpected exit status."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


# --- 2. nothing outside the page ----------------------------------------------------------------

EXTERNAL = [
    (re.compile(r"<\s*(script|link|img|iframe|frame|object|embed|audio|video|source|base|use)\b", re.I), "an element that loads or runs something"),
    (re.compile(r"\b(src|href|srcset|action|poster|data|xlink:href)\s*=", re.I), "an attribute that names a resource"),
    (re.compile(r"(?<![\w-])url\s*\(", re.I), "a CSS url()"),  # not `symbolicator_url (` in text
    (re.compile(r"@import", re.I), "a CSS @import"),
    (re.compile(r"https?:", re.I), "an http(s) address"),
    (re.compile(r"//"), "a protocol-relative address"),
]


def external_references(page):
    """Return a message per reference the page makes to anything outside itself."""
    found = []
    for pattern, what in EXTERNAL:
        for match in pattern.finditer(page):
            line = page.count("\n", 0, match.start()) + 1
            found.append(f"line {line}: {what}: {page[match.start():match.start() + 60]!r}")
    return found


# --- 3. the DOM ---------------------------------------------------------------------------------

class Dom(html.parser.HTMLParser):
    """The elements the checks read: each start tag with its attributes and enclosing ids."""

    VOID = {"meta", "br", "hr", "img", "input", "link", "source", "wbr", "col", "area", "base", "embed", "param",
            "track"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attributes, ids of the enclosing elements)
        self.stack = []     # (tag, id)

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes, [i for _, i in self.stack if i]))
        if tag not in self.VOID:
            self.stack.append((tag, attributes.get("id")))

    def handle_startendtag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        self.elements.append((tag, attributes, [i for _, i in self.stack if i]))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def find(self, tag=None, cls=None, inside=None, **attributes):
        """Return the attributes of every element matching tag, class, enclosing id and attributes."""
        out = []
        for element_tag, attrs, ids in self.elements:
            if tag and element_tag != tag:
                continue
            if cls and cls not in attrs.get("class", "").split():
                continue
            if inside and inside not in ids:
                continue
            if any(attrs.get(name.replace("_", "-")) != value for name, value in attributes.items()):
                continue
            out.append(attrs)
        return out


def number(attributes, name):
    try:
        return int(attributes.get(name, ""))
    except ValueError:
        return None


def check_dom(dom_text, classify, plan, problems):
    """Append a message to `problems` for every count of the DOM that is not classify's or plan's."""
    dom = Dom()
    dom.feed(dom_text)
    summary = classify["summary"]
    tier_counts, file_tier_counts = summary["tier_counts"], summary["file_tier_counts"]
    tiers = sorted(set(tier_counts) | set(file_tier_counts))

    sections = dom.find("section", id="summary")
    if len(sections) != 1:
        return fail(problems, f"expected one section#summary, found {len(sections)}")
    for name, key in (("data-files", "files"), ("data-tests", "tests")):
        if number(sections[0], name) != summary[key]:
            fail(problems, f"#summary {name}={sections[0].get(name)!r}, classify says {summary[key]}")
    rows = {row.get("data-tier"): row for row in dom.find("tr", cls="tier")}
    files = Counter(e.get("data-tier") for e in dom.find("details", cls="file"))
    tests = Counter(e.get("data-tier") for e in dom.find("details", cls="test"))
    segments, shares = Counter(), Counter()
    for rect in dom.find("rect", cls="segment", inside="directory-chart"):
        segments[rect.get("data-tier")] += number(rect, "data-count") or 0
    for rect in dom.find("rect", cls="segment", inside="tier-shares"):
        shares[rect.get("data-tier")] += number(rect, "data-count") or 0
    for tier in tiers:
        want_tests, want_files = tier_counts.get(tier, 0), file_tier_counts.get(tier, 0)
        row = rows.get(tier, {})
        for what, got, want in (("row data-test-count", number(row, "data-test-count"), want_tests),
                                ("row data-file-count", number(row, "data-file-count"), want_files),
                                ("details.test entries", tests[tier], want_tests),
                                ("details.file entries", files[tier], want_files),
                                ("directory chart segments", segments[tier], want_tests),
                                ("share bar segments", shares[tier], want_tests)):
            if got != want:
                fail(problems, f"tier {tier}: {what} {got}, classify says {want}")
    if sum(files.values()) != summary["files"] or sum(tests.values()) != summary["tests"]:
        fail(problems, f"{sum(files.values())} file and {sum(tests.values())} test entries, classify says "
                       f"{summary['files']} and {summary['tests']}")
    bars = dom.find("g", cls="bar", inside="directory-chart")
    if not bars or sum(number(bar, "data-tests") or 0 for bar in bars) != summary["tests"]:
        fail(problems, f"the directory chart's {len(bars)} bars do not add up to {summary['tests']} tests")
    if any("open" in e for e in dom.find("details", cls="file") + dom.find("details", cls="test")):
        fail(problems, "a file or test entry is open: they must be folded")

    startup = dom.find("section", id="startup")
    saved = round(plan["startup_seconds_baseline"] - plan["startup_seconds_planned"])
    if len(startup) != 1 or number(startup[0], "data-saved-seconds") != saved:
        fail(problems, f"#startup data-saved-seconds is not plan's {saved}")
    suspicious = sum(len(file["suspicious"]) for file in classify["files"])
    section = dom.find("section", id="suspicious")
    if len(section) != 1 or number(section[0], "data-count") != suspicious or \
            len(dom.find("tr", cls="suspicious")) != suspicious:
        fail(problems, f"#suspicious does not hold classify's {suspicious} suspicious imports")
    section = dom.find("section", id="diagnostics")
    if len(section) != 1 or number(section[0], "data-count") != len(classify["diagnostics"]):
        fail(problems, f"#diagnostics does not count classify's {len(classify['diagnostics'])} diagnostics")
    for tag in ("script", "link", "img", "iframe"):
        if dom.find(tag):
            fail(problems, f"the DOM holds a <{tag}>")
    return None


# --- 3. the screenshot --------------------------------------------------------------------------

def png_pixels(data):
    """Return (width, height, Counter of (r, g, b)) of an 8-bit RGB or RGBA, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    at, chunks, header = 8, [], None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {color}, interlace {interlace}")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    previous = bytearray(stride)
    colors = Counter()
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = previous[x]
            c = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + b) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        colors.update(zip(line[0::channels], line[1::channels], line[2::channels]))
        previous = line
    return width, height, colors


def tier_colors(page):
    """Return {tier: (r, g, b)} from the page's style (.tN) and legend (class tN, then the name)."""
    styles = {m.group(1): m.group(2) for m in re.finditer(r"\.(t\d+)\{background:#([0-9A-Fa-f]{6})\}", page)}
    legend = re.search(r'<ul class="legend">(.*?)</ul>', page)
    out = {}
    for m in re.finditer(r'<li><i class="sw (t\d+)"></i>([^<]*)</li>', legend.group(1) if legend else ""):
        hex_color = styles.get(m.group(1))
        if hex_color:
            out[m.group(2)] = tuple(int(hex_color[i:i + 2], 16) for i in (0, 2, 4))
    return out


def check_screenshot(png, page, classify, problems):
    """Append a message for a screenshot that is missing, of the wrong size, blank, or lacks a tier."""
    if not png.is_file() or png.stat().st_size < 10_000:
        return fail(problems, f"{png}: no screenshot, or a tiny one")
    try:
        width, height, colors = png_pixels(png.read_bytes())
    except (ValueError, zlib.error, struct.error, TypeError) as problem:
        return fail(problems, f"{png}: {problem}")
    if (width, height) != WINDOW:
        fail(problems, f"{png}: {width}x{height}, expected {WINDOW[0]}x{WINDOW[1]}")
    if len(colors) < 16 or colors.most_common(1)[0][1] > 0.97 * width * height:
        fail(problems, f"{png}: next to blank ({len(colors)} colours)")
    palette = tier_colors(page)
    for tier, count in classify["summary"]["tier_counts"].items():
        if count == 0:
            continue
        if tier not in palette:
            fail(problems, f"no colour for tier {tier} in the page's legend")
            continue
        r, g, b = palette[tier]
        seen = sum(n for (pr, pg, pb), n in colors.items() if abs(pr - r) + abs(pg - g) + abs(pb - b) <= 6)
        if seen < 200:  # the share bar alone draws thousands of its pixels for a tier with a visible share
            fail(problems, f"{png}: tier {tier}'s colour #{r:02X}{g:02X}{b:02X} covers {seen} pixels")
    return None


# --- Chromium -----------------------------------------------------------------------------------

def chromium_binary():
    for name in (os.environ.get("TESTTIER_CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


def chromium(binary, profile, *arguments):
    """Run headless Chromium with the test's flags; return (exit status, stdout, stderr)."""
    command = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *arguments]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        return -1, "", "timed out after 120 s"
    return result.returncode, result.stdout, result.stderr


# --- 4. the checks can fail ---------------------------------------------------------------------

def self_test(page, dom, classify, plan):
    """Return a message per wrong page that the checks let through."""
    missed = []
    for bad in ('<img src="https://example.invalid/x.png">', "<style>@import 'x.css'</style>",
                '<link rel="stylesheet" href="x.css">', "<div style=\"background:url(x.png)\">", "<script>1</script>"):
        if not external_references(page.replace("</body>", bad + "</body>")):
            missed.append(f"an external reference went unseen: {bad}")
    first_tier = next(iter(classify["summary"]["tier_counts"]))
    for what, wrong in (("a file count", dom.replace('data-files="', 'data-files="9', 1)),
                        ("a test entry", dom.replace('<details class="test" data-tier=', '<details data-tier=', 1)),
                        ("a tier row", re.sub(r'(data-tier="' + re.escape(first_tier) + r'" data-file-count="\d+" '
                                              r'data-test-count=")(\d+)', r"\g<1>999", dom, count=1)),
                        ("a share segment", dom.replace('class="segment"', 'class="segmentx"', 1)),
                        ("a chart segment", re.sub(r'(id="directory-chart".*?class="segment)"', r'\1x"', dom,
                                                   count=1, flags=re.S)),
                        ("the start-up", dom.replace('data-saved-seconds="', 'data-saved-seconds="1', 1)),
                        ("an open entry", dom.replace('<details class="file"', '<details open class="file"', 1))):
        problems = []
        check_dom(wrong, classify, plan, problems)
        if not problems:
            missed.append(f"a DOM with {what} changed passed")
    return missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("testtier")
    parser.add_argument("source_dir", type=Path)
    parser.add_argument("work_dir", type=Path)
    parser.add_argument("--save-screenshot", type=Path)
    args = parser.parse_args()
    testtier = str(Path(args.testtier).resolve())
    work = args.work_dir.resolve()
    shutil.rmtree(work, ignore_errors=True)
    corpus = work / "sentry-like"
    shutil.copytree(args.source_dir / "corpus" / "sentry-like", corpus)

    page_file = work / "report.html"
    run([testtier, "report", "-q", "--shards", SHARDS, "--html", page_file], corpus)
    classify = json.loads(run([testtier, "classify", "-q", "--format", "json"], corpus))
    plan = json.loads(run([testtier, "plan", "-q", "--shards", SHARDS, "--format", "json"], corpus))
    page = page_file.read_text(encoding="utf-8")

    problems = [f"external reference: {m}" for m in external_references(page)]
    if problems:
        print("\n".join(problems))
        return 1

    binary = chromium_binary()
    if binary is None:
        print("FAILED: chromium is not installed (scripts/bootstrap installs Debian's `chromium`); "
              "the report was not checked in a browser")
        return 1
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=work))
    status, out, err = chromium(binary, profile, "--dump-dom", "data:text/html,<p id=probe>probe</p>")
    if status != 0 or "probe</p>" not in out:
        print(f"SKIPPED: {binary} is installed but cannot render an empty page (exit {status}); the report was "
              f"checked without a browser only. Chromium said:\n{err[-2000:]}")
        return 77

    url = page_file.as_uri()
    status, dom, err = chromium(binary, profile, "--dump-dom", url)
    if status != 0 or "</html>" not in dom:
        print(f"FAILED: chromium --dump-dom {url}: exit {status}\n{err[-2000:]}")
        return 1
    png = work / "report.png"
    status, _, err = chromium(binary, profile, f"--screenshot={png}", f"--window-size={WINDOW[0]},{WINDOW[1]}", url)
    if status != 0:
        fail(problems, f"chromium --screenshot: exit {status}\n{err[-2000:]}")
    check_dom(dom, classify, plan, problems)
    check_screenshot(png, page, classify, problems)
    problems += self_test(page, dom, classify, plan)
    if problems:
        print("FAILED:\n" + "\n".join(problems))
        return 1
    if args.save_screenshot:
        shutil.copyfile(png, args.save_screenshot)
    summary = classify["summary"]
    print(f"check_report: {summary['files']} files, {summary['tests']} tests and every tier's counts in the DOM; "
          f"screenshot {png} ({png.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
