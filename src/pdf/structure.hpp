// Tagged PDF (ISO 32000-1 §14.7-14.8, aimed at PDF/UA-1): the structure tree of a libharu document, written through
// libharu's dictionary API (it has no tagging API of its own).
//
//   haru::Document doc;
//   Structure tags(doc.get(), "en");                      // /Lang of the document
//   HPDF_Page page = HPDF_AddPage(doc.get());
//   tags.mark(page, tags.add(tags.document(), Role::heading), [&] { text.draw(page, "Report", ...); });
//   tags.artifact(page, [&] { HPDF_Page_Rectangle(...); HPDF_Page_Stroke(page); });
//   tags.finish("Report");                                 // before doc.bytes()
//
// Each piece of content is a marked-content sequence in its page's content stream (/P <</MCID n>> BDC ... EMC)
// owned by a structure element; decorations are /Artifact BMC ... EMC. finish() writes the tree's root, its
// /ParentTree, each page's /StructParents and /Tabs, and the catalog's /MarkInfo, /Lang, /ViewerPreferences
// (DisplayDocTitle) and /Metadata (XMP: the title and the language); the title goes in Info too.
// Content drawn inside a Form XObject (the certificate's StaticLayer) is marked in the form's own stream and
// referenced by add_form_content() (an MCR naming the form and the page it is placed on). A form placed on several pages
// (a batch's print file shares one per language) is found from each page's elements, but its /StructParents entry, one
// per form, names the first page's: a lookup from the content to its element lands on that page.
// Call mark() and artifact() outside text objects and paths, as the text renderer itself must be.
#pragma once

#include <hpdf.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace mitra::pdf {

// The standard structure types Mitra writes.
enum class Role {
    document,
    part,
    heading,
    heading2,
    paragraph,
    span,
    figure,
    table,
    row,
    header_cell,
    cell,
    list,       // L
    list_item,  // LI
    list_body,  // LBody
};

// The structure type's name, as /S and the BDC tag write it ("H1", "P", "Figure", "TD", "L", ...).
const char* role_name(Role role);

// Marked content written straight into a page's content stream: "/<role> <</MCID n>> BDC", "EMC", and an
// artifact's "/Artifact BMC". Throws std::logic_error when the page is inside a text object or a path.
void begin_marked(HPDF_Page page, Role role, int mcid);
void end_marked(HPDF_Page page);
void begin_artifact(HPDF_Page page);

// The language a text in an unknown language is most likely in, from the first letter of a script other than
// Latin: hi (Devanagari), bn, pa, ta, si, th, ur (Arabic letters with Urdu's own among them, else ar), ko, ja
// (kana), zh (Han only); "" for Latin letters, digits and punctuation (the document's language then applies).
std::string script_language(std::string_view utf8);

// True when the text holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...).
bool has_rtl(std::string_view utf8);

// A PDF text string for `utf8`: literal when it is ASCII, UTF-16BE with its byte order mark otherwise.
void* text_string(HPDF_MMgr mmgr, std::string_view utf8);

class Structure {
public:
    // The tree of `doc`, whose content is in `language` (BCP 47, the catalog's /Lang).
    Structure(HPDF_Doc doc, std::string language);
    Structure(const Structure&) = delete;
    Structure& operator=(const Structure&) = delete;

    using Element = HPDF_Dict;

    // The /Document element at the root of the tree.
    Element document() const { return document_; }
    const std::string& language() const { return language_; }

    // A new element, the last child of `parent`; with /Lang when `lang` is given and differs from the language of
    // the document, with /Alt when `alt` is given (a figure's text alternative). A header cell heads its column
    // (/A <</O /Table /Scope /Column>>).
    // `actual`, when given, is its /ActualText: the text in logical order for a line holding right-to-left script,
    // whose glyphs the content shows in visual order (a reader that concatenates the content, as poppler's structure
    // text does, reads it backwards).
    Element add(Element parent, Role role, std::string_view lang = {}, std::string_view alt = {},
                std::string_view actual = {});

    // Content drawn by `draw` on `page`, marked as `element`'s (its next kid).
    void mark(HPDF_Page page, Element element, const std::function<void()>& draw);
    // Opens, and end_marked() closes, a marked-content sequence of `element` on `page`; returns its MCID.
    int begin(HPDF_Page page, Element element);

    // Decoration drawn by `draw`: no element owns it.
    static void artifact(HPDF_Page page, const std::function<void()>& draw);

    // Marked content whose element is made later (a certificate's elements are made in reading order once its
    // page is painted): reserve() takes the page's next MCID, attach() gives it to `element` as its next kid.
    int reserve(HPDF_Page page);
    void attach(Element element, HPDF_Page page, int mcid);

    // The content with MCID `mcid` in Form XObject `form`, placed on `page`, as `element`'s next kid.
    void add_form_content(Element element, HPDF_Page page, HPDF_Dict form, int mcid);

    // Writes the tree's root, parent tree and the catalog's entries, and `title` as the document's title (Info and
    // XMP), shown as the viewer's window title. Call once, before the document is saved.
    void finish(const std::string& title);

private:
    struct Content {
        HPDF_Dict owner = nullptr;     // the page or form whose stream holds the marks
        std::vector<Element> parents;  // by MCID; nullptr for one reserved and never attached
        int struct_parents = -1;       // its key in the parent tree
        bool page = false;             // a page (else a form)
    };
    Content& content_of(HPDF_Dict owner);
    void add_kid(Element element, void* kid);

    HPDF_Doc doc_;
    HPDF_MMgr mmgr_;
    std::string language_;
    HPDF_Dict root_;
    Element document_;
    std::map<HPDF_Dict, std::size_t> index_;  // owner -> contents_
    std::vector<Content> contents_;           // in the order first marked
    std::map<Element, Role> roles_;
    std::map<Element, HPDF_Page> pages_;  // an element's /Pg: the page of its first marked content
    bool finished_ = false;
};

}  // namespace mitra::pdf
