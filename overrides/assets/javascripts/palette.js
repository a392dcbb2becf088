/* Colour scheme: light or dark, as the reader's system prefers or as they chose (issue 4).

   Material's bundle does this, but it now loads only for search (lazy-material.js), so this file
   does the same with the same stored choice (Material's "__palette" key): when the bundle loads, it
   finds the scheme this file chose. Without JavaScript the page shows the light scheme. */
(function () {
  "use strict"
  var form = document.querySelector('[data-md-component="palette"]')
  if (!form || typeof __md_get !== "function") return
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"))
  if (!inputs.length) return

  function colorOf(input) {
    return {
      media: input.getAttribute("data-md-color-media"),
      scheme: input.getAttribute("data-md-color-scheme"),
      primary: input.getAttribute("data-md-color-primary"),
      accent: input.getAttribute("data-md-color-accent"),
    }
  }

  function meta(name) {
    var tag = document.head.querySelector('meta[name="' + name + '"]')
    if (!tag) {
      tag = document.createElement("meta")
      tag.name = name
      document.head.appendChild(tag)
    }
    return tag
  }

  function apply(index) {
    var color = colorOf(inputs[index])
    if (color.media === "(prefers-color-scheme)") {  // "automatic": follow the system's scheme
      var light = matchMedia("(prefers-color-scheme: light)").matches
      var system = form.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']")
      if (system) color = Object.assign(colorOf(system), { media: color.media })
    }
    Object.keys(color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, color[key])
    })
    /* Show the button for the other scheme. The radio in use is checked, so Tab lands on it and
       its focus is visible on that button (Material leaves none checked). */
    inputs.forEach(function (input, i) {
      input.checked = i === index
      var label = input.nextElementSibling
      if (label && label.tagName === "LABEL") label.hidden = i !== index
    })
    __md_set("__palette", { index: index, color: color })
    /* Browser colours (address bar, form controls) follow the header, as with Material's bundle. */
    var header = getComputedStyle(document.querySelector(".md-header") || document.body)
    meta("color-scheme").content = header.colorScheme
    var rgb = (header.backgroundColor.match(/\d+/g) || []).slice(0, 3)
    if (rgb.length === 3) {
      meta("theme-color").content = "#" + rgb.map(function (c) { return (+c).toString(16).padStart(2, "0") }).join("")
    }
  }

  var stored = __md_get("__palette")
  var index = stored && typeof stored.index === "number"
    ? stored.index
    : inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches })
  apply(Math.max(0, Math.min(index, inputs.length - 1)))

  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () { if (input.checked) apply(i) })
  })

  /* Enter (Material's key) and Space (any button's) switch to the next scheme. Once the bundle has
     loaded it handles Enter itself. */
  form.addEventListener("keydown", function (event) {
    if (!event.target.classList.contains("md-option")) return
    var bundleHandles = event.key === "Enter" && document.documentElement.hasAttribute("data-ks-material")
    if ((event.key !== "Enter" && event.key !== " ") || bundleHandles) return
    event.preventDefault()
    var next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length]
    next.click()
    next.focus()
  })
})()
