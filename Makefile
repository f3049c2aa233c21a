# The front door: `make run` to browse the demo site, `make test` to test it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help system-run system-test system-bench venv install install-dev messages makemessages migrate seed run worker test lint check bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-15s\033[0m %s\n", $$1, $$2}'

# The Debian packages a target needs (site/deploy/system-packages.toml):
# installed when this user can (root or password-less sudo), otherwise listed
# with what each is for. STRICT=--strict makes a missing one an error (CI).
system-run system-test system-bench:
	@$(PYTHON) core/system_packages.py ensure $(@:system-%=%) $(STRICT)

$(BIN)/python:
	@echo "==> Creating the virtual environment $(VENV)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	@echo "==> Installing the Python packages (requirements.lock)"
	@$(BIN)/pip install -q -r requirements.lock
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.lock | $(BIN)/python
	@echo "==> Installing the Python packages and the test tools (requirements-dev.txt)"
	@$(BIN)/pip install -q -r requirements-dev.txt
	@touch $(VENV)/.installed $@

venv: $(BIN)/python ## Create the virtual environment

install: $(VENV)/.installed ## Install the pinned runtime requirements

install-dev: $(VENV)/.installed-dev ## Install the runtime and test requirements

messages: install ## Compile the translations (.po -> .mo)
	@echo "==> Compiling the translations"
	@$(MANAGE) compilemessages -v0 --ignore=.venv

makemessages: install ## Extract UI strings into the kk and ru .po files
	$(MANAGE) makemessages -l kk -l ru --no-obsolete --ignore=.venv --ignore=bench --ignore=tests --ignore=var

migrate: install ## Apply database migrations
	@echo "==> Migrating the database (about 30 s the first time)"
	@$(MANAGE) migrate --no-input -v0

seed: migrate messages ## Create the demo content (safe to run again)
	@echo "==> Seeding the demo site (about 20 s the first time; its documents are made by the worker)"
	@$(MANAGE) seed_demo --password-file var/demo-admin-password

run: system-run seed ## Install, migrate, seed the demo and serve on http://127.0.0.1:8000 (with a task worker; V=1 shows its log)
	@$(MANAGE) run_demo $(HOST):$(PORT) $(if $(V),--show-worker)

worker: migrate ## Run the background task worker alone
	$(MANAGE) db_worker

# --dist load hands the tests out in pytest-django's order, which puts the
# few transaction=True tests (they empty the database when they end) last;
# worksteal could give a worker more tests after one of them.
JOBS ?= auto
test: system-test install-dev messages ## Run the whole test suite, browser tests included (JOBS=1 for one process)
	$(BIN)/python -m pytest -n $(JOBS) --dist load

lint: install-dev ## Lint with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install messages ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(60))") ALLOWED_HOSTS=example.org $(MANAGE) check --deploy --fail-level WARNING

bench: system-bench install-dev messages ## Run the benchmarks: serving, calendar feed, programme documents, braille and audio, standings, certificates, regional statistics (see README)
	$(BIN)/python bench/serve_bench.py
	$(BIN)/python bench/feed_bench.py
	$(BIN)/python bench/documents_bench.py
	$(BIN)/python bench/formats_bench.py
	$(BIN)/python bench/standings_bench.py
	$(BIN)/python bench/certificates_bench.py
	$(BIN)/python bench/reports_bench.py

clean: ## Remove the virtual environment, database and generated files
	rm -rf $(VENV) db.sqlite3 var media
	find . -name '*.mo' -not -path './.venv/*' -delete
