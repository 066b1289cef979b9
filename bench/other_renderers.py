#!/usr/bin/python3
"""The same certificates drawn by the usual alternatives, for bench/run-certificates to compare with Mitra.

  other_renderers.py reportlab   CONTENT.json OUT_DIR [--count N]   one PDF per certificate with ReportLab
  other_renderers.py libreoffice CONTENT.json OUT_DIR [--count N]   one .fodt per certificate, then one
                                                                    `soffice --headless --convert-to pdf` batch

CONTENT.json is written by `bench_certificates --emit`: per certificate the lines of text it shows (with size,
weight and place), the QR payload and the verify note.  Prints "key value" lines like bench_certificates.

ReportLab cannot shape complex scripts: it draws one glyph per code point from the font's cmap, with no
OpenType shaping and no bidi, so Thai, Devanagari, Bengali, Gurmukhi, Tamil and Sinhala come out with wrong
conjuncts and vowel marks, and Urdu unjoined and left to right.  It cannot embed the CFF-flavoured Noto CJK
fonts either, so CJK and Hangul use Droid Sans Fallback (TrueType), which lacks 𠮷 (U+20BB7).  Its figures are
therefore a lower bound on what correct output would cost.  LibreOffice shapes everything (HarfBuzz).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

NOTO = "/usr/share/fonts/truetype/noto/"
DROID = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
MM = 72.0 / 25.4
PAGE_W, PAGE_H = 297 * MM, 210 * MM


def script_of(ch):
    cp = ord(ch)
    if 0x0E00 <= cp <= 0x0E7F: return "Thai"
    if 0x0900 <= cp <= 0x097F: return "Devanagari"
    if 0x0980 <= cp <= 0x09FF: return "Bengali"
    if 0x0A00 <= cp <= 0x0A7F: return "Gurmukhi"
    if 0x0B80 <= cp <= 0x0BFF: return "Tamil"
    if 0x0D80 <= cp <= 0x0DFF: return "Sinhala"
    if 0x0600 <= cp <= 0x06FF or 0xFB50 <= cp <= 0xFEFF: return "Arabic"
    if (0x1100 <= cp <= 0x11FF or 0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFF00 <= cp <= 0xFFEF or cp >= 0x20000):
        return "CJK"
    return None  # Latin, punctuation, spaces, joiners: stay with the run they are in


# ---- ReportLab ------------------------------------------------------------------------------------------------

def reportlab_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    files = {
        ("Latin", False, False): "NotoSans-Regular.ttf", ("Latin", False, True): "NotoSans-Bold.ttf",
        ("Latin", True, False): "NotoSerif-Regular.ttf", ("Latin", True, True): "NotoSerif-Bold.ttf",
        ("Thai", False, False): "NotoSansThai-Regular.ttf", ("Devanagari", False, False): "NotoSansDevanagari-Regular.ttf",
        ("Bengali", False, False): "NotoSansBengali-Regular.ttf", ("Gurmukhi", False, False): "NotoSansGurmukhi-Regular.ttf",
        ("Tamil", False, False): "NotoSansTamil-Regular.ttf", ("Sinhala", False, False): "NotoSansSinhala-Regular.ttf",
        ("Arabic", False, False): "NotoNaskhArabic-Regular.ttf",
    }
    names = {}
    for key, file in files.items():
        name = "-".join(str(k) for k in key)
        pdfmetrics.registerFont(TTFont(name, NOTO + file))
        names[key] = name
    if os.path.exists(DROID):
        pdfmetrics.registerFont(TTFont("CJK", DROID))
        names[("CJK", False, False)] = "CJK"
    else:
        names[("CJK", False, False)] = names[("Latin", False, False)]

    def font_for(script, serif, bold):
        if script is None or script == "Latin":
            return names[("Latin", serif, bold)]
        return names[(script, False, False)]
    return font_for


def runs(text, serif, bold, font_for):
    """Splits text into (font, text) runs by script; spaces, digits and punctuation stay in the run they are in."""
    out, current, script = [], "", None
    for ch in text:
        s = script_of(ch)
        if s is None and (ch.isalpha() or unicodedata.category(ch).startswith("M")) and ord(ch) < 0x2000:
            s = "Latin"
        if s is not None and script is not None and s != script and current:
            out.append((font_for(script, serif, bold), current))
            current = ""
        if s is not None:
            script = s
        current += ch
    if current:
        out.append((font_for(script, serif, bold), current))
    return out


def draw_line(canvas, line, font_for, text=None, y_mm=None):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    text = line["text"] if text is None else text
    pieces = runs(text, line["serif"], line["bold"], font_for)
    size = line["size_pt"]
    width = sum(stringWidth(t, f, size) for f, t in pieces)
    box = line["width_mm"] * MM
    if width > box > 0:  # shrink to fit, as Mitra does
        size, width = size * box / width, box
    x = line["x_mm"] * MM + (box - width) / 2
    y = PAGE_H - (line["y_mm"] if y_mm is None else y_mm) * MM
    for font, t in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, t)
        x += stringWidth(t, font, size)


def reportlab_one(cert, path, font_for):
    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.pdfgen.canvas import Canvas
    c = Canvas(path, pagesize=(PAGE_W, PAGE_H))
    c.setTitle("Certificate " + cert["serial"])
    c.setKeywords(cert["qr"])
    c.setStrokeColorRGB(0.12, 0.23, 0.37)
    c.setLineWidth(2.4)
    c.rect(7 * MM, 7 * MM, PAGE_W - 14 * MM, PAGE_H - 14 * MM)
    c.setStrokeColorRGB(0.66, 0.53, 0.31)
    c.setLineWidth(0.7)
    c.rect(10 * MM, 10 * MM, PAGE_W - 20 * MM, PAGE_H - 20 * MM)
    c.setFillColorRGB(0.12, 0.23, 0.37)
    for line in cert["lines"]:
        if line["modules"]:
            for i, module in enumerate(line["text"].split("\n")):
                draw_line(c, line, font_for, module, line["y_mm"] + i * line["size_pt"] * 1.4 / MM)
        else:
            draw_line(c, line, font_for)
    qr = QrCodeWidget(cert["qr"])
    x0, y0, x1, y1 = qr.getBounds()
    side = 34 * MM
    d = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    d.add(qr)
    renderPDF.draw(d, c, PAGE_W - 52 * MM, 18 * MM)
    c.setFont(font_for(None, False, False), 6)
    c.drawString(PAGE_W - 120 * MM, 14 * MM, cert["verify_note"])
    c.showPage()
    c.save()


def run_reportlab(certs, out):
    font_for = reportlab_fonts()
    reportlab_one(certs[0], os.path.join(out, "warm-up.pdf"), font_for)  # fonts parsed once, as Mitra's FontStack
    os.remove(os.path.join(out, "warm-up.pdf"))
    start = time.perf_counter()
    for cert in certs:
        reportlab_one(cert, os.path.join(out, cert["serial"] + ".pdf"), font_for)
    return time.perf_counter() - start


# ---- LibreOffice ----------------------------------------------------------------------------------------------

def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def qr_svg(payload):
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
    q = QRCode(None, QRErrorCorrectLevel.M)
    q.addData(payload)
    q.make()
    n = q.getModuleCount()
    rects = "".join('<rect x="%d" y="%d" width="1" height="1"/>' % (c + 4, r + 4)
                    for r in range(n) for c in range(n) if q.isDark(r, c))
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges">'
            '<rect width="100%%" height="100%%" fill="#fff"/><g fill="#000">%s</g></svg>' % (n + 8, n + 8, rects))


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:keyword>{keywords}</meta:keyword></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Noto Serif" svg:font-family="'Noto Serif'"/>
 <style:font-face style:name="Noto Sans" svg:font-family="'Noto Sans'"/>
 <style:font-face style:name="Noto Sans CJK JP" svg:font-family="'Noto Sans CJK JP'"/>
 <style:font-face style:name="Noto Nastaliq Urdu" svg:font-family="'Noto Nastaliq Urdu'"/>
</office:font-face-decls>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="297mm" fo:page-height="210mm"
  style:print-orientation="landscape" fo:margin-top="14mm" fo:margin-bottom="10mm" fo:margin-left="20mm" fo:margin-right="20mm"
  fo:border="2.4pt solid #1f3a5f" fo:padding="3mm"/></style:page-layout>
{styles}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
"""


