# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make demo   install from the lock file, then check the bundled example article offline
#   make test   install from the lock file (test extras included), then run the whole test suite
#               (pytest-xdist: one worker per core, at most 4)
# Others:
#   make lock         regenerate requirements-lock.txt from pyproject.toml (pip-tools, with hashes)
#   make test-latest  a separate venv with the newest versions pyproject.toml allows, then the tests:
#                     run it to see the next upstream break before users do
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN     = $(VENV)/bin
LOCK    = requirements-lock.txt
EXTRAS  = test dask pdf
comma  := ,
space  := $(subst ,, )

.PHONY: demo test eval lock test-latest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Every third-party package comes from the lock, checked against its hashes;
# the project itself is installed on top without touching them.
$(VENV)/.installed: pyproject.toml $(LOCK) | $(BIN)/python
	$(BIN)/pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/pip install -q --no-deps --no-build-isolation -e .
	$(BIN)/pip check
	touch $@

demo: $(VENV)/.installed
	$(BIN)/verifier check examples/shipyard-orders.txt

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n auto --maxprocesses 4

eval: $(VENV)/.installed
	$(BIN)/verifier eval --compare evals/baseline.json

lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install -q pip-tools
	.venv-lock/bin/pip-compile -q $(addprefix --extra ,$(EXTRAS)) --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o $(LOCK) pyproject.toml

test-latest:
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/pip install -q --upgrade --upgrade-strategy eager -e '.[$(subst $(space),$(comma),$(EXTRAS))]'
	.venv-latest/bin/pip list --format=freeze > .venv-latest/versions.txt
	.venv-latest/bin/python -m pytest -n auto --maxprocesses 4

clean:
	rm -rf $(VENV) .venv-lock .venv-latest build *.egg-info
