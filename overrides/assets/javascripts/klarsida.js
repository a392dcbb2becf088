/* Keyboard access to Material's header controls (issue 4); palette.js handles the colour scheme.
   Without this script the page still works: content, links and the language switcher need no
   JavaScript. */
(function () {
  "use strict"
  var labels = JSON.parse(document.getElementById("ks-labels").textContent)

  /* Firefox restores checkboxes as they were when the page is reloaded: the menu or the search
     would open by themselves. Material prevents it with autocomplete="off", which HTML does not
     allow on checkboxes (the adapter removes it, klarsida/mkdocs_material/theme.py); this does it. */
  var toggles = ["__drawer", "__search"]
  toggles.forEach(function (id) {
    var box = document.getElementById(id)
    if (box) box.checked = false
  })

  /* Material opens the menu drawer and the search with <label for="checkbox">, which the keyboard
     cannot reach. Replace each header label with a real button driving the same checkbox. */
  function toggleButton(label, name, onOpen) {
    var box = document.getElementById(label.htmlFor)
    var button = document.createElement("button")
    button.type = "button"
    button.className = label.className + " ks-toggle"
    button.setAttribute("data-ks-for", label.htmlFor)
    button.innerHTML = label.innerHTML
    button.setAttribute("aria-label", name)
    button.setAttribute("aria-expanded", String(box.checked))
    button.addEventListener("click", function () {
      box.checked = !box.checked
      box.dispatchEvent(new Event("change"))
      if (box.checked && onOpen) onOpen()
    })
    box.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(box.checked))
    })
    label.replaceWith(button)
    return { box: box, button: button }
  }

  var drawerLabel = document.querySelector('.md-header__button[for="__drawer"]')
  if (drawerLabel) {
    var drawer = toggleButton(drawerLabel, labels.menu, function () {
      var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary [tabindex='0']")
      if (first) first.focus()
    })
    /* Escape closes the open drawer and gives focus back to its button. */
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && drawer.box.checked) {
        drawer.box.checked = false
        drawer.box.dispatchEvent(new Event("change"))
        drawer.button.focus()
      }
    })
  }

  var searchLabel = document.querySelector('.md-header__button[for="__search"]')
  if (searchLabel) {
    toggleButton(searchLabel, labels.search, function () {
      var input = document.querySelector(".md-search__input")
      if (input) input.focus()
    })
  }
})()
