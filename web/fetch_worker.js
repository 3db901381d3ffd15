// Fetches a workspace link's answer on a thread of its own. On the page's main thread the
// download waited while the program compiled and drew its first frame (the browser stops
// reading once its buffer is full): a national workspace came a second later there.
// Asked with {id, token}; answers {size} when the headers say what the answer unpacks to,
// {progress: [loaded, total]} now and then, and at the end {status, bytes} (the ArrayBuffer
// handed over, not copied) or {error}.
'use strict';
self.onmessage = function (e) {
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/api/workspaces/' + encodeURIComponent(e.data.id));
  xhr.setRequestHeader('Authorization', 'Bearer ' + e.data.token);
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.responseType = 'arraybuffer';
  xhr.onreadystatechange = function () {
    var size = xhr.readyState === 2 ? Number(xhr.getResponseHeader('X-Uncompressed-Length')) : 0;
    if (size > 0) self.postMessage({ size: size });
  };
  xhr.onprogress = function (p) { self.postMessage({ progress: [p.loaded, p.lengthComputable ? p.total : 0] }); };
  xhr.onload = function () {
    var bytes = xhr.response || new ArrayBuffer(0);
    self.postMessage({ status: xhr.status, bytes: bytes }, [bytes]);
  };
  xhr.onerror = function () { self.postMessage({ error: 'network' }); };
  xhr.send();
};
