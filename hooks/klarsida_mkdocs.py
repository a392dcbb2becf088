"""MkDocs' entry point for Klarsida: every MkDocs event goes to the adapter, which owns the build.

The adapter (klarsida/mkdocs_material/) is the one place that knows MkDocs, Material and
static-i18n; the engine (klarsida/) knows none of them. One adapter object per MkDocs process keeps
the session between the language builds of a run and the rebuilds of `mkdocs serve`. MkDocs imports
this file under its path as module name, so it imports only the installed `klarsida` package.
"""

from klarsida.mkdocs_material import MkDocsAdapter

adapter = MkDocsAdapter()
on_startup = adapter.on_startup
on_config = adapter.on_config
on_files = adapter.on_files
on_env = adapter.on_env
on_pre_build = adapter.on_pre_build
on_page_markdown = adapter.on_page_markdown
on_page_content = adapter.on_page_content
on_page_context = adapter.on_page_context
on_post_page = adapter.on_post_page
on_post_template = adapter.on_post_template
on_post_build = adapter.on_post_build
on_shutdown = adapter.on_shutdown
