# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   install, then check the bundled example article offline
#   make test   install with test extras, then run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/verifier check examples/shipyard-orders.txt

test: $(VENV)/.installed
	$(BIN)/python -m pytest

eval: $(VENV)/.installed
	$(BIN)/verifier eval --compare evals/baseline.json

clean:
	rm -rf $(VENV) build *.egg-info
