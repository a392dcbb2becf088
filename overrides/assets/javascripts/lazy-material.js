/* Material's bundle and whole stylesheet load when a reader starts to search (issue 7).

   They were 245 KB of every page, mostly on phones, and readers need them only to search: the
   page, its menu, language and colour scheme work without them (palette.js, klarsida.js). The page
   links the part of Material's stylesheet it uses (klarsida/page_assets.py). This file loads the
   rest when the search field gets focus (mouse, touch, Tab, the search button, Material's keys "/",
   "s" and "f") or the address asks for a search (?q=). The search index and worker come with the
   bundle, so nothing of search is downloaded before that either. */
(function () {
  "use strict"
  var root = document.documentElement
  var config = JSON.parse(document.getElementById("ks-material").textContent)
  var started = false

  /* JavaScript runs: Material's CSS for pages with JavaScript applies (the bundle would do this).
     Until the bundle sizes the sidebars, klarsida.css lets them take their own height. */
  root.classList.remove("no-js")
  root.classList.add("js", "ks-material-waiting")

  function whenParsed(run) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run, { once: true })
    else run()
  }

  function listen(on) {
    var method = on ? "addEventListener" : "removeEventListener"
    document[method]("focusin", onFocus, true)
    document[method]("keydown", onKey, true)
  }

  function loadMaterial() {
    if (started) return
    started = true
    listen(false)
    whenParsed(function () {
      /* The whole stylesheet goes right after the subset, where Material's own link was: the
         subset's rules are all in it, so the cascade ends up exactly as Material's. */
      var subset = document.getElementById("ks-stylesheet-subset")
      var sheet = document.createElement("link")
      sheet.rel = "stylesheet"
      sheet.href = config.stylesheet
      subset.parentNode.insertBefore(sheet, subset.nextSibling)

      /* Search per language: Material fetches search/search_index.json under the base of its
         configuration; on another language's pages that is the language's folder, with its own
         index (klarsida/mkdocs_material/search.py). Material reads the configuration when its
         bundle runs, so it is changed just before. */
      if (config.searchBase) {
        var own = document.getElementById("__config")
        var settings = JSON.parse(own.textContent)
        settings.base = config.searchBase
        own.textContent = JSON.stringify(settings)
      }
      /* Material fetches sitemap.xml beside every language alternate (for instant navigation,
         which the site does not use). The alternates are the site's full addresses, for search
         engines; the page does not need them once it runs. */
      document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) { link.remove() })

      var bundle = document.createElement("script")
      bundle.src = config.bundle
      bundle.onload = function () {
        root.classList.remove("ks-material-waiting")
        root.setAttribute("data-ks-material", "loaded")
        /* The bundle starts its components on DOMContentLoaded, long past by now: announce it
           again. Material listens once, and so do our scripts. */
        document.dispatchEvent(new Event("DOMContentLoaded"))
      }
      /* A dropped connection (a phone between masts): try again at the next search. */
      bundle.onerror = function () {
        bundle.remove()
        sheet.remove()
        started = false
        listen(true)
      }
      document.body.appendChild(bundle)
    })
  }

  function onFocus(event) {
    if (event.target.closest && event.target.closest(".md-search")) loadMaterial()
  }

  /* Material's keys for search, as its bundle reads them: not while typing in a field. */
  function onKey(event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return
    if (["/", "s", "S", "f", "F"].indexOf(event.key) < 0) return
    var target = event.target
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return
    var toggle = document.getElementById("__search")
    var input = document.querySelector(".md-search__input")
    if (!toggle || !input) return
    event.preventDefault()
    toggle.checked = true
    toggle.dispatchEvent(new Event("change"))
    input.focus()  // focusin starts the loading
  }

  listen(true)
  if (/[?&]q=/.test(location.search)) loadMaterial()
})()
