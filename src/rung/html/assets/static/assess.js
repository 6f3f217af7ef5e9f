// Progressive enhancement of an assessment draft (templates/assessment.html). Without this
// script the page works as a plain form ("Save ratings" posts every choice). With it, each
// radio change is saved at once through the API
//   PUT /api/v1/people/{id}/assessments/{aid}/ratings/{statement}  {"version", "rating"}
// with the session's CSRF token (from <meta name="csrf-token">) in X-CSRF-Token. The page's
// version fields follow every save, so the evidence and submit forms stay current. A save that
// meets a newer version (409, changed in another tab or device) shows both ratings and offers
// to keep mine (save again over the current version) or take theirs (show the stored one).
// Every outcome is announced in the page's aria-live status region, which also holds the
// count of rated statements ("18 of 22 rated · saved") and the progress bar beside it; the
// server renders both, so they are right without this script too.
(function () {
  "use strict";

  const form = document.getElementById("ratings-form");
  const status = document.getElementById("save-status");
  const bar = document.getElementById("rated-bar");
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !status || !meta || !window.fetch) {
    return;
  }
  const api = form.getAttribute("data-api");
  const token = meta.getAttribute("content");
  let version = Number(form.querySelector(".js-version").value);
  let queue = Promise.resolve();

  function setVersion(value) {
    version = value;
    document.querySelectorAll(".js-version").forEach((input) => {
      input.value = String(value);
    });
  }

  function part(name) {
    return status.querySelector("." + name);
  }

  // The rated count from the choices on the page (every fieldset with a checked radio).
  function showCount() {
    const fieldsets = document.querySelectorAll("fieldset[data-statement]");
    let rated = 0;
    fieldsets.forEach((fieldset) => {
      if (fieldset.querySelector('input[type="radio"]:checked')) {
        rated += 1;
      }
    });
    const total = Number(form.getAttribute("data-total")) || fieldsets.length;
    if (bar) {
      bar.value = rated;
    }
    if (part("js-rated-count")) {
      part("js-rated-count").textContent = rated + " of " + total + " rated";
    }
  }

  // state: "saving…", "saved" or "not saved"; detail: what happened, in words.
  function say(state, detail, isError) {
    showCount();
    if (part("js-save-state") && part("js-save-detail")) {
      part("js-save-state").textContent = state;
      part("js-save-detail").textContent = detail;
    } else {
      status.textContent = state + ": " + detail;
    }
    status.classList.toggle("save-status--error", Boolean(isError));
  }

  function fieldsetOf(statement) {
    return document.querySelector('fieldset[data-statement="' + CSS.escape(statement) + '"]');
  }

  function labelOf(statement, scale) {
    if (scale === null || scale === undefined || scale === "") {
      return "unrated";
    }
    const input = fieldsetOf(statement).querySelector('input[value="' + CSS.escape(scale) + '"]');
    return input && input.parentElement ? input.parentElement.textContent.trim() : scale;
  }

  function clearConflict(statement) {
    const note = fieldsetOf(statement).querySelector(".js-conflict");
    if (note) {
      note.remove();
    }
  }

  function button(text, onClick) {
    const out = document.createElement("button");
    out.type = "button";
    out.textContent = text;
    out.addEventListener("click", onClick);
    return out;
  }

  function takeTheirs(statement, conflict) {
    setVersion(conflict.current_version);
    fieldsetOf(statement).querySelectorAll('input[type="radio"]').forEach((input) => {
      input.checked = input.value === conflict.current_rating;
    });
    clearConflict(statement);
    say("saved", "Kept the stored rating “" + labelOf(statement, conflict.current_rating) + "”.");
  }

  function showConflict(statement, rating, conflict) {
    clearConflict(statement);
    const note = document.createElement("div");
    note.className = "conflict-note js-conflict";
    const text = document.createElement("p");
    text.textContent =
      "Changed elsewhere: yours " + labelOf(statement, rating) + ", stored " +
      labelOf(statement, conflict.current_rating) + ".";
    note.append(
      text,
      button("Keep mine", () => {
        setVersion(conflict.current_version);
        clearConflict(statement);
        enqueue(statement, rating);
      }),
      " ",
      button("Take theirs", () => takeTheirs(statement, conflict)),
    );
    fieldsetOf(statement).append(note);
    say("not saved", "This assessment was changed elsewhere. Choose keep mine or take theirs.", true);
  }

  async function save(statement, rating) {
    let response;
    let body = null;
    try {
      response = await fetch(api + "/ratings/" + encodeURIComponent(statement), {
        method: "PUT",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
        body: JSON.stringify({ version: version, rating: rating }),
      });
      body = await response.json();
    } catch (error) {
      say("not saved", "No answer from the server. Your choice is still selected: use Save ratings.", true);
      return;
    }
    if (response.ok) {
      setVersion(body.version);
      clearConflict(statement);
      say("saved", "Your rating “" + labelOf(statement, rating) + "” is saved.");
    } else if (response.status === 409 && body.error && body.error.conflict) {
      showConflict(statement, rating, body.error.conflict);
    } else {
      const message = body.error ? body.error.message : "the server answered " + response.status;
      say("not saved", message, true);
    }
  }

  function enqueue(statement, rating) {
    say("saving…", "");
    queue = queue.then(() => save(statement, rating));
  }

  document.querySelectorAll("fieldset[data-statement]").forEach((fieldset) => {
    fieldset.addEventListener("change", (event) => {
      if (event.target.type === "radio") {
        enqueue(fieldset.getAttribute("data-statement"), event.target.value);
      }
    });
  });
})();
