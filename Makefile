# Kurultai: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 3
PEER ?=
BENCH_SECONDS ?= 20
BENCH_SCALE ?= 1
PG_URL ?= postgres://postgres@127.0.0.1:5432/kurultai

.PHONY: run test lint messages clean install bench

$(BIN)/kurultai: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/kurultai

run: install
	$(BIN)/kurultai migrate --no-input
	$(BIN)/kurultai load_demo --if-empty
	$(BIN)/kurultai collectstatic --no-input --verbosity 0
	PORT=$(PORT) WORKERS=$(WORKERS) scripts/serve.sh

lint: install
	$(BIN)/ruff check .

test: install lint
	@scripts/test-all.sh

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	@command -v wrk >/dev/null || { echo "wrk is missing: scripts/system-deps.sh installs it (Debian package wrk)"; exit 1; }
	PEER=$(PEER) BENCH_SECONDS=$(BENCH_SECONDS) BENCH_SCALE=$(BENCH_SCALE) $(BIN)/python bench/run.py

messages: install
	cd src/kurultai && ../../$(BIN)/kurultai makemessages --all --no-obsolete --no-location --ignore 'static/*' && ../../$(BIN)/kurultai compilemessages

clean:
	rm -rf $(VENV) var
