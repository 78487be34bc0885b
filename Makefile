# Two entry points for a new user: `make run` (open the app on the sample project) and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SAMPLE := projects/sample.annot.db
# the application bundle (docs/adr/0077): the same requirement as pyproject's `dist` extra
PYINSTALLER := pyinstaller>=6.10,<7
BUNDLE_DIR := dist/arabic-news-annotator

.PHONY: run test install lint types contracts pytest mutation bench bench-x translations clean dist dist-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	bash scripts/ensure-qt-libs.sh $(PY)
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/annotator gui $(SAMPLE) --seed seeds

lint: $(STAMP)
	$(VENV)/bin/ruff format --check annotator tests benchmarks
	$(VENV)/bin/ruff check annotator tests benchmarks

types: $(STAMP)
	$(VENV)/bin/mypy

contracts: $(STAMP)
	$(VENV)/bin/lint-imports

# a crash of the process (SIGSEGV 139, SIGABRT 134) runs the suite once more, saying so: a rare
# offscreen Qt segfault after a dialog's nested event loop (docs/adr/0013); a failure never does
PYTEST = QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider tests
pytest: $(STAMP)
	$(PYTEST); rc=$$?; \
	if [ $$rc -eq 139 ] || [ $$rc -eq 134 ]; then \
		echo "pytest crashed (exit code $$rc, see docs/adr/0013): running the whole suite once more"; \
		$(PYTEST); rc=$$?; \
	fi; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

# one-line breaks of behaviour the tests must notice (scripts/mutation_check.py --list)
mutation: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/mutation_check.py

test: lint types contracts pytest mutation
	@if [ -n "$(BUNDLE)" ]; then $(MAKE) --no-print-directory dist-check; fi

# the application bundle: a folder under dist/ and its .tar.gz (minutes; README "Install
# without Python"). PyInstaller goes into the venv when missing.
dist: $(STAMP)
	$(PY) -c "import PyInstaller" 2>/dev/null || $(PY) -m pip install --quiet '$(PYINSTALLER)'
	rm -rf $(BUNDLE_DIR)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/annotator.spec
	$(PY) scripts/finish_bundle.py $(BUNDLE_DIR)

# the bundle built, then run offscreen on a fresh copy of the sample (BUNDLE=1 make test too)
dist-check: dist
	$(PY) scripts/check_bundle.py $(BUNDLE_DIR)

bench: $(STAMP)
	$(PY) benchmarks/bench_import.py
	$(PY) benchmarks/bench_formats.py
	$(PY) benchmarks/bench_tokens.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_viewer.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_window.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_paragraphs.py
	$(PY) benchmarks/bench_memory.py
	$(PY) benchmarks/bench_clitics.py
	$(PY) benchmarks/bench_suggest.py
	$(PY) benchmarks/bench_gazetteer.py
	$(PY) benchmarks/bench_reports.py
	$(PY) benchmarks/bench_label_all.py
	$(PY) benchmarks/bench_packages.py
	$(PY) benchmarks/bench_active.py
	QT_QPA_PLATFORM=offscreen $(PY) benchmarks/bench_suggest_window.py
	$(PY) benchmarks/bench_export.py --documents 10000,100000 --runs 1
	$(MAKE) --no-print-directory bench-x

# the real window under Xvfb with real X keys (xdotool); installs xvfb and xdotool with apt-get
# when missing. BENCH_X_ARGS=--quick tries it on small sizes (docs/benchmarks-x11.md)
bench-x: $(STAMP)
	bash benchmarks/x11-tools.sh $(PY)
	$(PY) benchmarks/bench_x11.py $(BENCH_X_ARGS)

# refresh resources/translations/*.ts from the code (pyside6-lupdate) and build the .qm files
translations: $(STAMP)
	$(PY) scripts/update_translations.py

clean:
	rm -rf $(VENV) projects dist build
