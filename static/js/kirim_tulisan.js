// Kirim tulisan's credit rows (importer/templates/importer/preview.html). Without
// JavaScript, "Tambah kredit" asks the server for another row and a row goes with its
// "Hapus kredit ini" box; with it, a row is added or removed on the spot.
(function () {
  "use strict";

  function enhance(row, label) {
    var box = row.querySelector("input[type=checkbox][name$='-DELETE']");
    var holder = row.querySelector("[data-credit-delete]");
    if (!box || !holder || row.querySelector("[data-credit-remove]")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary button-small";
    button.textContent = label;
    button.setAttribute("aria-label", holder.textContent.trim() || label);
    button.setAttribute("data-credit-remove", "");
    button.addEventListener("click", function () {
      box.checked = true;
      row.hidden = true;
      var next = row.parentNode.querySelector("[data-credit-row]:not([hidden]) input[type=text]");
      var add = document.querySelector("[data-credit-add]");
      (next || add || document.body).focus();
    });
    holder.hidden = true;
    holder.insertAdjacentElement("afterend", button);
  }

  function setUp(list) {
    var form = list.closest("form");
    var total = form && form.querySelector("input[name='credits-TOTAL_FORMS']");
    var max = form && form.querySelector("input[name='credits-MAX_NUM_FORMS']");
    var template = document.getElementById("credit-row-template");
    var add = form && form.querySelector("[data-credit-add]");
    var label = list.dataset.removeLabel || "Hapus";
    list.querySelectorAll("[data-credit-row]").forEach(function (row) {
      enhance(row, label);
    });
    if (!total || !template || !add) return;
    add.addEventListener("click", function (event) {
      var index = parseInt(total.value, 10) || 0;
      if (max && index >= parseInt(max.value, 10)) return;
      event.preventDefault();
      list.insertAdjacentHTML(
        "beforeend",
        template.innerHTML.replace(/__prefix__/g, String(index))
      );
      total.value = String(index + 1);
      var row = list.lastElementChild;
      enhance(row, label);
      var name = row.querySelector("input[type=text]");
      if (name) name.focus();
    });
  }

  document.querySelectorAll("[data-import-credits]").forEach(setUp);
})();
