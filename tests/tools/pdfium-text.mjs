// pdfium-text.mjs FILE.pdf: the text PDFium (Chrome's PDF viewer: what its copy and its accessibility tree read)
// extracts from each page, as FPDFText_GetText gives a page's whole text page (PDFium's own line breaks kept), and
// a form feed after each page.  PDFium runs as WebAssembly (@embedpdf/pdfium); test_pdf's [engines] tests run this
// in node.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { init } = await import(require.resolve("@embedpdf/pdfium"));
const pdfium = await init({ wasmBinary: readFileSync(require.resolve("@embedpdf/pdfium/pdfium.wasm")) });
pdfium.PDFiumExt_Init();
const heap = pdfium.pdfium;

function fail(what) {
    process.stderr.write(`pdfium-text: ${what} (FPDF_GetLastError ${pdfium.FPDF_GetLastError()})\n`);
    process.exit(1);
}

const bytes = readFileSync(process.argv[2]);
const data = heap.wasmExports.malloc(bytes.length);
heap.HEAPU8.set(bytes, data);
const doc = pdfium.FPDF_LoadMemDocument(data, bytes.length, "");
if (!doc) fail(`cannot open ${process.argv[2]}`);

let out = "";
const pages = pdfium.FPDF_GetPageCount(doc);
for (let p = 0; p < pages; ++p) {
    const page = pdfium.FPDF_LoadPage(doc, p);
    if (!page) fail(`cannot load page ${p + 1}`);
    const text = pdfium.FPDFText_LoadPage(page);
    if (!text) fail(`cannot read the text of page ${p + 1}`);
    const chars = pdfium.FPDFText_CountChars(text);
    // UTF-16 code units, one more for the terminating NUL that FPDFText_GetText writes.
    const buffer = heap.wasmExports.malloc((chars + 1) * 2);
    const written = pdfium.FPDFText_GetText(text, 0, chars, buffer);
    out += heap.UTF16ToString(buffer, Math.max(0, written - 1) * 2);
    out += "\n\f";
    heap.wasmExports.free(buffer);
    pdfium.FPDFText_ClosePage(text);
    pdfium.FPDF_ClosePage(page);
}
pdfium.FPDF_CloseDocument(doc);
heap.wasmExports.free(data);
process.stdout.write(out);
