# Two commands set everything up on a fresh machine (Python 3.11 and make):
#   make demo   - virtual environment in .venv, the project installed, the nightly flow on the sample site
#   make test   - the same set-up, then the whole test suite (slow end-to-end tests included)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/accord run

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

eval: $(STAMP)
	$(BIN)/accord eval

clean:
	rm -rf $(VENV) data
