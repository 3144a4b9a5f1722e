// Progressive enhancement only: every page reads fully without JavaScript.
// On a review page, the legend's checkboxes switch each kind of highlight on and off.
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("review-text");
  const legend = document.getElementById("legend");
  if (!text || !legend) return;
  legend.querySelectorAll("input[data-kind]").forEach((box) => {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
});
