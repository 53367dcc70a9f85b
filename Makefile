# The README's two commands: `make run` and `make test`. Both create .venv and install
# what they need, so they work on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run test install install-dev lint bench ingest clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q -e .
	touch $@

# torch first and pinned: this version's CPU build is what the machines here install;
# an unpinned torch would pull a multi-GB CUDA build through sentence-transformers.
$(VENV)/.installed-dev: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(PY) app.py

test: install-dev
	$(PY) -m pytest -q

ingest: install
	$(PY) -m assistant ingest samples

lint: install-dev
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

bench: install-dev
	cd bench && ../$(PY) quality.py && ../$(PY) speed.py

clean:
	rm -rf $(VENV) data .pytest_cache
