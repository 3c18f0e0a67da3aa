// The printable view's "Print" button: shown only when scripts run (printing works
// without it through the browser's own command).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
