# The two commands a newcomer needs are `make serve` and `make test`; each sets
# up what it uses. Everything runs from a project-local virtual environment.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build; this silences only that.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-fast tools bench linkcheck-external zensical-check clean

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --livereload

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict --clean --site-dir site

test: $(VENV)/.dev node_modules/.installed
	$(BIN)/python -m pytest tests -n 2 --dist loadscope

# For authors: everything but Chromium and the slow whole-site checks, in under a minute.
test-fast: $(VENV)/.dev node_modules/.installed
	$(BIN)/python -m pytest tests -m "not browser and not slow"

# Chromium, Node.js and Java; on Debian/Ubuntu as root this installs what is missing.
tools:
	@sh tests/tools/ensure-tools.sh

node_modules/.installed: package.json package-lock.json | tools
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install -y python3-venv" >&2; exit 1; }

$(VENV)/.site: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --requirement requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python tools
	$(BIN)/python -m pip install --quiet --requirement requirements-dev.txt
	touch $@ $(VENV)/.site

# Figures, not a test: build time, page weight and Lighthouse scores per page.
bench: $(VENV)/.dev node_modules/.installed
	$(BIN)/python tests/bench.py

# Links to other hosts, over the network (not part of `make test`, which is offline).
linkcheck-external: $(VENV)/.dev
	$(BIN)/mkdocs build --strict --clean --site-dir site
	$(BIN)/python -m linkcheck --config tests/linkcheckerrc-external --no-status site/index.html

# Builds the same mkdocs.yml with Zensical and reports what differs (see README).
zensical-check: $(VENV)/.site .venv-zensical/.installed
	$(BIN)/python tests/tools/zensical_check.py

.venv-zensical/.installed: requirements-zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --requirement requirements-zensical.txt
	touch $@

clean:
	rm -rf site .cache .pytest_cache test-output
