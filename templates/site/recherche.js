// delib: the search of the register's site. The page lists every act without this script;
// with it, a field filters the list by number and words of the subject, accents and capitals
// aside. No network, no storage: the acts come from index-recherche.js, loaded before.
(function () {
  "use strict";
  var acts = globalThis.delibActs;
  var box = document.getElementById("recherche");
  var field = document.getElementById("recherche-champ");
  var status = document.getElementById("recherche-etat");
  var rows = document.querySelectorAll("#liste-actes tbody tr");
  if (!Array.isArray(acts) || !box || !field || !status || rows.length !== acts.length) return;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var keys = acts.map(function (act) {
    return fold(act.n + " " + act.t + " " + act.d);
  });
  var template = status.getAttribute("data-template") || "{shown} / {total}";

  function filter() {
    var words = fold(field.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var match = words.every(function (word) {
        return keys[i].indexOf(word) >= 0;
      });
      rows[i].hidden = !match;
      if (match) shown++;
    }
    status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }

  box.hidden = false;
  field.addEventListener("input", filter);
  var query = new URLSearchParams(location.search).get("q");
  if (query) field.value = query;
  filter();
})();
