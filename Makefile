# Two commands do everything on a fresh Debian (or macOS) machine with Swift installed:
#   make site   installs libcmark if missing, builds arsrapport and writes public/
#   make test   the same set-up, then every test
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/arsrapport

.PHONY: site test deps build check clean

site: deps
	$(SWIFT) build -c release --product arsrapport
	$(BIN) build
	@echo "The site is in public/. Open public/index.html in a web browser."

check: deps
	$(SWIFT) build -c release --product arsrapport
	$(BIN) check

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

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

clean:
	rm -rf .build public
