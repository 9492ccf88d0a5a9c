#!/usr/bin/env python3
"""`arsrapport serve` end to end, as a communicator uses it.

Copies the real content and templates to a temporary folder, starts `serve --port 0` there and:
  1. fetches a page: served, with the live-reload script (which `build` never writes);
  2. listens to the server-sent events while a figure is edited: a status event for the new
     build arrives and the page shows the new value;
  3. makes a mistake: an event carries the error as path:line:col, the last good page is still
     served; fixes it: an event without errors, and the fixed value is served;
  4. in Chromium (when --browser): the page reloads by itself after an edit, a mistake shows
     the overlay with path:line:col, and fixing it clears it;
  5. Ctrl-C (SIGINT): the server exits with status 0 within five seconds.
Prints one line per check and exits 1 if any failed.
"""
import argparse
import http.client
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SECTION = "content/huddinge-2020/ekonomi.md"
PAGE = "/huddinge-2020/ekonomi/"
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'PASS' if ok else 'FAIL'} {name}{'' if ok or not detail else ': ' + detail}", flush=True)


class Server:
    def __init__(self, binary, root):
        self.process = subprocess.Popen([str(binary), "serve", "--port", "0"], cwd=root,
                                        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.url = None
        deadline = time.time() + 120
        while time.time() < deadline:
            line = self.next_line(deadline - time.time())
            if line is None:
                break
            match = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
            if match:
                self.url = match.group(1)
                break
        if self.url is None:
            raise SystemExit("serve did not start: " + self.process.stderr.read() if self.process.poll() else "timed out")

    def _read(self):
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def next_line(self, timeout):
        try:
            return self.lines.get(timeout=max(timeout, 0.01))
        except queue.Empty:
            return None

    def get(self, path):
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")


class Events:
    """The server-sent event stream, read on a thread; status events land in a queue."""

    def __init__(self, url):
        host, port = url.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=120)
        self.connection.request("GET", "/__arsrapport/events")
        self.response = self.connection.getresponse()
        self.statuses = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        event, data = None, []
        try:
            while True:
                line = self.response.readline()
                if not line:
                    return
                line = line.decode("utf-8").rstrip("\r\n")
                if line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].strip())
                elif line == "":
                    if event == "status" and data:
                        self.statuses.put(json.loads("\n".join(data)))
                    event, data = None, []
        except (OSError, ValueError):
            return

    def next(self, timeout=60):
        try:
            return self.statuses.get(timeout=timeout)
        except queue.Empty:
            return None

    def final(self, first):
        """The event of the full build that follows `first` (itself, unless it was a preview)."""
        status = first
        while status is not None and status.get("preview"):
            status = self.next()
        return status


def edit(root, path, old, new):
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return time.perf_counter()


def http_checks(server, root):
    status, html = server.get(PAGE)
    check("a page is served", status == 200 and "243,0" in html, f"status {status}")
    check("served pages carry the live-reload script", '<script src="/__arsrapport/live.js"' in html)
    status, script = server.get("/__arsrapport/live.js")
    check("the live-reload script is served", status == 200 and "EventSource" in script)
    status, _ = server.get("/huddinge-2020/ekonomi")
    check("a folder without its slash redirects (urllib follows it)", status == 200)
    status, html = server.get("/finns-inte/")
    check("a missing page is the site's 404 page", status == 404 and "Sidan finns inte" in html)

    events = Events(server.url)
    first = events.next()
    check("the event stream starts with the current build", first is not None and first["errors"] == [])
    # Income, not the net cost: a net cost changed alone no longer agrees with the stated deviation.
    saved = edit(root, SECTION, "value: 40.9", "value: 41.5")
    status_event = events.next()
    elapsed = time.perf_counter() - saved
    check("an edit sends a status event for the new build",
          status_event is not None and status_event["generation"] > first["generation"] and status_event["errors"] == [])
    check("the event names the edited page among the changed ones",
          status_event is not None and PAGE.strip("/") + "/index.html" in (status_event["changed"] or []),
          f"changed: {status_event and status_event['changed']}")
    status, html = server.get(PAGE)
    check(f"the edited figure is served ({elapsed * 1000:.0f} ms from save to event)", "41,5" in html)
    full = events.final(status_event)
    check("the comparison pages follow: the metric page is rebuilt too",
          full is not None and "jamfor/verksamhetens-intakter/index.html" in (full["changed"] or [])
          and "41,5" in server.get("/jamfor/verksamhetens-intakter/")[1],
          f"changed: {full and full['changed']}")

    check("a page the edit does not reach is not reloaded", full is not None and "solna-2023/index.html" not in full["changed"])
    stylesheet = root / "templates/assets/style.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    styled = events.final(events.next())
    check("an edited stylesheet is announced, so every page reloads",
          styled is not None and "assets/style.css" in (styled["changed"] or []) and "/* edited */" in server.get("/assets/style.css")[1],
          f"changed: {styled and styled['changed'][:5]}")

    edit(root, SECTION, "unit: mnkr", "unit: mnkk")
    broken = events.final(events.next())
    errors = broken["errors"] if broken else []
    check("a mistake sends its error with path:line:col",
          any(re.match(r"content/huddinge-2020/ekonomi\.md:\d+:\d+: error: unit \"mnkk\"", e) for e in errors),
          f"errors: {errors[:2]}")
    status, html = server.get(PAGE)
    check("the last good build is still served", status == 200 and "41,5" in html)
    edit(root, SECTION, "unit: mnkk", "unit: mnkr")
    fixed = events.final(events.next())
    check("fixing it sends a status event without errors", fixed is not None and fixed["errors"] == [])
    return server


