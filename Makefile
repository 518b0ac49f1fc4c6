# Two commands set Serambi up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Settings read these too, so links in e-mails and the seed name the port served.
export HOST PORT

.PHONY: install migrate seed run test lint format messages benchmark benchmark-search benchmark-archive clean vnu

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	$(PY) manage.py serve_dev --host $(HOST) --port $(PORT)

# The Nu HTML Checker for the public crawl (tests/website/test_public_crawl.py), from
# npm's vnu-jar (the jar ships in the package; Java runs it). Without npm the crawl's
# HTML check skips and says why.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR): | $(PY)
	@if command -v npm >/dev/null 2>&1; then \
		npm install --prefix $(VENV)/vnu --no-save --no-audit --no-fund --ignore-scripts \
			vnu-jar@$(VNU_VERSION) >/dev/null \
			|| echo "vnu-jar could not be installed: the Nu HTML Checker will be skipped"; \
	else \
		echo "npm is absent: the Nu HTML Checker will be skipped"; \
	fi

vnu: $(VNU_JAR)

# In parallel on up to four cores (pytest-xdist); `.venv/bin/python -m pytest path`
# runs a part of it in one process, for reading a failure.
test: install vnu
	$(PY) -m pytest --numprocesses auto --maxprocesses 4

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the English catalogue after changing user-facing strings.
# "*/locale" keeps app strings (website/…) in the root catalogue rather than website/locale.
messages: install
	$(PY) manage.py makemessages --locale en --ignore ".venv/*" --ignore "tests/*" \
		--ignore "docs/*" --ignore "staticfiles/*" --ignore "*/locale"
	$(PY) manage.py compilemessages --locale en --ignore ".venv/*"

benchmark: install
	$(PY) docs/benchmarks/listing.py

# Search at 50, 5,000 and 50,000 articles on SQLite and PostgreSQL (docs/search.md).
# PostgreSQL at SEARCH_BENCH_POSTGRES (default postgres://postgres@127.0.0.1:5432);
# SEARCH_BENCH_ARGS="--databases sqlite --sizes 50,5000" for a shorter run.
benchmark-search: install
	$(PY) docs/benchmarks/search_scale.py $(SEARCH_BENCH_ARGS)

# Served CPU per request at 50, 5,000 and 50,000 articles, beside bakerydemo
# (docs/performance.md, "Archive sizes, served"). BAKERYDEMO: its checkout, set up as
# that file says; ARCHIVE_BENCH_ARGS="--sizes 50,5000 --reuse" for a shorter run.
BAKERYDEMO ?= ../bakerydemo-src
benchmark-archive: install
	$(PY) docs/benchmarks/archive.py --bakerydemo $(BAKERYDEMO) $(ARCHIVE_BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
