// The editor's preview (`groupsite serve --watch` only): reloads the page when the content
// changes. The server sends the content version on connecting and after every reload.
(() => {
  const script = document.currentScript;
  const events = new EventSource(script.dataset.events);
  let shown = null;
  events.onmessage = (event) => {
    if (shown === null) shown = event.data;
    else if (event.data !== shown) location.reload();
  };
})();
