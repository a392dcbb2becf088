"""The MkDocs adapter: one object per MkDocs process that owns the build's session and hands every
MkDocs event to the engine.

`hooks/klarsida_mkdocs.py` (listed in mkdocs.yml) creates one `MkDocsAdapter` and exposes its events.
mkdocs-static-i18n rebuilds the whole site once per language inside its `on_post_build`, so every
event below runs once per language; `mkdocs serve` runs them again after every edit. The session
(klarsida/session.py) loads the content again only when a file changed.

Event order matters where the adapter works with static-i18n (priority -100) and Material's search:
- `on_page_markdown` at 100, before static-i18n's (50): the page gets the body and front matter the
  engine validated, not what MkDocs' own YAML parser made of the file (one reading of every source);
- `on_files` at -200, after static-i18n has put its own file objects in place: generated pages are
  added there, or static-i18n would drop them;
- `on_post_build` at 0 for the language's files and the checks' verdict, and at -200 (after
  static-i18n and the search plugin wrote the index) for the preview's search-index merge.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

from .. import environment, i18n, publish, render
from ..css_subset import StylesheetSubset
from ..errors import ContentInvalid
from ..project import ProjectNotFound
from ..readability import IMPORT_CPU, pages, report, review
from ..session import Session
from ..settings import SettingsInvalid
from . import archives, config as project_config, languages, not_found, preview, search, theme

log = logging.getLogger("mkdocs.hooks.klarsida")
REVIEW_CSS = "assets/stylesheets/review.css"


class _WithoutDirtyBuildWarning(logging.Filter):
    def filter(self, record):
        return not preview.is_dirty_build_warning(record.getMessage())


class _NoticesTheEngineAnswers(logging.Filter):
    """MkDocs' INFO notices that are wrong for this site, which editors read as errors (issue 18):

    - "pages ... not included in the nav": every page the engine loaded is reached without the nav
      (listings, archives, the footer), and its link check covers them; a page the engine does not
      know still gets the notice.
    - "contains a link '#calendar', but there is no such anchor": MkDocs looks before the engine
      adds its ids (listings, #calendar, #feed). Dropped only when the engine's page has the id;
      a missing anchor is the engine's error anyway (klarsida/links.py), in Swedish.
    """

    _ANCHOR = re.compile(r"^Doc file '(?P<page>[^']+)' contains a link '#(?P<anchor>[^']+)', but there is no such anchor on this page\.$")

    def __init__(self, adapter: MkDocsAdapter) -> None:
        super().__init__()
        self.adapter = adapter

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        session = self.adapter.session
        if session is None or session.site is None:
            return True
        message = record.getMessage()
        if message.startswith("The following pages exist in the docs directory, but are not included in the \"nav\""):
            listed = [line.strip()[2:] for line in message.split("\n")[1:] if line.strip().startswith("- ")]
            return not listed or any(session.document_for(path) is None for path in listed)
        found = self._ANCHOR.match(message)
        if found:
            doc = session.document_for(found["page"])
            return doc is None or found["anchor"] not in session.anchors_of(doc)
        return True


class MkDocsAdapter:
    """Owns the session, the stylesheet subset and the preview's search-index merge of one process."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self.subset: StylesheetSubset | None = None
        self.assets: theme.ThemeAssets | None = None
        self.dirty = False
        self.search_index = preview.SearchIndexMerge()
        self._report_pages: set[str] = set()
        self.not_found = not_found.NotFoundPages()

    # Start -----------------------------------------------------------------------------------

    def on_startup(self, command, dirty):
        self.dirty = dirty
        notices = _NoticesTheEngineAnswers(self)
        for name in ("mkdocs.structure.nav", "mkdocs.structure.pages"):
            logging.getLogger(name).addFilter(notices)
        if dirty:  # MkDocs warns on every dirty build; strict mode would stop the preview on it
            logging.getLogger("mkdocs.commands.build").addFilter(_WithoutDirtyBuildWarning())

    def on_config(self, config):
        building = languages.apply_preview_switch(config, environment.preview_languages())
        languages.take_over_search_duplicates(config)  # search.split removes them, in linear time
        if self.dirty and len(building) > 1:
            raise PluginError(
                "A dirty build (--dirty) of more than one language leaves the search index incomplete: "
                f"it would build {', '.join(building)}. Preview one language (make serve, "
                f"{environment.PREVIEW_LANGUAGES}=sv) or build without --dirty (make serve-all)."
            )
        try:
            project = project_config.find_project(Path(config["config_file_path"]).parent,
                                                  Path(config["config_file_path"]))
            if self.session is None or self.session.project != project:
                if self.session is not None:
                    self.session.close()
                self.session = Session(project)
            self.session.load()
        except (ContentInvalid, ProjectNotFound, SettingsInvalid) as exc:
            # PluginError makes MkDocs print the message and stop, without a traceback.
            raise PluginError(str(exc)) from None
        if self.subset is None:  # once per process: classes of earlier builds only keep rules
            try:
                assets = theme.theme_assets([Path(d) for d in config.theme.dirs])
            except theme.ThemeAssetsMissing as exc:
                raise PluginError(str(exc)) from None
            scripts = [Path(config.theme.custom_dir, "assets", "javascripts")] if config.theme.custom_dir else []
            self.subset = StylesheetSubset(Path(assets.folder, assets.stylesheet), assets.subset, scripts)
            self.assets = assets
        if self.session.review and REVIEW_CSS not in config["extra_css"]:
            config["extra_css"].append(REVIEW_CSS)
        if self.session.checked:  # checked here (a tiny site): stop before building anything
            self._report_checks()
        return config

    # Files and pages ---------------------------------------------------------------------------

    @event_priority(-200)  # after static-i18n, which puts its own objects in place of the files
    def on_files(self, files, config):
        lang = config.theme["language"]
        archives.add_generated_pages(files, config, self.session, lang)
        last = []
        for file in files.documentation_pages():
            doc = self.session.document_for(file.src_uri)
            if doc is None:
                continue
            if self.dirty and preview.built_from_other_pages(self.session.site, doc):
                file.is_modified = lambda: True  # MkDocs rebuilds it after any edit
            if doc.key == report.REPORT_KEY:
                last.append(file)
        # The report page shows every page's scores, which the second process computes while the
        # other pages are built: built last, it waits for nothing (or for little).
        for file in last:
            files.remove(file)
            files.append(file)
        return files

    def on_env(self, env, config, files):
        # overrides/main.html links these instead of Material's hard-coded names.
        env.globals["klarsida_assets"] = self.assets
        env.globals["klarsida_label"] = i18n.label  # the engine's catalogs for overrides/ (menu, search, footer)
        default, built = languages.default_language(config), languages.built(config)
        env.globals["klarsida_default_lang"] = default
        env.globals["klarsida_language_root"] = lambda lang, base_url: not_found.language_root(lang, base_url, default)
        env.globals["klarsida_not_found_pages"] = lambda base_url: not_found.redirects(base_url, built, default)
        # The contact facts for the footer, from the contact page's front matter (see render.py).
        # The organisation's look from the settings: short name per language, main colour.
        env.globals["klarsida_brand"] = self.session.settings
        env.globals["klarsida_contact"] = lambda lang: render.footer_contact(self.session.site, lang)
        return env

    @event_priority(100)  # before static-i18n's (50), which may rewrite admonitions
    def on_page_markdown(self, markdown, page, config, files):
        doc = self.session.document_for(page.file.src_uri)
        if doc is None:
            theme.escape_theme_meta(page.meta)
            return markdown
        # One reading of every source: MkDocs renders the body and front matter the engine
        # validated. Where MkDocs' own parser disagreed it would publish front matter as text.
        page.meta = theme.escape_theme_meta(dict(doc.meta))
        return doc.body

    def on_page_content(self, html, page, config, files):
        session = self.session
        doc = session.document_for(page.file.src_uri)
        if doc is None:
            return html
        lang = config.theme["language"]
        html = session.page_html(doc, lang, html)
        if session.review:
            session.wait()
            with session.scorer.timing():
                score = pages.score_document(session.scorer, session.site, doc)
                html = review.review_html(html, score, lang, pages.exception_of(doc))
        return theme.for_search(html)

    @event_priority(100)  # before Material's search indexes the page (its headings are sections)
    def on_page_context(self, context, page, config, nav):
        # The report shows every page's score, which the second process computes while MkDocs works.
        # MkDocs converts every page first and then renders them, the report page last (on_files):
        # added here rather than at its conversion, the build waits for the scores at the end of
        # the language's pages instead of after their conversion (at N = 1,000, 8.9 s into a 31 s
        # build).
        session = self.session
        doc = session.document_for(page.file.src_uri)
        if doc is not None and doc.key == report.REPORT_KEY:
            session.wait_for_scores()  # every page's score, from the second process (not its checks)
            targets = {code: session.settings.targets(code).as_dict() for code in session.languages}
            lang = config.theme["language"]
            page.content += theme.for_search(report.report_page_html(session.scorer, session.site, targets, doc.key, lang))
        return context

    def on_post_page(self, output, page, config):
        session = self.session
        doc = session.document_for(page.file.src_uri)
        lang = config.theme["language"]
        page_url = publish.page_url_for(session.site, doc, lang, page.url)
        tags = publish.head_tags(session.site, doc, lang, page_url, config["site_url"], site_name=config["site_name"],
                                 to_html=session.markup.html, languages=languages.built(config),
                                 organisation=session.settings.organisation)
        output = publish.add_to_head(output, tags)
        if i18n.text_direction(lang) == "rtl":  # Material sets dir on <body> only; <html> says it too
            output = output.replace("<html ", '<html dir="rtl" ', 1)
        output = theme.without_toggle_autocomplete(output)
        self.subset.add_page(output)
        if self.dirty:
            self.search_index.page_built(page.url)
        return output

    def on_post_template(self, output_content, template_name, config):
        output_content = theme.without_toggle_autocomplete(output_content)
        self.subset.add_page(output_content)  # 404.html
        if template_name == not_found.TEMPLATE:
            self.not_found.rendered(config.theme["language"], output_content)
        return output_content

    # End of a language build -------------------------------------------------------------------

    def on_pre_build(self, config):
        if self.dirty:
            self.search_index.before_build(languages.site_root(config))

    def _on_post_build_files(self, config):
        session = self.session
        lang = config.theme["language"]
        root = languages.site_root(config)
        files = publish.output_files(session.site, lang, config["site_url"], session.now, config["site_name"])
        publish.write_files(Path(config["site_dir"]), files)
        if lang == session.site.default_lang:  # one report of every language, at the site's root
            session.wait()
            publish.write_files(root, {report.JSON_FILE: report.report_json(session.scorer, session.site),
                                       report.CSV_FILE: report.report_csv(session.scorer, session.site)})
        full, subset = self.subset.write(root)
        log.debug("Material's stylesheet: %.1f KB; the subset pages load: %.1f KB", full / 1024, subset / 1024)
        self._report_checks()
        session.save()
        self._log_stats(lang)

    @event_priority(-200)  # after static-i18n and Material's search have written the index
    def _on_post_build_site(self, config):
        root = languages.site_root(config)
        if self.dirty:
            self.search_index.after_build(root)
        # static-i18n builds the other languages inside the default language's build and writes the
        # whole site's index and a 404.html at its end: once that is done, split the index
        # (search.py) and put each language's 404 page in its place (not_found.py), once a run.
        if languages.all_built(config):
            default = languages.default_language(config)
            search.write_split(root, languages.built(config), default)
            self.not_found.write(root, default)

    on_post_build = CombinedEvent(_on_post_build_files, _on_post_build_site)

    def on_shutdown(self):
        if self.session is not None:
            self.session.close()

    # Helpers -------------------------------------------------------------------------------------

    def _report_checks(self):
        session = self.session
        try:
            warnings = session.finish()
        except ContentInvalid as exc:
            raise PluginError(str(exc)) from None
        if not session.warnings_logged:  # once per content change, not once per language
            session.warnings_logged = True
            for warning in warnings:
                if warning.level == "notice":  # a reminder, which must not fail a strict build
                    log.info("Påminnelse (notice): %s", warning.format())
                else:
                    log.warning(warning.format())

    def _log_stats(self, lang):
        stats = self.session.stats()
        # Scoring cost against the whole process so far; the last language's line covers the whole build.
        log.debug(
            "klarsprak (%s build): %d pages scored, %d from disk, %d from memory; scoring %.0f ms wall, %.0f ms CPU "
            "(+%.0f ms CPU to load the scorer) of %.0f ms CPU for the whole build process; %.0f ms in a second process",
            lang, stats["scored"], stats["from_disk"], stats["cached"], stats["seconds"] * 1000, stats["cpu"] * 1000,
            IMPORT_CPU * 1000, time.process_time() * 1000, stats.get("background_seconds", 0.0) * 1000,
        )
        path = environment.stats_file()
        if path:  # `make bench` reads what readability cost this build
            import json

            path.write_text(json.dumps(stats), encoding="utf-8")
