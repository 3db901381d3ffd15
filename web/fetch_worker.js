// Fetches a workspace link's answer on a thread of its own. On the page's main thread the
// download waited while the program compiled and drew its first frame (the browser stops
// reading once its buffer is full): a national workspace came a second later there.
// Asked by its name, {"id", "token"} as JSON, so that it starts as soon as it runs: a message
// posted to a worker that is still starting waits for the page's main thread to hand it over,
// and that thread is busy starting the program (the download began 0,8 s later so).
// Answers {head: {status, size}} once the headers have come (size:
// what the answer unpacks to, from X-Uncompressed-Length, else 0). A 200 answer then comes
// as it arrives, {piece} (an ArrayBuffer handed over, not copied) at a time, and {end: true}
// after the last; the program reads the workspace from the pieces while the rest downloads.
// Any other status comes whole, {status, bytes}. A failed download: {error}.
'use strict';
(function (link) {
  var asked = { headers: { Authorization: 'Bearer ' + link.token, Accept: 'application/json' }, cache: 'no-store' };
  fetch('/api/workspaces/' + encodeURIComponent(link.id), asked)
    .then(function (r) {
      self.postMessage({ head: { status: r.status, size: Number(r.headers.get('X-Uncompressed-Length')) || 0 } });
      if (r.status !== 200) {
        return r.arrayBuffer().then(function (bytes) { self.postMessage({ status: r.status, bytes: bytes }, [bytes]); });
      }
      // Kept for the worker's life: collected once read, the request was cancelled before the
      // browser had noted it complete, and reported as aborted.
      self.answer = r;
      var reader = r.body.getReader();
      var next = function () {
        return reader.read().then(function (d) {
          if (d.done) return self.postMessage({ end: true });
          var v = d.value;
          var piece = v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v.buffer : v.slice().buffer;
          self.postMessage({ piece: piece }, [piece]);
          return next();
        });
      };
      return next();
    })
    .catch(function () { self.postMessage({ error: 'network' }); });
})(JSON.parse(self.name));
