/* Load search only when a reader starts to search (issue 7).

   On every page load Material downloads the whole search index (about 4 MB with 1,000 meetings)
   and starts a search worker: on every page, for every reader, mostly on phones. This file loads
   before Material's bundle and holds both back: the index request is sent, and the worker started
   with the messages it was sent, when the search field gets focus (by mouse, touch, Tab or
   Material's keys "/", "s" and "f") or the address asks for a search (?q=). Without JavaScript
   nothing changes: search needs it anyway. */
(function () {
  "use strict"
  var RealWorker = window.Worker
  var realSend = XMLHttpRequest.prototype.send
  var realOpen = XMLHttpRequest.prototype.open
  if (!RealWorker) return

  var started = false
  var waiting = []  // what to do once search starts

  function startSearch() {
    if (started) return
    started = true
    document.removeEventListener("focusin", onFocus, true)
    waiting.forEach(function (run) { run() })
    waiting = null
  }

  function whenSearchStarts(run) {
    if (started) run()
    else waiting.push(run)
  }

  function onFocus(event) {
    if (event.target.closest && event.target.closest(".md-search")) startSearch()
  }

  /* The index: Material asks for search/search_index.json with XMLHttpRequest. */
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ksSearchIndex = /\/search\/search_index\.json(\?|$)/.test(String(url))
    return realOpen.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (!request.ksSearchIndex) return realSend.apply(request, args)
    whenSearchStarts(function () { realSend.apply(request, args) })
  }

  /* The worker: a stand-in keeps messages and listeners until the real one starts. */
  function LazySearchWorker(url, options) {
    var real = null
    var messages = []
    var listeners = []

    whenSearchStarts(function () {
      real = new RealWorker(url, options)
      listeners.forEach(function (args) { real.addEventListener.apply(real, args) })
      messages.forEach(function (args) { real.postMessage.apply(real, args) })
      listeners = messages = null
    })

    this.postMessage = function () {
      if (real) real.postMessage.apply(real, arguments)
      else messages.push(arguments)
    }
    this.addEventListener = function () {
      if (real) real.addEventListener.apply(real, arguments)
      else listeners.push(arguments)
    }
    this.removeEventListener = function (type, listener) {
      if (real) real.removeEventListener.apply(real, arguments)
      else listeners = listeners.filter(function (args) { return args[0] !== type || args[1] !== listener })
    }
    this.terminate = function () {
      if (real) real.terminate()
    }
  }

  window.Worker = function (url, options) {
    var search = /\/workers\/search\.[^/]*\.js/.test(String(url))
    return search ? new LazySearchWorker(url, options) : new RealWorker(url, options)
  }
  window.Worker.prototype = RealWorker.prototype

  document.addEventListener("focusin", onFocus, true)
  if (/[?&]q=/.test(location.search)) startSearch()
})()
