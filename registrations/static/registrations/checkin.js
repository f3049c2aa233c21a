// The check-in desk without a page load. Progressive enhancement only:
// without this file each code posts the form and the page's title carries
// the answer.
//
// A code or a name is posted as the form would post it; from the page that
// comes back, the answer is written into the live region that has been on
// the page since it opened (#checkin-result), so a screen reader says it,
// and the counts, the form and the list of matches are replaced. The focus
// stays in the field for the next code. Every text comes from the server.
(function () {
  "use strict";

  var desk = document.querySelector("[data-checkin-desk]");
  if (!desk || !window.fetch || !window.DOMParser) {
    return;
  }
  var answers = 0;

  function replace(fresh, id) {
    var old = document.getElementById(id);
    var next = fresh.querySelector("#" + id);
    if (old && next) {
      old.replaceWith(document.importNode(next, true));
    }
  }

  function announce(fresh) {
    var region = document.getElementById("checkin-result");
    var next = fresh.querySelector("#checkin-result");
    if (!region || !next) {
      return;
    }
    // Emptied first, then filled: the same answer twice is said twice.
    region.className = next.className;
    region.setAttribute("role", next.getAttribute("role") || "status");
    region.textContent = "";
    window.requestAnimationFrame(function () {
      region.innerHTML = next.innerHTML;
      answers += 1;
      desk.setAttribute("data-checkin-answers", String(answers));
      desk.removeAttribute("data-checkin-busy");
    });
  }

  function show(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var fresh = page.querySelector("[data-checkin-desk]");
    if (!fresh) {
      return false;
    }
    document.title = page.title;
    replace(fresh, "checkin-counts");
    replace(fresh, "checkin-form");
    replace(fresh, "checkin-matches");
    var field = document.querySelector("#checkin-form input[name=query]");
    if (field) {
      field.focus();
    }
    announce(fresh);
    return true;
  }

  desk.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || desk.hasAttribute("data-checkin-busy")) {
      return;
    }
    event.preventDefault();
    desk.setAttribute("data-checkin-busy", "");
    fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) {
        return response.text();
      })
      .then(function (html) {
        if (!show(html)) {
          throw new Error("no check-in desk in the answer");
        }
      })
      .catch(function () {
        desk.removeAttribute("data-checkin-busy");
        form.submit();
      });
  });
})();
