// A live "used / allowed" counter under every admin field whose limit the server keeps
// (data-serambi-max-length, see contributors.forms.NoSilentCutMixin). The browser no
// longer cuts a paste at the limit; the counter shows how far over it is, and saving
// gives a form error that names the limit.
(function () {
  "use strict";

  function attach(field) {
    if (field.dataset.serambiCounted) return;
    field.dataset.serambiCounted = "1";
    var limit = parseInt(field.dataset.serambiMaxLength, 10);
    var counter = document.createElement("p");
    counter.className = "serambi-counter";
    counter.setAttribute("aria-live", "polite");
    counter.id = (field.id || field.name) + "-counter";
    field.setAttribute(
      "aria-describedby",
      ((field.getAttribute("aria-describedby") || "") + " " + counter.id).trim()
    );
    field.insertAdjacentElement("afterend", counter);

    function update() {
      var used = field.value.length;
      counter.textContent = used + " / " + limit;
      counter.classList.toggle("serambi-counter--over", used > limit);
    }
    field.addEventListener("input", update);
    update();
  }

  function attachAll(root) {
    root.querySelectorAll("[data-serambi-max-length]").forEach(attach);
  }

  document.addEventListener("DOMContentLoaded", function () {
    attachAll(document);
    // Inline panels (links, credits) add fields after the page has loaded.
    new MutationObserver(function () {
      attachAll(document);
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
