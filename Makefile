# Token by Token — task runner. The two commands a person needs:
#   make serve   set everything up, build the site, serve it at http://127.0.0.1:8000
#   make test    set everything up and run the whole test suite (unit, build, browser)
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test setup build data site bench gallery zensical chromium node clean model posttrain

serve: build
	$(PY) -m site_build.serve --port 8000 site

test: setup node chromium
	$(PY) -m pytest -q

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Generated data, figures, vendored Pyodide, then the site itself.
build: setup node
	$(PY) -m site_build
	$(PY) -m mkdocs build --strict --quiet
	$(PY) -m site_build.offline site

# Debian's Node.js and npm: the build fetches Pyodide with `npm pack` and precompiles its
# standard library with Node; the benchmark runs Lighthouse with them.
node:
	@{ command -v node >/dev/null && command -v npm >/dev/null; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq nodejs npm; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq nodejs npm; fi; }

# Debian's Chromium for the browser tests (Playwright drives it; it cannot download its own).
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# Retrain the lab model from nothing (corpus, tokenizer, weights, manifest): about 10 minutes on
# this 2-core machine (one BLAS thread: as fast here, and the same sums every run). The build
# never retrains; it reads the committed site_build/lab/weights/.
model: setup
	OPENBLAS_NUM_THREADS=1 $(PY) -m site_build.lab.train

# Post-train the lab model (SFT, then RL with a checker, then a flawed reward at three betas) from
# the committed base: a few minutes. Rerun after `make model`: its manifest test fails until then.
posttrain: setup
	OPENBLAS_NUM_THREADS=1 $(PY) -m site_build.lab.posttrain

bench: build node chromium
	$(PY) -m tests.bench

# Screenshots of every widget and every page's first screen, 1280 and 375 px, light and dark, side
# by side in gallery/index.html: for looking at what a reader sees (a few minutes).
gallery: setup node chromium
	$(PY) -m tests.gallery

# Non-blocking: does the site also build with Zensical (mkdocs-material's successor)?
zensical: setup node
	$(PY) -m site_build
	-$(VENV)/bin/zensical build --clean && $(PY) -m site_build.offline site

clean:
	rm -rf site build docs/generated