def fodt(cert):
    styles, body = [], []
    for i, line in enumerate(cert["lines"]):
        family = "Noto Serif" if line["serif"] else "Noto Sans"
        styles.append(
            '<style:style style:name="P%d" style:family="paragraph"><style:paragraph-properties fo:text-align="center" '
            'fo:margin-top="0mm" fo:margin-bottom="1.2mm"/><style:text-properties style:font-name="%s" fo:font-size="%.1fpt" '
            'style:font-name-asian="Noto Sans CJK JP" style:font-size-asian="%.1fpt" style:font-name-complex="Noto Sans" '
            'style:font-size-complex="%.1fpt"%s/></style:style>'
            % (i, family, line["size_pt"], line["size_pt"], line["size_pt"],
               ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' if line["bold"] else ""))
        for text in line["text"].split("\n"):
            body.append('<text:p text:style-name="P%d">%s</text:p>' % (i, xml_escape(text)))
    svg = base64.b64encode(qr_svg(cert["qr"]).encode()).decode()
    body.append('<text:p text:style-name="P0"><draw:frame draw:name="qr" text:anchor-type="as-char" svg:width="30mm" '
                'svg:height="30mm"><draw:image><office:binary-data>%s</office:binary-data></draw:image></draw:frame></text:p>'
                % svg)
    body.append('<text:p text:style-name="P0">%s</text:p>' % xml_escape(cert["verify_note"]))
    return (FODT_HEAD.replace("{keywords}", xml_escape(cert["qr"])).replace("{styles}", "\n".join(styles))
            + "\n".join(body) + "\n</office:text></office:body></office:document>\n")


def soffice(args, profile):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    return subprocess.run([exe, "-env:UserInstallation=file://" + profile, "--headless", "--norestore"] + args,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)


def run_libreoffice(certs, out):
    src = tempfile.mkdtemp(prefix="mitra-bench-fodt-")
    profile = tempfile.mkdtemp(prefix="mitra-bench-lo-profile-")
    try:
        files = []
        for cert in certs:
            path = os.path.join(src, cert["serial"] + ".fodt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(fodt(cert))
            files.append(path)
        # The first start makes the user profile; a mail merge would run on a warm installation.
        soffice(["--convert-to", "pdf", "--outdir", out, files[0]], profile)
        os.remove(os.path.join(out, certs[0]["serial"] + ".pdf"))
        start = time.perf_counter()
        soffice(["--convert-to", "pdf", "--outdir", out] + files, profile)
        return time.perf_counter() - start
    finally:
        shutil.rmtree(src, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("reportlab", "libreoffice"):
        print(__doc__, file=sys.stderr)
        return 2
    tool, content, out = sys.argv[1], sys.argv[2], sys.argv[3]
    count = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--count" else None
    with open(content, encoding="utf-8") as f:
        certs = json.load(f)
    if count:
        certs = certs[:count]
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    seconds = (run_reportlab if tool == "reportlab" else run_libreoffice)(certs, out)
    sizes = sorted(os.path.getsize(os.path.join(out, c["serial"] + ".pdf")) for c in certs)
    print("certificates", len(certs))
    print("seconds", seconds)
    print("certs_per_second", len(certs) / seconds)
    print("bytes_median", sizes[len(sizes) // 2])
    print("bytes_max", sizes[-1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
