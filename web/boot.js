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
  // The app's own context, made here rather than in a probe canvas: the app's
  // getContext later returns this one, so the browser sets up WebGL once, while the
  // program is still downloading. The attributes are the app's (GLFW hints in main.cpp):
  // no antialiasing, depth, stencil or alpha, which ImGui does not use.
  var canvas = document.getElementById('canvas');
  var gl = canvas.getContext('webgl2', { antialias: false, alpha: false, depth: false, stencil: false });
  if (!gl) {
    fail('Webbläsaren saknar WebGL 2, som Samverkan behöver. Prova en aktuell Chrome, Edge eller Firefox.',
         'This browser lacks WebGL 2, which Samverkan needs. Try a current Chrome, Edge or Firefox.');
    return;
  }
  window.samverkanFirstFrame = function () { status.className = 'hidden'; };
  window.Module = {
    canvas: canvas,
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
