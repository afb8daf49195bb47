// Runs before the first paint (a blocking script in <head>, app/layout.tsx): the reader's choice
// from the header's toggle, else their system setting, as data-theme on <html> (app/globals.css).
(function () {
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function chosen() {
    try {
      var value = localStorage.getItem("theme");
      return value === "dark" || value === "light" ? value : null;
    } catch (e) {
      return null;
    }
  }
  function apply() {
    document.documentElement.dataset.theme = chosen() || (media.matches ? "dark" : "light");
  }
  apply();
  media.addEventListener("change", apply);
  window.addEventListener("storage", apply);
})();
