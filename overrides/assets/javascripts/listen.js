/* Klarsida: "Lyssna" (Listen) reads the page's main text aloud with the browser's own speech
 * synthesis (Web Speech API): nothing is sent to any other service, and nothing is loaded.
 * The button is added only where the browser has a voice for the page's language (<html lang>);
 * elsewhere there is nothing to press. Buttons are real <button>s: Tab, Enter and Space work, and
 * screen readers hear their names; when a pressed button goes away, focus moves to the one that
 * takes its place.
 * The text is read block by block (headings, paragraphs, list items, facts): Chromium stops a
 * single long utterance after about 15 seconds, and blocks let pause and resume work in between. */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, blockquote";
  var labels = {};
  try {
    labels = JSON.parse(document.getElementById("ks-listen-labels").textContent);
  } catch (e) {
    return; // no words for the buttons: no buttons
  }

  function pageLang() {
    return (document.documentElement.getAttribute("lang") || "").toLowerCase();
  }

  function voiceFor(lang) {
    var base = lang.split("-")[0];
    var voices = synth.getVoices() || [];
    var exact = null;
    var close = null;
    for (var i = 0; i < voices.length; i++) {
      var voiceLang = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (voiceLang === lang && !exact) exact = voices[i];
      if (voiceLang.split("-")[0] === base && !close) close = voices[i];
    }
    return exact || close;
  }

  function texts(root) {
    var found = [];
    var blocks = root.querySelectorAll(BLOCKS);
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      if (block.closest(".ks-listen, [hidden], .headerlink")) continue;
      // A list item or cell that holds blocks of its own is read through them, once.
      if (block.querySelector(BLOCKS)) continue;
      var text = (block.innerText || "").replace(/\s+/g, " ").trim();
      if (text) found.push(text);
    }
    return found;
  }

  function setUp() {
    var article = document.querySelector(".md-content article, article");
    if (!article || article.querySelector(".ks-listen")) return;
    var lang = pageLang();
    var voice = voiceFor(lang);
    if (!voice) return;

    var box = document.createElement("div");
    box.className = "ks-listen";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", labels.listen);
    var play = button(labels.listen, "ks-listen__play");
    var pause = button(labels.pause, "ks-listen__pause");
    var stop = button(labels.stop, "ks-listen__stop");
    pause.hidden = true;
    stop.hidden = true;
    box.appendChild(play);
    box.appendChild(pause);
    box.appendChild(stop);

    var heading = article.querySelector("h1");
    if (heading && heading.parentNode) heading.parentNode.insertBefore(box, heading.nextSibling);
    else article.insertBefore(box, article.firstChild);

    var queue = [];
    var paused = false;

    function show(state) {
      // idle: Listen; speaking: Pause + Stop; paused: Resume + Stop.
      play.hidden = state !== "idle";
      pause.hidden = state === "idle";
      stop.hidden = state === "idle";
      pause.textContent = state === "paused" ? labels.resume : labels.pause;
      box.setAttribute("data-ks-state", state);
    }

    function finish() {
      queue = [];
      paused = false;
      synth.cancel();
      show("idle");
    }

    function next() {
      if (!queue.length) {
        finish();
        return;
      }
      var utterance = new window.SpeechSynthesisUtterance(queue.shift());
      utterance.lang = voice.lang || lang;
      utterance.voice = voice;
      utterance.onend = function () {
        if (box.getAttribute("data-ks-state") !== "idle") next();
      };
      synth.speak(utterance);
    }

    play.addEventListener("click", function () {
      synth.cancel();
      queue = texts(article);
      paused = false;
      show("speaking");
      next();
      pause.focus(); // the button pressed is gone: focus goes to the one that takes its place
    });
    pause.addEventListener("click", function () {
      if (paused) {
        paused = false;
        show("speaking");
        synth.resume();
      } else {
        paused = true;
        show("paused");
        synth.pause();
      }
    });
    stop.addEventListener("click", function () {
      finish();
      play.focus();
    });
    // Leaving the page (or Material's instant navigation swapping it) stops the reading.
    window.addEventListener("pagehide", function () { synth.cancel(); });
    show("idle");
  }

  function button(text, className) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "ks-listen__button " + className;
    b.textContent = text;
    return b;
  }

  function run() {
    if (voiceFor(pageLang())) {
      setUp();
    } else if (typeof synth.addEventListener === "function") {
      // Chromium lists its voices only after a moment; set up when they arrive.
      synth.addEventListener("voiceschanged", setUp);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run, { once: true });
  } else {
    run();
  }
})();
