/// What `serve` adds to every HTML page it serves, and only there: a script that listens for
/// builds, reloads the page after each one that succeeded, and shows the errors of one that
/// failed over the page. A normal build never contains it.
enum LiveReload {
    static let scriptPath = "/__arsrapport/live.js"
    static let eventsPath = "/__arsrapport/events"

    /// The page with the script before `</body>` (or at the end when there is none).
    static func inject(into html: String) -> String {
        let tag = "<script src=\"\(scriptPath)\" defer></script>"
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tag + "\n")
    }

    /// Builds the overlay with DOM methods and textContent only, so an error message can never
    /// become markup; styled through CSSOM, which the site's Content-Security-Policy allows.
    static let script = #"""
    (() => {
      "use strict";
      let shown = null;  // "server build" of the build this page shows
      const overlayId = "arsrapport-fel";

      function hideOverlay() {
        const old = document.getElementById(overlayId);
        if (old) old.remove();
      }

      function showOverlay(errors) {
        hideOverlay();
        const box = document.createElement("section");
        box.id = overlayId;
        box.setAttribute("role", "alert");
        box.setAttribute("aria-labelledby", overlayId + "-rubrik");
        Object.assign(box.style, {
          position: "fixed", inset: "0", zIndex: "2147483647", overflow: "auto",
          background: "rgba(20, 20, 20, 0.94)", color: "#fff", padding: "1.5rem",
          font: "1rem/1.5 system-ui, sans-serif"
        });
        const heading = document.createElement("h2");
        heading.id = overlayId + "-rubrik";
        heading.textContent = "Bygget misslyckades: " + errors.length + " fel";
        Object.assign(heading.style, { margin: "0 0 0.5rem", fontSize: "1.4rem", color: "#ffb4a8" });
        const help = document.createElement("p");
        help.textContent = "Rätta filen och spara; sidan laddas om av sig själv. Sidan nedanför är det senaste lyckade bygget.";
        const list = document.createElement("ol");
        Object.assign(list.style, { paddingLeft: "1.5rem" });
        for (const error of errors) {
          const item = document.createElement("li");
          const code = document.createElement("code");
          code.textContent = error;
          Object.assign(code.style, { whiteSpace: "pre-wrap", wordBreak: "break-word", font: "0.95rem/1.5 ui-monospace, monospace" });
          item.append(code);
          item.style.marginBottom = "0.5rem";
          list.append(item);
        }
        const close = document.createElement("button");
        close.type = "button";
        close.textContent = "Dölj";
        close.addEventListener("click", hideOverlay);
        Object.assign(close.style, { font: "inherit", padding: "0.25rem 1rem", marginTop: "0.5rem" });
        box.append(heading, help, list, close);
        document.body.append(box);
      }

      // Files as the server names them: "huddinge-2020/ekonomi/index.html", "assets/style.css".
      function file(pathname) {
        const path = decodeURIComponent(pathname).replace(/^\/+/, "");
        return path === "" || path.endsWith("/") ? path + "index.html" : path;
      }
      // This page and everything it loaded (stylesheet, scripts, the search index).
      function shows(changed) {
        if (changed === null || changed.includes(file(location.pathname))) return true;
        return performance.getEntriesByType("resource").some((entry) => {
          const url = new URL(entry.name);
          return url.origin === location.origin && changed.includes(file(url.pathname));
        });
      }

      const events = new EventSource("/__arsrapport/events");
      events.addEventListener("status", (event) => {
        const status = JSON.parse(event.data);
        const build = status.server + " " + status.generation;
        const restarted = shown !== null && !shown.startsWith(status.server + " ");
        const touched = shows(status.changed);
        const changed = shown !== null && build !== shown && (touched || restarted);
        shown = build;
        document.documentElement.dataset.arsrapportLive = build;  // tests wait for it
        if (status.errors.length > 0) {
          showOverlay(status.errors);
        } else if (changed) {
          location.reload();
        } else {
          hideOverlay();
        }
      });
    })();
    """#
}
