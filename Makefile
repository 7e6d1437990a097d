# Two-command quick start: `make demo` and `make test`. Everything runs inside .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export MPLBACKEND := Agg
export PYTHONHASHSEED := 0

.PHONY: demo test bench validity lint docs clean venv

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit("impact needs Python 3.11 or newer, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the package metadata changes.
$(STAMP): $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,docs,lint,parquet]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(BIN)/impact demo

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

bench: $(STAMP)
	$(BIN)/python -m bench.run --out bench/results

# Recovery of planted truth over 200 planted and 200 null generated studies (hours; see docs/methods.md).
validity: $(STAMP)
	$(BIN)/python -m bench.validity --studies 200 --machine --out bench/results

lint: $(STAMP)
	$(BIN)/ruff check impact analysis tests bench

docs: $(STAMP)
	$(BIN)/python -m pdoc --docformat numpy -o docs/api impact impact.study impact.validate impact.errors \
		impact.describe impact.panel impact.coding impact.agreement impact.review \
		impact.qdpx impact.stats impact.official impact.councils impact.privacy impact.report impact.synth impact.pipeline

clean:
	rm -rf out build dist *.egg-info .pytest_cache bench/results docs/api
