// Progressive enhancement of one-time secrets (a new API token on /account): shows the "Copy"
// button next to it and copies the secret to the clipboard. Without this script the secret is
// still selected whole by one click on it (CSS user-select: all), ready to copy.
"use strict";

document.querySelectorAll("button[data-copy]").forEach((button) => {
  const secret = document.getElementById(button.dataset.copy);
  if (!secret || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(secret.textContent.trim()).then(
      () => {
        button.textContent = "Copied";
      },
      () => {
        window.getSelection().selectAllChildren(secret);
        button.textContent = "Select and copy it by hand";
      },
    );
  });
});
