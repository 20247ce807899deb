# BackTalk: `make chat` to talk to it, `make test` to run every test.
# Both install what is missing first (libreadline-dev, on Debian or Ubuntu).

SWIFT ?= swift
BIN := .build/release/backtalk
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: chat test build release deps lint eval public-eval bench replay coverage fuzz clean \
	docs man completions install uninstall format-lint

chat: release
	@$(BIN) chat

test: deps format-lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product backtalk

# libreadline-dev is the only system package BackTalk needs.
deps:
	@if ! dpkg -s libreadline-dev >/dev/null 2>&1; then \
		echo "Installing libreadline-dev (GNU readline headers)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libreadline-dev; \
	fi

lint: release
	$(BIN) lint

# Replays every conversation in Transcripts/; `make coverage` lists what none reaches.
replay: release
	$(BIN) replay

coverage: release
	$(BIN) replay --coverage

eval: release
	$(BIN) eval Tests/DevSet/questions.tsv

public-eval: release
	scripts/public-eval

bench: release
	cd Benchmarks && $(SWIFT) run -c release --scratch-path ../.build-bench backtalk-bench --cli ../$(BIN)

# Runs each fuzz target (Fuzz/) for FUZZ_SECONDS under libFuzzer and AddressSanitizer,
# starting from Fuzz/Corpus/. New inputs go to .build-fuzz/corpus/; crashes, timeouts
# (FUZZ_TIMEOUT seconds for one input) and running out of memory go to
# .build-fuzz/findings/ (emptied first), and fail the run. Fuzzing goes on after a
# finding, to find more. Add what a finding taught to Fuzz/Corpus/ once it is fixed.
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 10
FUZZ_JOBS ?= 1
FUZZ_TARGETS := reply knowledge-base
FUZZ_BIN := .build-fuzz/release

fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path ../.build-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
	@rm -rf .build-fuzz/findings && mkdir -p .build-fuzz/findings
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p .build-fuzz/corpus/$$target; \
		echo "fuzz-$$target: $(FUZZ_SECONDS) s"; \
		SWIFT_BACKTRACE=enable=no $(FUZZ_BIN)/fuzz-$$target -fork=$(FUZZ_JOBS) \
			-ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
			-max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=4096 \
			-artifact_prefix=.build-fuzz/findings/$$target- \
			.build-fuzz/corpus/$$target Fuzz/Corpus/$$target 2>.build-fuzz/fuzz-$$target.log || exit 1; \
		grep -E '^#[0-9]+: ' .build-fuzz/fuzz-$$target.log | tail -1; \
	done
	@if ls .build-fuzz/findings/* >/dev/null 2>&1; then \
		echo "Findings (replay one with: $(FUZZ_BIN)/fuzz-TARGET FILE):"; ls -1 .build-fuzz/findings; exit 1; \
	else echo "No findings."; fi

# The library's documentation (DocC, Sources/BackTalkCore/BackTalkCore.docc), with a
# count of the public symbols that lack a comment; the archives are in .build/docs/.
# DOCC_COVERAGE=detailed lists every symbol.
DOCC_COVERAGE ?= brief

docs:
	@rm -rf .build/docs && mkdir -p .build/docs
	@for target in BackTalkCore BackTalkAuthoring BackTalk; do \
		$(SWIFT) package --allow-writing-to-directory .build/docs generate-documentation \
			--target $$target --output-path .build/docs/$$target.doccarchive --experimental-skip-synthesized-symbols \
			--experimental-documentation-coverage --coverage-summary-level $(DOCC_COVERAGE) --warnings-as-errors || exit 1; \
	done

# The man page, from the command's own help (swift-argument-parser's generate-manual
# plugin, which builds the package in release mode), and the shell completion scripts.
GENERATED := .build/generated
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%F)

man: release
	$(SWIFT) package generate-manual --date $(MAN_DATE)
	@mkdir -p $(GENERATED)
	@# A blank line in a command's discussion becomes a paragraph break (mdoc warns about blank lines).
	sed 's/^$$/.Pp/' "$$(find .build/plugins -path '*GenerateManual*' -name backtalk.1 | head -1)" > $(GENERATED)/backtalk.1

completions: release
	@mkdir -p $(GENERATED)
	$(BIN) --generate-completion-script bash > $(GENERATED)/backtalk.bash
	$(BIN) --generate-completion-script zsh > $(GENERATED)/_backtalk
	$(BIN) --generate-completion-script fish > $(GENERATED)/backtalk.fish

# `make install PREFIX=$$HOME/.local`; DESTDIR for packaging.
PREFIX ?= /usr/local
DEST := $(DESTDIR)$(PREFIX)
INSTALLED := $(DEST)/bin/backtalk $(DEST)/share/man/man1/backtalk.1 \
	$(DEST)/share/bash-completion/completions/backtalk $(DEST)/share/zsh/site-functions/_backtalk \
	$(DEST)/share/fish/vendor_completions.d/backtalk.fish

install: release man completions
	install -d $(DEST)/bin $(DEST)/share/man/man1 $(DEST)/share/bash-completion/completions \
		$(DEST)/share/zsh/site-functions $(DEST)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DEST)/bin/backtalk
	install -m 644 $(GENERATED)/backtalk.1 $(DEST)/share/man/man1/backtalk.1
	install -m 644 $(GENERATED)/backtalk.bash $(DEST)/share/bash-completion/completions/backtalk
	install -m 644 $(GENERATED)/_backtalk $(DEST)/share/zsh/site-functions/_backtalk
	install -m 644 $(GENERATED)/backtalk.fish $(DEST)/share/fish/vendor_completions.d/backtalk.fish

uninstall:
	rm -f $(INSTALLED)

# Style findings by .swift-format (not part of `make test` yet: the code has not
# been formatted to it). Needs `swift format`, which ships with Swift 6.
format-lint:
	@if $(SWIFT) format --version >/dev/null 2>&1; then \
		$(SWIFT) format lint --strict -r Sources Tests; \
	else echo "swift format is not available; it ships with Swift 6 toolchains"; exit 1; fi

clean:
	rm -rf .build .build-bench .build-fuzz
