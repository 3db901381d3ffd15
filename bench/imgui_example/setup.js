// The canvas Emscripten's GLFW draws into, at the window's size.
var Module = { canvas: document.getElementById('canvas') };
Module.canvas.width = window.innerWidth;
Module.canvas.height = window.innerHeight;
