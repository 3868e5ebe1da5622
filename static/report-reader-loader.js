// Starts the reading worker (src/bin/report-reader.rs): its wasm-bindgen glue, then its wasm,
// both beside this file. Trunk's own loader shim passes the wasm's address in a form
// wasm-bindgen warns about; this one passes the object it asks for.
importScripts("./report-reader.js");
wasm_bindgen({ module_or_path: "./report-reader_bg.wasm" });
