// pdfjs-text.mjs FILE.pdf: the text pdf.js (Firefox's viewer, and the text layer a screen reader reads there)
// extracts from each page, as getTextContent() gives it: items joined, a line break where pdf.js ends a line
// (hasEOL) and after each page.  test_pdf's [engines] tests run it in node.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pdfjs = await import(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"));

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, verbosity: 0, useSystemFonts: false, disableFontFace: true }).promise;
let out = "";
for (let p = 1; p <= doc.numPages; ++p) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
        if (!("str" in item)) continue;
        out += item.str;
        if (item.hasEOL) out += "\n";
    }
    out += "\n\f";
}
process.stdout.write(out);
