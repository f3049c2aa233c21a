// The judges' grid, saving as the judge goes. Progressive enhancement only:
// without this file the Save button saves every row.
//
// When the focus leaves a row whose inputs changed, the row alone is posted
// to the same address (asking for JSON). The answer gives each input's
// errors and the value the page now holds for it; the errors are shown in
// the cell and tied to the input, and a sentence ("Saved: …", "Not saved: …")
// is announced in the polite live region. Every text comes from the server,
// in the judge's language.
(function () {
  "use strict";

  function focusFromSummary() {
    // A link of the error summary puts the focus in the input it names.
    document.querySelectorAll(".staff-error-summary a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
        if (target) {
          event.preventDefault();
          target.focus();
        }
      });
    });
  }

  function inputsOf(row) {
    return row.querySelectorAll("input[type=text], select");
  }

  function stateOf(row) {
    return Array.prototype.map
      .call(inputsOf(row), function (input) {
        return input.value;
      })
      .join("\u0000");
  }

  function showErrors(input, errors) {
    var id = input.id + "_error";
    var box = document.getElementById(id);
    var cell = input.closest("td");
    var described = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (ref) {
      return ref && ref !== id;
    });
    if (errors.length) {
      if (!box) {
        box = document.createElement("p");
        box.id = id;
        box.className = "error-message";
        input.parentNode.insertBefore(box, input);
      }
      box.textContent = errors.join(" ");
      described.push(id);
      input.setAttribute("aria-invalid", "true");
      cell.classList.add("judging-grid__cell--error");
    } else {
      if (box) {
        box.remove();
      }
      input.removeAttribute("aria-invalid");
      cell.classList.remove("judging-grid__cell--error");
    }
    if (described.length) {
      input.setAttribute("aria-describedby", described.join(" "));
    } else {
      input.removeAttribute("aria-describedby");
    }
  }

  function start(form) {
    var status = form.querySelector("[data-grid-status]");
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    var saved = new WeakMap();

    function announce(text) {
      // Emptied first, so that the same sentence twice is said twice.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }

    function save(row) {
      var state = stateOf(row);
      var data = new FormData();
      data.append(token.name, token.value);
      row.querySelectorAll("input[name], select[name]").forEach(function (input) {
        data.append(input.name, input.value);
      });
      saved.set(row, state);
      fetch(form.action || window.location.href, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        // Finished even when the judge leaves the row for a link off the page.
        keepalive: true,
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          var type = response.headers.get("Content-Type") || "";
          if (!response.ok || type.indexOf("application/json") === -1) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (report) {
          Object.keys(report.fields).forEach(function (id) {
            var field = report.fields[id];
            var input = document.getElementById(id);
            var was = form.querySelector("input[name='" + field.was_name + "']");
            if (was) {
              was.value = field.was;
            }
            if (input) {
              showErrors(input, field.errors);
            }
          });
          // A row with errors is sent again once the judge changes it.
          announce(report.message);
        })
        .catch(function () {
          saved.delete(row); // Tried again when the focus next leaves it.
          announce(status.getAttribute("data-failed"));
        });
    }

    form.querySelectorAll("tr[data-grid-row]").forEach(function (row) {
      saved.set(row, stateOf(row));
    });

    form.addEventListener("focusout", function (event) {
      var row = event.target.closest("tr[data-grid-row]");
      var next = event.relatedTarget;
      if (!row || (next && row.contains(next))) {
        return;
      }
      if (next && next.form === form && next.type === "submit") {
        return; // The Save button is about to save every row.
      }
      if (saved.get(row) !== stateOf(row)) {
        save(row);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusFromSummary();
    var form = document.querySelector("form[data-judging-grid]");
    if (form && window.fetch && window.FormData) {
      start(form);
    }
  });
})();
