// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  function announce(button, message) {
    var section = button.closest(".share");
    var status = section && section.querySelector("[data-share-status]");
    if (status) status.textContent = message;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http (a local server, an old phone): fall back to a hidden text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy-url");
      copyText(url).then(
        function () { announce(button, "Tautan disalin."); },
        function () { announce(button, "Tautan tidak bisa disalin otomatis: " + url); }
      );
    });
  });

  if (typeof navigator.share === "function") {
    document.querySelectorAll("[data-native-share]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({
          title: button.getAttribute("data-share-title"),
          url: button.getAttribute("data-share-url")
        }).catch(function () { /* The reader closed the share sheet. */ });
      });
    });
  }
  // Reads: one POST to the article's beacon once the page has been visible for
  // READ_AFTER_MS in all, once per article per tab session. No cookie: the flag
  // lives in sessionStorage and is gone when the tab closes.
  var READ_AFTER_MS = 10000;
  function countRead(article) {
    var url = article.getAttribute("data-read-beacon");
    var flag = "serambi-read:" + url;
    try {
      if (window.sessionStorage.getItem(flag)) return;
    } catch (e) {
      return;  // Storage refused (private mode): better no count than many.
    }
    var seen = 0, since = null, timer = null;
    function start() {
      if (since !== null || document.visibilityState !== "visible") return;
      since = Date.now();
      timer = window.setTimeout(done, READ_AFTER_MS - seen);
    }
    function stop() {
      if (since === null) return;
      seen += Date.now() - since;
      since = null;
      window.clearTimeout(timer);
    }
    function onVisibility() {
      if (document.visibilityState === "visible") { start(); } else { stop(); }
    }
    function done() {
      stop();
      if (seen < READ_AFTER_MS) { start(); return; }
      document.removeEventListener("visibilitychange", onVisibility);
      try { window.sessionStorage.setItem(flag, "1"); } catch (e) { return; }
      navigator.sendBeacon(url);
    }
    document.addEventListener("visibilitychange", onVisibility);
    start();
  }

  if (typeof navigator.sendBeacon === "function") {
    document.querySelectorAll("[data-read-beacon]").forEach(countRead);
  }
})();

// Embedded videos: the page shows a local placeholder that links to the video. A tap
// swaps in the player (privacy-enhanced domain, autoplaying), so nothing is fetched
// from the video site before the reader asks for it.
(function () {
  "use strict";

  document.querySelectorAll("a[data-video-player]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var player = link.getAttribute("data-video-player");
      if (!/^https:\/\//.test(player)) return;
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = player;
      frame.title = link.getAttribute("data-video-title") || "Video";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      link.replaceWith(frame);
      frame.focus();
    });
  });
})();

// Quick exit: the button, or Escape anywhere on a page that has one, replaces this page
// with the neutral site, so Back does not come back here. The read flags of this tab
// go first, and the referrer is dropped as the plain link's rel="noreferrer" drops it.
(function () {
  "use strict";

  var link = document.querySelector("a[data-quick-exit]");
  if (!link) return;

  function leave(event) {
    event.preventDefault();
    try { window.sessionStorage.clear(); } catch (e) { /* Storage refused: nothing kept. */ }
    var policy = document.createElement("meta");
    policy.name = "referrer";
    policy.content = "no-referrer";
    document.head.appendChild(policy);
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") leave(event);
  });
})();
