# BackTalk: `make chat` to talk to it, `make test` to run every test.
# Both install what is missing first (libreadline-dev, on Debian or Ubuntu).

SWIFT ?= swift
BIN := .build/release/backtalk
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: chat test build release deps lint eval public-eval bench replay coverage fuzz clean

chat: release
	@$(BIN) chat

test: deps
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

clean:
	rm -rf .build .build-bench .build-fuzz
