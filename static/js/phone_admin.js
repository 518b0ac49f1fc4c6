/* Names for the admin's unnamed controls (axe at 375 px), and small phone fixes.
   editorial/wagtail_hooks.py loads it on every admin page. Widgets that mount later
   (Draftail, modals, tag fields) are named as they appear. */
(function () {
  "use strict";

  function labelTextFor(element) {
    // The block's own label ("Paragraf"), else the field's label, else the page's.
    var block = element.closest("[data-contentpath], .w-field, .c-sf-container__block-container");
    var label = block && block.querySelector(".c-sf-block__type, label, .w-field__label");
    var text = label ? label.textContent.replace(/\s+/g, " ").trim() : "";
    return text || document.documentElement.getAttribute("data-serambi-body-label") || "Isi";
  }

  function nameRichTextEditors(root) {
    root.querySelectorAll("[contenteditable='true'][role='textbox']").forEach(function (editor) {
      if (!editor.getAttribute("aria-label") && !editor.getAttribute("aria-labelledby")) {
        editor.setAttribute("aria-label", labelTextFor(editor));
      }
    });
  }

  var dialogs = 0;
  function nameDialogs(root) {
    root.querySelectorAll(".modal[role='dialog'], .modal").forEach(function (modal) {
      if (modal.getAttribute("aria-labelledby") || modal.getAttribute("aria-label")) return;
      var heading = modal.querySelector("h1, h2");
      if (!heading) return;
      if (!heading.id) {
        dialogs += 1;
        heading.id = "serambi-dialog-title-" + dialogs;
      }
      modal.setAttribute("aria-labelledby", heading.id);
    });
  }

  function nameUnlabelledInputs(root) {
    // Tag fields: the jQuery tag widget types into an input of its own, unlabelled.
    root.querySelectorAll("input.ui-autocomplete-input").forEach(function (input) {
      if (input.getAttribute("aria-label") || input.getAttribute("aria-labelledby")) return;
      var field = input.closest(".w-field, li, .field");
      var label = field && field.querySelector("label");
      if (label) {
        if (!label.id) label.id = "serambi-label-" + Math.random().toString(36).slice(2);
        input.setAttribute("aria-labelledby", label.id);
      } else {
        input.setAttribute("aria-label", "Tag");
      }
    });
    // The multiple image upload: a file input behind a drop zone, unlabelled.
    var upload = root.querySelector ? root.querySelector("#fileupload") : null;
    if (upload && !upload.getAttribute("aria-label") && !upload.labels.length) {
      var button = document.querySelector(".replace-file-input button, .drop-zone p");
      upload.setAttribute(
        "aria-label",
        button ? button.textContent.replace(/\s+/g, " ").trim() : "Pilih gambar"
      );
    }
  }

  function nameAll() {
    nameRichTextEditors(document);
    nameDialogs(document);
    nameUnlabelledInputs(document);
  }

  var scheduled = false;
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      nameAll();
    });
  }

  // The date and time pickers stay open once a time is picked and cover the schedule
  // dialog's "Simpan jadwal" on a phone: close them when a time is picked, and before
  // that button is pressed.
  function closePickers() {
    document.querySelectorAll(".xdsoft_datetimepicker").forEach(function (picker) {
      picker.style.display = "none";
    });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest(".xdsoft_time")) window.setTimeout(closePickers, 0);
  });
  document.addEventListener(
    "pointerdown",
    function (event) {
      if (event.target.closest("#schedule-publishing-dialog .action-save")) closePickers();
    },
    true
  );

  document.addEventListener("DOMContentLoaded", function () {
    nameAll();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  });
})();
