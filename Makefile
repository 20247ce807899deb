# BackTalk: `make chat` to talk to it, `make test` to run every test.
# Both install what is missing first (libreadline-dev, on Debian or Ubuntu).

SWIFT ?= swift
BIN := .build/release/backtalk
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo)

.PHONY: chat test build release deps lint eval public-eval bench replay coverage clean

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

clean:
	rm -rf .build .build-bench
