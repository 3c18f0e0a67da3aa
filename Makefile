# The learning network platform. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# A Python >= 3.12: the pyenv shim honours .python-version; else try versioned names.
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; \
	then command -v $$p; break; fi; done)

$(BIN)/python:
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is needed (none found on PATH)." >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

.PHONY: install
install: $(VENV)/.runtime ## Create .venv and install the runtime dependencies

.PHONY: install-dev
install-dev: $(VENV)/.dev ## Create .venv and install the runtime, development and test dependencies

.PHONY: run
run: $(VENV)/.runtime ## Install, migrate, load demo content, serve on http://127.0.0.1:8000 with SQLite (PORT=8000)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The Nu Html Checker for the site sweep, from npm (needs Java to run). Without npm the
# sweep is skipped with its reason printed; .ci/run installs both and requires them.
VNU_JAR := node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@ \
		|| echo "npm ci failed: the site sweep will be skipped."; \
	else echo "No npm: vnu.jar not installed, so the site sweep will be skipped."; fi

.PHONY: test
test: $(VENV)/.dev $(VNU_JAR) ## Run the whole test suite (browser tests need /usr/bin/chromium)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

.PHONY: lint
lint: $(VENV)/.dev ## ruff check, ruff format --check, template indentation check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

.PHONY: format
format: $(VENV)/.dev ## Format Python and templates in place
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

.PHONY: worker
worker: $(VENV)/.runtime ## Run the background task worker (needed with TASK_BACKEND=database)
	$(BIN)/python manage.py db_worker --no-reload

.PHONY: bench
bench: $(VENV)/.dev ## Benchmark pages against a hello-world view, then search at 100,000 replies (PostgreSQL)
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect 15 main start
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='lnp_bench'" | grep -q 1 \
		|| createdb -h 127.0.0.1 -U postgres lnp_bench
	@# Both parts run even when the first misses a target; make fails if either does.
	status=0; \
	$(BIN)/python -m bench.run $(BENCH_ARGS) || status=1; \
	$(BIN)/python -m bench.search $(SEARCH_BENCH_ARGS) || status=1; \
	exit $$status
