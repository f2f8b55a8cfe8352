// Added to every page by `sitegen serve` only, never written into a built site: reloads the page when
// the preview has been rebuilt (or has failed, or recovered). The server sends the number of its latest
// build; the page knows the number it was served with, from this script's data-version.
(function () {
  "use strict";
  var script = document.currentScript;
  var served = script.getAttribute("data-version");
  var events = new EventSource(script.getAttribute("data-events"));
  events.onmessage = function (message) {
    if (message.data !== served) {
      events.close();
      window.location.reload();
    }
  };
})();
