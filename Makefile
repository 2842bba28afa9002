# The two commands a newcomer needs are `make serve` and `make test`; each sets
# up what it uses. Everything runs from a project-local virtual environment.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build; this silences only that.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test browser bench clean

serve: $(VENV)/.site
	$(BIN)/mkdocs serve --livereload

build: $(VENV)/.site
	$(BIN)/mkdocs build --strict --clean --site-dir site

test: $(VENV)/.dev browser
	$(BIN)/python -m pytest

# Browser tests need a Chromium; on Debian/Ubuntu as root this installs it.
browser:
	@sh tests/tools/ensure-browser.sh

$(VENV)/bin/python:
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "Could not create $(VENV). On Debian/Ubuntu: sudo apt-get install -y python3-venv" >&2; exit 1; }

$(VENV)/.site: requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --requirement requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --requirement requirements-dev.txt
	touch $@ $(VENV)/.site

clean:
	rm -rf site .cache .pytest_cache