def browser_checks(server, root):
    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from check_site import start_browser
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = start_browser()
    try:
        driver.get(server.url + PAGE)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.documentElement.dataset.arsrapportLive"))
        driver.execute_script("window.__before_reload = true")
        saved = edit(root, SECTION, "value: 41.5", "value: 41.7")
        WebDriverWait(driver, 30, poll_frequency=0.02).until(
            lambda d: d.execute_script("return window.__before_reload === undefined && document.readyState === 'complete'"))
        elapsed = time.perf_counter() - saved
        body = driver.find_element(By.TAG_NAME, "main").text
        check(f"the browser reloads by itself and shows the edit ({elapsed * 1000:.0f} ms from save)", "41,7" in body)

        edit(root, SECTION, "unit: mnkr", "unit: mnkk")
        overlay = WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "arsrapport-fel"))
        text = overlay[0].text if overlay else ""
        check("a mistake shows an overlay with path:line:col",
              re.search(r"content/huddinge-2020/ekonomi\.md:\d+:\d+: error: unit \"mnkk\"", text) is not None, text[:200])
        check("the overlay is announced (role=alert)", bool(overlay) and overlay[0].get_attribute("role") == "alert")
        artifacts = REPO / "artifacts"
        artifacts.mkdir(exist_ok=True)
        driver.save_screenshot(str(artifacts / "serve-error-overlay.png"))
        edit(root, SECTION, "unit: mnkk", "unit: mnkr")
        WebDriverWait(driver, 30).until(lambda d: not d.find_elements(By.ID, "arsrapport-fel"))
        check("fixing the file clears the overlay", True)
        driver.save_screenshot(str(artifacts / "serve-after-fix.png"))
    finally:
        driver.quit()


def build_has_no_script(binary, root):
    out = root / "public"
    subprocess.run([str(binary), "build", "--output", str(out)], cwd=root, check=True, capture_output=True)
    leaked = [p for p in out.rglob("*.html") if "__arsrapport" in p.read_text(encoding="utf-8")]
    check("a normal build contains no live-reload script", not leaked, f"{len(leaked)} pages")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=REPO / ".build/debug/arsrapport", type=Path)
    parser.add_argument("--browser", action="store_true", help="also check live reload and the overlay in Chromium")
    args = parser.parse_args()
    binary = args.binary.resolve()

    root = Path(tempfile.mkdtemp(prefix="arsrapport-serve-"))
    try:
        shutil.copytree(REPO / "content", root / "content")
        shutil.copytree(REPO / "templates", root / "templates")
        server = Server(binary, root)
        try:
            port = server.url.rsplit(":", 1)[1]
            second = subprocess.run([str(binary), "serve", "--port", port], cwd=root, capture_output=True, text=True, timeout=60)
            check("a port in use is an error that says so", second.returncode == 1
                  and f"cannot listen on 127.0.0.1:{port}: address already in use" in second.stderr, second.stderr[-200:])
            http_checks(server, root)
            if args.browser:
                browser_checks(server, root)
        finally:
            server.process.send_signal(signal.SIGINT)
            try:
                code = server.process.wait(timeout=5)
                check("Ctrl-C stops the server cleanly (exit status 0)", code == 0, f"exit status {code}")
            except subprocess.TimeoutExpired:
                server.process.kill()
                check("Ctrl-C stops the server cleanly", False, "still running after 5 s")
        build_has_no_script(binary, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    failed = results.count(False)
    print(f"serve: {len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
