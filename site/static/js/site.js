// Progressive enhancement only: every feature works without this file.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    // Move focus to the error summary so a screen reader reads it first.
    var summary = document.querySelector("[data-error-summary]");
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
    // Coming back from a display setting: keep the settings panel open.
    var panel = document.getElementById("display-options");
    if (panel && window.location.hash === "#display-options") {
      panel.open = true;
    }
  });
})();
