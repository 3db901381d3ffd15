// Starts Samverkan in the page: checks WebGL2, shows progress, and explains failures
// in words instead of leaving a blank page.
(function () {
  'use strict';
  var status = document.getElementById('status');
  var text = document.getElementById('status-text');
  function fail(sv, en, detail) {
    status.className = 'error';
    text.textContent = sv + ' / ' + en + (detail ? ' (' + detail + ')' : '');
  }
  var probe = document.createElement('canvas');
  if (!probe.getContext('webgl2')) {
    fail('Webbläsaren saknar WebGL 2, som Samverkan behöver. Prova en aktuell Chrome, Edge eller Firefox.',
         'This browser lacks WebGL 2, which Samverkan needs. Try a current Chrome, Edge or Firefox.');
    return;
  }
  window.samverkanFirstFrame = function () { status.className = 'hidden'; };
  window.Module = {
    canvas: document.getElementById('canvas'),
    print: function (s) { console.log(s); },
    printErr: function (s) { console.warn(s); },
    onAbort: function (what) {
      fail('Samverkan kunde inte starta.', 'Samverkan could not start.', String(what));
    },
  };
  var script = document.createElement('script');
  script.src = 'samverkan.js';
  script.onerror = function () {
    fail('Programfilen samverkan.js kunde inte laddas.', 'The program file samverkan.js could not be loaded.');
  };
  document.body.appendChild(script);
})();
