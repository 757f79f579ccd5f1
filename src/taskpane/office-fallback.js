// Runs right after the CDN <script> for office.js, in taskpane.html and commands.html. When the CDN
// could not be reached (offline network, blocked CDN) – or its file loaded but did not run – the
// copy shipped in assets/office-js/ is written in its place, before the app's deferred scripts run.
// It is a file, not an inline script, so the server's Content-Security-Policy ('self') allows it.
(function () {
  if (window.Office) return;
  // office.js fetches its other files from beside the first <script> named office.js:
  // drop the failed CDN tag so that the local copy is that script.
  var cdn = document.getElementById('office-js-cdn');
  if (cdn && cdn.parentNode) cdn.parentNode.removeChild(cdn);
  document.write('<script src="assets/office-js/office.js"></script>');
})();
