// The batch page updates itself while the batch runs. Progressive
// enhancement only: without this file the page has a link that shows the
// progress now. Every word comes from the server (the status endpoint and
// the page), already translated.
//
// A screen reader is not flooded: the text and the progress bar change every
// two seconds, but the polite live region speaks at most every ten seconds,
// at once when a quarter, a half or three quarters are done, and when the
// batch ends.
(function () {
  "use strict";

  var POLL_MS = 2000;
  var ANNOUNCE_EVERY_MS = 10000;
  var MILESTONES = [25, 50, 75];
  var MAX_FAILURES = 5;

  function milestoneOf(percent) {
    var reached = 0;
    MILESTONES.forEach(function (value) {
      if (percent >= value) {
        reached = value;
      }
    });
    return reached;
  }

  function percentOf(done, total) {
    return total ? Math.round((100 * done) / total) : 100;
  }

  function follow(root) {
    var url = root.getAttribute("data-status-url");
    var status = root.querySelector("[data-batch-status]");
    var summary = root.querySelector("[data-batch-summary]");
    var bar = root.querySelector("progress");
    var live = root.querySelector("[data-batch-announcement]");
    var refresh = root.querySelector("[data-batch-refresh]");
    var resume = root.querySelector("[data-batch-resume]");
    var errors = document.querySelector("[data-batch-errors]");
    var errorList = errors ? errors.querySelector("ul") : null;
    if (!url || !status || !summary || !bar || !live) {
      return;
    }

    var lastAnnouncedAt = Date.now();
    var lastAnnounced = "";
    var milestone = milestoneOf(percentOf(Number(bar.value), Number(bar.max)));
    var failures = 0;

    function announce(text) {
      live.textContent = text;
      lastAnnounced = text;
      lastAnnouncedAt = Date.now();
    }

    function showErrors(items) {
      if (!errors || !errorList) {
        return;
      }
      if (errorList.children.length !== items.length) {
        while (errorList.firstChild) {
          errorList.removeChild(errorList.firstChild);
        }
        items.forEach(function (item) {
          var entry = document.createElement("li");
          var name = document.createElement("strong");
          name.textContent = item.name;
          entry.appendChild(name);
          entry.appendChild(document.createTextNode(": " + item.error));
          errorList.appendChild(entry);
        });
      }
      errors.hidden = items.length === 0;
    }

    function update(data) {
      status.textContent = data.status_label + ".";
      summary.textContent = data.summary;
      bar.max = Math.max(data.total, 1);
      bar.value = data.done;
      bar.textContent = data.percent + "%";
      showErrors(data.errors || []);

      if (!data.running) {
        announce(data.text);
        if (refresh && refresh.getAttribute("data-finished-label")) {
          refresh.textContent = refresh.getAttribute("data-finished-label");
        }
        if (resume && data.status === "done") {
          resume.hidden = true;
        }
        root.setAttribute("data-running", "false");
        return;
      }
      var reached = milestoneOf(data.percent);
      if (reached > milestone) {
        milestone = reached;
        announce(data.text);
      } else if (
        Date.now() - lastAnnouncedAt >= ANNOUNCE_EVERY_MS &&
        data.text !== lastAnnounced
      ) {
        announce(data.text);
      }
      window.setTimeout(poll, POLL_MS);
    }

    function poll() {
      window
        .fetch(url, {
          credentials: "same-origin",
          cache: "no-store",
          headers: { Accept: "application/json" },
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("status " + response.status);
          }
          return response.json();
        })
        .then(function (data) {
          failures = 0;
          update(data);
        })
        .catch(function () {
          // The server is restarting or the session ended: try a few more
          // times, more slowly, then leave it to the link.
          failures += 1;
          if (failures < MAX_FAILURES) {
            window.setTimeout(poll, POLL_MS * 2 * failures);
          }
        });
    }

    window.setTimeout(poll, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var roots = document.querySelectorAll("[data-batch-progress][data-running='true']");
    Array.prototype.forEach.call(roots, follow);
  });
})();
