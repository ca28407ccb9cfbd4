# timeline — see README.md. `make run` renders the embedded dataset into out/;
# `make test` installs what the tests need and runs every test.

GO        ?= go
BIN       := bin/timeline
OUT       := out
BUNDLE    := render/htmlout/assets/echarts.min.js
FUZZTIME  ?= 30s
VERSIONS  := render/htmlout/assets/VERSIONS
# The version and commit every binary built here reports (timeline version)
# and writes into its outputs' provenance.
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null)
COMMIT    := $(shell git rev-parse HEAD 2>/dev/null)
COMMITTED := $(shell git log -1 --format=%cI 2>/dev/null)
LDFLAGS   := -X main.ldVersion=$(VERSION) -X main.ldCommit=$(COMMIT) -X main.ldCommitTime=$(COMMITTED)
PREFIX    ?=
DIST      ?= dist
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps system-deps node-deps assets build install dist dist-check run test test-short bench bench-page fmt vet fuzz examples clean

all: build

# Debian packages the tests need: Chromium for the browser tests, poppler for
# reading PDFs back, and the fonts the PDF tests give with --font (CJK,
# Korean, symbols, and a 22 MB CJK font for the benchmark). Installed only when
# missing.
TEST_FONTS := /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf \
	/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf \
	/usr/share/fonts/truetype/hanazono/HanaMinA.ttf \
	/usr/share/fonts/truetype/nanum/NanumGothic.ttf
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null || ! ls $(TEST_FONTS) >/dev/null 2>&1; then \
		echo "installing chromium, poppler-utils and fonts with apt-get"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium poppler-utils \
			fonts-droid-fallback fonts-symbola fonts-hanazono fonts-nanum >/dev/null; \
	fi

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

node-deps: node_modules/.package-lock.json

# The ECharts bundle, built from the pinned npm packages and embedded by
# render/htmlout. Never committed.
$(BUNDLE) $(VERSIONS) &: node_modules/.package-lock.json render/htmlout/build-assets.sh render/htmlout/echarts.entry.js
	bash render/htmlout/build-assets.sh

assets: $(BUNDLE) $(VERSIONS)

deps: system-deps assets
	$(GO) mod download

# bin/timeline, complete with the ECharts bundle. (A plain `go build
# ./cmd/timeline` at the root cannot name its output timeline: that is the
# timeline/ directory of the model package. Use `make build`, or
# `go build -o bin/timeline ./cmd/timeline` after `make assets`.)
build: assets
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/timeline

# A complete timeline in $(go env GOBIN) (else $(go env GOPATH)/bin), or in
# $(PREFIX)/bin when PREFIX is given: make install PREFIX=/usr/local
install: assets
	@if [ -n "$(PREFIX)" ]; then \
		mkdir -p "$(DESTDIR)$(PREFIX)/bin" && \
		$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o "$(DESTDIR)$(PREFIX)/bin/timeline" ./cmd/timeline && \
		echo "installed $(DESTDIR)$(PREFIX)/bin/timeline"; \
	else \
		$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/timeline && \
		dir="$$($(GO) env GOBIN)"; [ -n "$$dir" ] || dir="$$($(GO) env GOPATH)/bin"; \
		echo "installed $$dir/timeline"; \
	fi

# Release archives for linux, darwin and windows on amd64 and arm64, with
# SHA256SUMS, into $(DIST)/. Reproducible: the same commit gives the same
# bytes (see internal/dist).
dist: assets
	rm -rf $(DIST)
	$(GO) run ./internal/dist -out $(DIST) -version '$(VERSION)'

# Builds the archives twice and requires the same checksums.
dist-check: assets
	rm -rf $(DIST) $(DIST).again
	$(GO) run ./internal/dist -out $(DIST) -version '$(VERSION)'
	$(GO) run ./internal/dist -out $(DIST).again -version '$(VERSION)'
	cmp $(DIST)/SHA256SUMS $(DIST).again/SHA256SUMS
	rm -rf $(DIST).again
	@echo "dist-check: two builds gave the same archives:"; cat $(DIST)/SHA256SUMS

# The main job: the embedded dataset rendered to every output.
run: build
	@mkdir -p $(OUT)
	$(BIN) validate
	$(BIN) html -o $(OUT)/mek.html
	$(BIN) pdf -o $(OUT)/mek.pdf
	$(BIN) list -o $(OUT)/mek.txt
	$(BIN) export --format json -o $(OUT)/mek.json
	$(BIN) export --format csv -o $(OUT)/mek.csv
	@echo "wrote $(OUT)/mek.html, $(OUT)/mek.pdf, $(OUT)/mek.txt, $(OUT)/mek.json, $(OUT)/mek.csv"

