# The two commands: `make run` and `make test`. Both build the virtualenv they need.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/rapport migrate
	$(BIN)/rapport run

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The fast tier (tests/README.md): SQLite only, no real processes.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not postgres"

# Lint: ruff, the format check, mypy strict and the import contracts (pyproject's [tool.importlinter]).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python bench/note_latency.py

clean:
	rm -rf $(VENV) rapport.db rapport.db-wal rapport.db-shm
