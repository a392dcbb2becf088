# Two commands set everything up on a fresh machine: `make build` and `make test`.
# Every other target is optional. Nothing here downloads anything but registry packages.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(VENV)/bin/mkdocs
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Material prints a banner about MkDocs 2 on every run; it is noise in CI logs.
export NO_MKDOCS_2_WARNING := 1
# Keep Python from writing into the source tree, and from looking outside the venv for packages.
export PYTHONDONTWRITEBYTECODE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: build test serve serve-all browser validators clean linkcheck check reference review bench address

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

## build: venv, pinned dependencies and a strict build into site/
# Atomic (klarsida/mkdocs_material/build_site.py): MkDocs writes into site.tmp.<pid> beside site/, which
# replaces site/ only when the build succeeded. A failed, interrupted or killed build, a full disk or a
# read-only site/ leave the previous site/ exactly as it was; leftovers of killed builds are removed.
build: $(STAMP)
	$(PY) -m klarsida.mkdocs_material.build_site

## address: refuse to publish site/ while site_url (mkdocs.yml) is a placeholder such as example.org
address: $(STAMP)
	$(PY) -m klarsida address site

## test: everything the tests need (browser and validators included), then all tests
test: $(TEST_STAMP) browser validators
	$(PY) -m pytest

## check: the build's content checks in seconds, without building (make check PATHS="content/events")
check: $(STAMP)
	$(PY) -m klarsida check $(PATHS)

## reference: regenerate the editors' front-matter reference from the schemas
reference: $(STAMP)
	$(PY) -m klarsida reference > docs/front-matter.md.tmp && mv docs/front-matter.md.tmp docs/front-matter.md

## linkcheck: are external links in content/ alive? Needs the internet, so not part of make test
linkcheck: $(STAMP)
	$(PY) -m klarsida linkcheck

## serve: preview the Swedish pages with live reload (content/, klarsida/, hooks/ and overrides/ are watched)
# Fast: Swedish only (a third of the time of both languages), and --dirty rebuilds only the edited
# page and the pages built from other pages (klarsida/preview.py): about 3.5 s instead of 15 s with
# 1,000 meetings (README, Performance). After editing templates or hooks, start it again.
# Both languages, every page rebuilt: make serve-all.
serve: $(STAMP)
	KLARSIDA_PREVIEW_LANGUAGES=sv $(MKDOCS) serve --livereload --dirty

## serve-all: preview both languages, as published
serve-all: $(STAMP)
	$(MKDOCS) serve --livereload

## review: like serve, with long sentences, passive voice, stiff words and unexplained abbreviations marked
review: $(STAMP)
	KLARSIDA_REVIEW=1 $(MKDOCS) serve --livereload

## bench: build a synthetic archive (N = 100 and 1,000) and print build time, page sizes and more
bench: $(TEST_STAMP) browser
	$(PY) bench/run.py

# $(call apt_install,PACKAGES,WHAT FOR,MESSAGE): Debian's packages, as root (CI) or with sudo;
# without either, MESSAGE and a failure (the tests never skip for want of a program).
define apt_install
if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	if [ "$$SUDO" != none ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's $(1) for $(2)"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null; \
	else \
		echo "$(3)" >&2; \
		exit 1; \
	fi
endef

## browser: a Chromium for the browser tests, from Debian's package (Playwright's download is unreachable)
# tests/browser/conftest.py looks in the same places: $$KLARSIDA_CHROMIUM, chromium, chromium-browser.
browser:
	@if [ -n "$$KLARSIDA_CHROMIUM" ] && [ -x "$$KLARSIDA_CHROMIUM" ]; then exit 0; fi; \
	if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then exit 0; fi; \
	$(call apt_install,chromium,the browser tests,No Chromium found. Install it (Debian: sudo apt-get install chromium) or set KLARSIDA_CHROMIUM.)

## validators: the W3C Nu HTML Checker and HTML_CodeSniffer for the tests (tests/browser/test_validators.py),
# and ical.js, Thunderbird's iCalendar reader, for the calendar tests (tests/calendar_readers)
# From npm at the versions in package-lock.json; Java (Debian's default-jre-headless) and npm come from
# Debian when missing, as Chromium does for `browser`. --ignore-scripts: vnu-jar's install script
# downloads a Java runtime from GitHub when it finds none; the tests run `java -jar` on the jar the
# package holds, with Debian's Java.
NPM_STAMP := node_modules/.installed

validators:
	@missing=; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		$(call apt_install,$$missing,the validators,Missing for the validators:$$missing. Install them (Debian: sudo apt-get install$$missing).); \
	fi
	@$(MAKE) --no-print-directory $(NPM_STAMP)

$(NPM_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

clean:
	rm -rf site site.* .pytest_cache
