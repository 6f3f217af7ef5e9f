# The two commands: `make run` and `make test`. Everything else here serves them.
BUILD_TYPE_RELEASE := build/release
BUILD_TYPE_TEST := build/test
JOBS ?= $(shell nproc)
CMAKE_GEN := -G Ninja

PORT ?= 8080

.PHONY: run test deps build build-test bench bench-http bench-save stemmer-eval fuzz format clean

# `make bench BENCH_ARGS=--benchmark_filter=Lint` runs a subset.

deps:
	@scripts/install-deps.sh

$(BUILD_TYPE_RELEASE)/build.ninja: | deps
	@cmake -S . -B $(BUILD_TYPE_RELEASE) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DRUNG_TESTS=OFF >/dev/null

# make test's build is compiled from nothing on every CI run, so it is built for speed: line
# tables only (-g1: file:line in sanitizer reports, no variables for a debugger; configure a build
# of your own with -g for that) and LLVM's linker (lld links these ~500 MB sanitized binaries in
# a third of GNU ld's time).
$(BUILD_TYPE_TEST)/build.ninja: | deps
	@cmake -S . -B $(BUILD_TYPE_TEST) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DRUNG_SANITIZE=ON -DRUNG_UNITY=ON \
		-DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld >/dev/null

build: deps $(BUILD_TYPE_RELEASE)/build.ninja
	@cmake --build $(BUILD_TYPE_RELEASE) -j $(JOBS)

build-test: deps $(BUILD_TYPE_TEST)/build.ninja
	@cmake --build $(BUILD_TYPE_TEST) -j $(JOBS)

# Serves the built-in ladder; rung prints the URL (http://127.0.0.1:$(PORT)/). Ctrl+C stops it.
run: build
	@mkdir -p var
	@$(BUILD_TYPE_RELEASE)/rung serve --listen 127.0.0.1:$(PORT) --data var --public-ladder

test: build-test
	@cd $(BUILD_TYPE_TEST) && ctest --output-on-failure -j $(JOBS)

bench: deps
	@cmake -S . -B build/bench $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DRUNG_TESTS=OFF -DRUNG_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS)
	@build/bench/bench/rung_bench $(BENCH_ARGS) --benchmark_out=build/bench/results.json \
		--benchmark_out_format=json >/dev/null
	@/usr/bin/python3 bench/report.py build/bench/results.json

# rung serve against nginx serving the same bytes (bench/http/run.sh); needs nginx and wrk,
# which only this target installs.
bench-http: build
	@scripts/install-deps.sh --bench-http
	@bench/http/run.sh $(BUILD_TYPE_RELEASE)/rung

# Saving ratings under load (issue 6): 64 connections for 30 s each saving ratings through
# rung serve, against raw SQLite doing the same writes, then every acknowledged save counted in
# the database (bench/save/README.md). DURATION=seconds and WRITERS=n to change.
bench-save: deps
	@cmake -S . -B build/bench $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DRUNG_TESTS=OFF -DRUNG_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS) --target rung rung_save_bench
	@bench/save/run.sh build/bench/rung build/bench/bench/save/rung_save_bench

# Rung's stemmer against Snowball's English (issue 15 item 7; bench/stemmer/README.md): the
# judged pairs, every level compared with every other, the vocabulary, time per word.
stemmer-eval:
	@scripts/install-deps.sh --stemmer
	@cmake -S . -B build/bench $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DRUNG_TESTS=OFF -DRUNG_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS) --target rung_stemmer_eval
	@build/bench/bench/rung_stemmer_eval tests/data/compare/judged_pairs.tsv

# Coverage-guided fuzzing with clang-14's libFuzzer (fuzz/README.md): each target for
# FUZZ_SECONDS (default 60), or for FUZZ_RUNS executions when set, from a copy of its corpus in
# build/fuzz/corpus/; FUZZ_TARGETS to choose some. Each run's whole output is kept in
# build/fuzz/logs/TARGET.log. A crash stops the run and leaves build/fuzz/crash-*.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_TARGETS ?= ladder_yaml import_text import_layouts hris_csv ratings_text http_decoding http_request \
	template_values
FUZZ_LIMIT = $(if $(FUZZ_RUNS),-runs=$(FUZZ_RUNS),-max_total_time=$(FUZZ_SECONDS))
fuzz:
	@scripts/install-deps.sh --fuzz
	@CC=clang-14 CXX=clang++-14 cmake -S . -B build/fuzz $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
		-DRUNG_TESTS=OFF -DRUNG_FUZZ=ON >/dev/null
	@cmake --build build/fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@mkdir -p build/fuzz/logs
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t && cp -n fuzz/corpus/$$t/* build/fuzz/corpus/$$t/; \
		echo "fuzz: $$t ($(FUZZ_LIMIT)), log in build/fuzz/logs/$$t.log"; \
		(cd build/fuzz && ./fuzz/fuzz_$$t $(FUZZ_LIMIT) -print_final_stats=1 \
			-dict=../../fuzz/dict/$$t.dict corpus/$$t >logs/$$t.log 2>&1); status=$$?; \
		tail -n 14 build/fuzz/logs/$$t.log; [ $$status -eq 0 ] || exit 1; \
	done

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

clean:
	@rm -rf build
