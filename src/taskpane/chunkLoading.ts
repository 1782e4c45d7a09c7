// Lazy loading inside the single HTML file (dist/so-chuyen-de.html). Its sections' chunks
// are not files next to it but strings in the page (window.__soChunks, written by
// scripts/single-file-plugin.js); when webpack asks for a chunk's file name, it gets a
// blob: URL made from that string, so a chunk is parsed and run only when first opened.
// Blob URLs belong to the page itself: no file is read and nothing goes on the network.
declare let __webpack_get_script_filename__: (chunkId: string | number) => string;

const inlined = (globalThis as { __soChunks?: Record<string, string> }).__soChunks;
if (inlined) {
  const fileOf = __webpack_get_script_filename__;
  const urls = new Map<string, string>();
  __webpack_get_script_filename__ = (chunkId) => {
    const file = fileOf(chunkId);
    const source = inlined[file];
    if (source === undefined) return file;
    let url = urls.get(file);
    if (url === undefined) {
      url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      urls.set(file, url);
    }
    return url;
  };
}

export {};
