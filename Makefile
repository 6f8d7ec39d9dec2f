# Two commands do all set-up on a fresh machine:
#   make run    create .venv, install, build the graph from the bundled thesis, serve it
#   make test   create .venv, install (plus Chromium and Java for the browser and OWL tests), run every test

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
BUILD_DIR ?= build
BUILD_INPUTS := pyproject.toml $(shell find corpus mappings ontology shapes src -type f -not -name '*.pyc' 2>/dev/null)

.PHONY: setup system-deps build run test lint bench dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the tests need: Chromium for the real-browser tests, Java for the OWL reasoner.
system-deps:
	@need=""; \
	command -v chromium >/dev/null 2>&1 || need="$$need chromium"; \
	command -v java >/dev/null 2>&1 || need="$$need default-jre-headless"; \
	if [ -n "$$need" ]; then \
	  echo "installing Debian packages:$$need"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$need >/dev/null; \
	fi

$(BUILD_DIR)/report.json: $(STAMP) $(BUILD_INPUTS)
	$(BIN)/redarmy-kg build --out $(BUILD_DIR)

build: $(BUILD_DIR)/report.json

run: build
	$(BIN)/redarmy-kg serve --build-dir $(BUILD_DIR) --host $(HOST) --port $(PORT)

test: $(STAMP) system-deps
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

# Release: wheel and sdist, and the dataset archive dist/redarmy-kg-data-<version>.tar.gz
# (dumps, VoID/DCAT, ontology, shapes, SHACL report, README for data users; reproducible tar).
dist: build
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/redarmy-kg publish --build-dir $(BUILD_DIR) --archive dist

clean:
	rm -rf $(BUILD_DIR) dist .pytest_cache
