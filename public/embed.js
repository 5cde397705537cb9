// Optional helper for pages that embed charts of the disclosure dashboard: each embed reports its content
// height with postMessage whenever it changes, and this sets the iframe it came from to that height, taller or
// shorter. Include it once per page.
(function () {
  if (window.__disclosureEmbed) return;
  window.__disclosureEmbed = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'disclosure-embed:height' || typeof data.height !== 'number') return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(Math.min(Math.max(data.height, 100), 5000)) + 'px';
      }
    }
  });
})();