test: deps
	@unformatted="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))"; \
		if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	@echo "go test ./... (each package as it starts and ends; failures in full)"
	@CI=$${CI:-} bash -o pipefail -c '$(GO) test -count=1 -timeout=14m -json ./... | $(GO) run ./internal/testprogress'

# Everything but the browser and poppler tests, in well under a minute.
test-short: assets
	$(GO) test -count=1 -short ./...

# Benchmarks: the page at scale (bench-page), then loading 1,000 to
# 100,000 events beside a plain encoding/json decode of the same bytes
# (BenchmarkLoad/plain, the baseline), refusing an over-size input, the
# other renderers at 100 to 100,000 events, the PDF's
# Chromium-print comparison, and the whole timeline pdf command
# (BenchmarkPDF) at 10,000 and 100,000 events. Figures depend on the machine: read them as
# ratios within one run.
bench: bench-page
	$(GO) test -run='^$$' -bench=. -benchmem -benchtime=3x -timeout=3h $$($(GO) list ./timeline/... ./render/... | grep -v '/render/htmlout$$')
	$(GO) test -run='^$$' -bench='^BenchmarkPDF$$' -benchtime=3x -timeout=1h ./cmd/timeline

# The page at scale (issue 9), every figure of the README's table in one
# run: `timeline html` CPU (BenchmarkHTML), page bytes (BenchmarkWrite),
# ready time, style recalculation and layout beside bare ECharts and
# vis-timeline at 100, 1,000 and 10,000 events (BenchmarkBrowserReady),
# the main thread's CPU time beside bare ECharts' (BenchmarkBrowserCPU),
# and the 100,000-event page (BenchmarkBrowserHuge), with the date, the
# machine and its load before and after, into $(BENCH_PAGE_OUT); then
# that table, from internal/benchtable.
BENCH_PAGE_OUT    ?= bench-page.txt
BENCH_PAGE_ROUNDS ?= 3
bench-page: deps
	@bash -o pipefail -c '{ \
		echo "# $$(date -u "+%Y-%m-%d %H:%M UTC"); $$(nproc) cores ($$(grep -m1 "model name" /proc/cpuinfo | cut -d: -f2 | sed "s/^ *//")); $$(chromium --version 2>/dev/null); load average at the start $$(cut -d" " -f1-3 /proc/loadavg)"; \
		$(GO) test -run="^$$" -bench="^BenchmarkHTML$$" -benchtime=5x ./cmd/timeline && \
		$(GO) test -run="^$$" -bench="^BenchmarkWrite$$" -benchtime=3x ./render/htmlout && \
		$(GO) test -run="^$$" -bench="^BenchmarkBrowser(Ready|CPU|Huge)$$" -benchtime=$(BENCH_PAGE_ROUNDS)x -timeout=3h ./render/htmlout && \
		echo "# load average at the end $$(cut -d" " -f1-3 /proc/loadavg)"; \
	} 2>&1 | tee $(BENCH_PAGE_OUT)'
	@echo; echo "The README's table (go run ./internal/benchtable < $(BENCH_PAGE_OUT)):"; echo
	@$(GO) run ./internal/benchtable < $(BENCH_PAGE_OUT)

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet ./...

# Every fuzz target for FUZZTIME each.
fuzz: assets
	@set -e; for pkg in $$($(GO) list ./...); do \
		for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz $$pkg $$t"; \
			$(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$pkg; \
		done; \
	done

# The examples and the embedded dataset, whole and per era, into out/examples.
examples: build
	@mkdir -p $(OUT)/examples
	@set -e; for f in examples/*.json examples/*.csv examples/*.mw; do \
		n=$$(basename $$f); n=$${n%.*}; \
		echo "$$f -> $(OUT)/examples/$$n.html, .pdf"; \
		$(BIN) html --data $$f -o $(OUT)/examples/$$n.html; \
		$(BIN) pdf --data $$f -o $(OUT)/examples/$$n.pdf; \
	done
	@set -e; for era in $$($(BIN) eras | awk 'NR>1 {print $$1}'); do \
		echo "era $$era -> $(OUT)/examples/mek-$$era.html, .pdf"; \
		$(BIN) html --era $$era -o $(OUT)/examples/mek-$$era.html; \
		$(BIN) pdf --era $$era -o $(OUT)/examples/mek-$$era.pdf; \
	done

clean:
	rm -rf $(OUT) bin $(DIST) $(BUNDLE) $(VERSIONS)
