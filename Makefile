# folio: `make` installs what is missing and builds every edition into out/; `make test` runs all CI checks.
SHELL := /bin/bash
NODE_BIN := node_modules/.bin
SOURCES := $(shell find pipeline -name '*.ts' 2>/dev/null)
FOLIO := node bin/folio.js

.PHONY: all build check test clean distclean typecheck bench

all: build

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

dist/.built: node_modules/.installed tsconfig.json $(SOURCES)
	rm -rf dist
	$(NODE_BIN)/tsc -p tsconfig.json
	npm run --silent bundle
	@touch $@

build: dist/.built
	$(FOLIO) build --source source --out out

check: dist/.built
	$(FOLIO) check --source source

typecheck: node_modules/.installed
	$(NODE_BIN)/tsc -p tsconfig.test.json

test: dist/.built
	$(NODE_BIN)/tsc -p tsconfig.test.json
	$(FOLIO) check --source source
	$(NODE_BIN)/vitest run

clean:
	rm -rf out dist

distclean: clean
	rm -rf node_modules

.PHONY: bench fuzz screenshots typography latency
# Pictures of the HTML editions at phone and desktop widths (needs Chromium: apt-get install chromium).
screenshots: build
	node dist/pipeline/tools/screenshots.js out

# A longer run of the property tests (random documents through every writer).
fuzz: dist/.built
	FUZZ_RUNS=$${FUZZ_RUNS:-400} $(NODE_BIN)/vitest run test/fuzz.test.ts test/layout-engine.test.ts test/reliability-fuzz.test.ts

# Times folio against Pandoc (installed separately: apt-get install pandoc texlive-xetex texlive-latex-recommended texlive-fonts-recommended lmodern: Pandoc's template needs lmodern and the recommended fonts).
# Then how check and build grow with notes, paragraph length and nesting (1x, 3x, 10x: at most linearly).
# Then the typography report of the built editions.
bench: dist/.built
	npm run --silent bench
	node dist/pipeline/bench/scaling.js .
	$(MAKE) --no-print-directory typography

# Hyphenation, word spaces, splits and note fragments of each language's PDF and DOCX (LibreOffice),
# beside XeLaTeX and Typst on the same text when installed (needs python3-fitz); figures in out/typography.json.
typography: build
	node dist/pipeline/bench/typography.js --root .

# How long an edit takes to show in the browser with `build --watch`, on a copy of the real report
# (needs Chromium: apt-get install chromium). LATENCY_ARGS passes --edits N, --pause MS, --chapter.
latency: dist/.built
	node dist/pipeline/tools/watch-latency.js . $(LATENCY_ARGS)
