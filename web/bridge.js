// Text from the page to C++ goes through the heap. ccall's 'string' argument copies it onto
// the wasm stack (5 MB in this Emscripten), so a workspace of a few MB overwrote memory and
// the app died with "memory access out of bounds".
Module['callText'] = function (name, returnType, argTypes, args) {
  var heap = [];
  var types = argTypes.map(function (t) { return t === 'string' ? 'number' : t; });
  var values = args.map(function (value, i) {
    if (argTypes[i] !== 'string') return value;
    var text = value == null ? '' : String(value);
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    if (!ptr) throw new Error('Samverkan: out of memory for ' + size + ' bytes of text');
    stringToUTF8(text, ptr, size);
    heap.push(ptr);
    return ptr;
  });
  try {
    return Module.ccall(name, returnType, types, values);
  } finally {
    heap.forEach(function (ptr) { _free(ptr); });
  }
};
