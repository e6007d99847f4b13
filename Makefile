# Jangbogi: `make run` sets up and starts the assistant, `make test` sets up and runs all tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SYSTEM_PACKAGES := espeak-ng libportaudio2
# Only the tests need these: the web page's browser tests run in Debian's Chromium, and its
# screenshots need a font with Hangul.
TEST_SYSTEM_PACKAGES := chromium fonts-noto-cjk
PACKAGES ?= $(SYSTEM_PACKAGES)

.PHONY: run web test lint contracts screenshots bench bench-web bench-reorder setup system-deps test-system-deps clean

setup: system-deps $(STAMP)

# System libraries: installed with apt-get when running as root, otherwise
# we stop and print the exact command to run.
system-deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  echo "note: not a Debian/Ubuntu system; make sure these are installed: $(PACKAGES)"; \
	  exit 0; \
	fi; \
	missing=""; \
	for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Jangbogi needs these system packages:$$missing"; \
	    echo "Run:  sudo apt-get install -y$$missing"; \
	    echo "then run make again."; \
	    exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Jangbogi needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

run: setup
	$(BIN)/jangbogi demo init
	$(BIN)/jangbogi start

# The household's web page on http://127.0.0.1:8080 (set a member's password first:
# .venv/bin/jangbogi member password demo).
web: setup
	$(BIN)/jangbogi demo init
	$(BIN)/jangbogi web

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(MAKE) --no-print-directory contracts

# The rooms' import rules ([tool.importlinter] in pyproject.toml: layers, no cycles between
# siblings) and no import cycle between modules; both run, and either fails the target.
# `make lint` runs it.
contracts: $(STAMP)
	@status=0; \
	$(BIN)/lint-imports --no-cache --no-logo || status=1; \
	$(BIN)/python script/import_cycles.py || status=1; \
	exit $$status

test-system-deps:
	@$(MAKE) --no-print-directory system-deps PACKAGES="$(TEST_SYSTEM_PACKAGES)"

test: setup test-system-deps lint
	$(BIN)/python -m pytest

# The web page's screenshots in docs/screenshots/ (README), taken by the browser test.
screenshots: setup test-system-deps
	JANGBOGI_REQUIRE_BROWSER=1 JANGBOGI_SCREENSHOTS=docs/screenshots \
	  $(BIN)/python -m pytest -q tests/test_web_browser.py -k test_screenshots_of_the_main_pages

# Benchmarks (figures go to docs/benchmarks.md); reads ../shared/data when present.
bench: setup
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	$(BIN)/python bench/match_bench.py
	$(BIN)/python bench/nlu_eval.py

# Recurring orders at scale (docs/benchmarks.md): 100,000 due at once with 1 and 3 daemons
# on PostgreSQL (JANGBOGI_PG_URL, an admin URL; fresh databases are created and dropped)
# and 1 on SQLite, and idle daemon memory. BENCH_ARGS="--subscriptions 10000" for less.
bench-reorder: setup
	$(BIN)/python bench/reorder_bench.py $(BENCH_ARGS)

# The web page under 20 signed-in clients (docs/benchmarks.md): 1,000 orders, 20 s.
bench-web: setup
	$(BIN)/python bench/web_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
