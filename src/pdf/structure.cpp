// The structure tree of a tagged PDF, its marked content and the catalog entries a reader looks for.
#include "pdf/structure.hpp"

#include "core/text.hpp"
#include "pdf/haru.hpp"

#include <stdexcept>

namespace mitra::pdf {

const char* role_name(Role role) {
    switch (role) {
        case Role::document: return "Document";
        case Role::part: return "Part";
        case Role::heading: return "H1";
        case Role::heading2: return "H2";
        case Role::paragraph: return "P";
        case Role::span: return "Span";
        case Role::figure: return "Figure";
        case Role::table: return "Table";
        case Role::row: return "TR";
        case Role::header_cell: return "TH";
        case Role::cell: return "TD";
        case Role::list: return "L";
        case Role::list_item: return "LI";
        case Role::list_body: return "LBody";
    }
    return "P";
}

namespace {

void write(HPDF_Page page, const std::string& operators) {
    if (!haru::in_page_description(page))
        throw std::logic_error("marked content must begin and end outside text objects and paths");
    haru::check(haru::append(haru::page_stream(page), operators), "writing marked content");
}

bool is_ascii(std::string_view s) {
    for (unsigned char ch : s)
        if (ch < 0x20 || ch > 0x7E) return false;
    return true;
}

// The language's primary subtag, lower case ("ur" of "ur-Arab").
std::string primary(std::string_view lang) {
    std::string p(lang.substr(0, lang.find_first_of("-_")));
    for (char& ch : p) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return p;
}

std::string xml_escaped(std::string_view s) {
    std::string out;
    for (char ch : s) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += ch;
        }
    }
    return out;
}

}  // namespace

std::string script_language(std::string_view utf8) {
    bool han = false;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto step = code_point_at(utf8, i).value_or(CodePointAt{0xFFFD, 1});
        const char32_t cp = step.cp;
        i += step.length;
        if (cp >= 0x0900 && cp <= 0x097F) return "hi";
        if (cp >= 0x0980 && cp <= 0x09FF) return "bn";
        if (cp >= 0x0A00 && cp <= 0x0A7F) return "pa";
        if (cp >= 0x0B80 && cp <= 0x0BFF) return "ta";
        if (cp >= 0x0D80 && cp <= 0x0DFF) return "si";
        if (cp >= 0x0E00 && cp <= 0x0E7F) return "th";
        if (cp >= 0xAC00 && cp <= 0xD7AF) return "ko";
        if (cp >= 0x3040 && cp <= 0x30FF) return "ja";
        if ((cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) han = true;
        if (cp >= 0x0600 && cp <= 0x06FF) {
            for (std::size_t k = 0; k < utf8.size();) {
                const auto s = code_point_at(utf8, k).value_or(CodePointAt{0xFFFD, 1});
                k += s.length;
                // ٹ ڈ ڑ ں ھ ہ ی ے: letters Urdu writes and Arabic does not.
                for (char32_t urdu : {0x0679, 0x0688, 0x0691, 0x06BA, 0x06BE, 0x06C1, 0x06CC, 0x06D2})
                    if (s.cp == urdu) return "ur";
            }
            return "ar";
        }
    }
    return han ? "zh" : "";
}

bool has_rtl(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const auto step = code_point_at(utf8, i).value_or(CodePointAt{0xFFFD, 1});
        i += step.length;
        const char32_t cp = step.cp;
        if ((cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
            (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF))
            return true;
    }
    return false;
}

void begin_marked(HPDF_Page page, Role role, int mcid) {
    write(page, std::string("/") + role_name(role) + " <</MCID " + std::to_string(mcid) + ">> BDC\n");
}

void end_marked(HPDF_Page page) { write(page, "EMC\n"); }

void begin_artifact(HPDF_Page page) { write(page, "/Artifact BMC\n"); }

void* text_string(HPDF_MMgr mmgr, std::string_view utf8) {
    if (is_ascii(utf8)) {
        const std::string value(utf8);
        return haru::not_null(HPDF_String_New(mmgr, value.c_str(), nullptr), "text string");
    }
    std::string bytes = "\xFE\xFF";
    auto unit = [&](char32_t u) {
        bytes += static_cast<char>(u >> 8);
        bytes += static_cast<char>(u & 0xFF);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto step = code_point_at(utf8, i).value_or(CodePointAt{0xFFFD, 1});
        char32_t cp = step.cp;
        i += step.length;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            unit(0xD800 + (cp >> 10));
            unit(0xDC00 + (cp & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return haru::not_null(
        HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size())),
        "text string");
}

Structure::Structure(HPDF_Doc doc, std::string language)
    : doc_(doc), mmgr_(haru::mmgr(doc)), language_(language.empty() ? "en" : std::move(language)) {
    root_ = haru::not_null(HPDF_Dict_New(mmgr_), "structure tree root");
    haru::make_indirect(doc_, root_);
    HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
    document_ = add(nullptr, Role::document);
    haru::check(HPDF_Dict_Add(root_, "K", document_), "the structure tree");
}

Structure::Element Structure::add(Element parent, Role role, std::string_view lang, std::string_view alt,
                                  std::string_view actual) {
    Element e = haru::not_null(HPDF_Dict_New(mmgr_), "structure element");
    haru::make_indirect(doc_, e);
    HPDF_Dict_AddName(e, "Type", "StructElem");
    HPDF_Dict_AddName(e, "S", role_name(role));
    HPDF_Dict_Add(e, "P", parent ? parent : root_);
    if (!lang.empty() && primary(lang) != primary(language_)) HPDF_Dict_Add(e, "Lang", text_string(mmgr_, lang));
    if (!alt.empty()) HPDF_Dict_Add(e, "Alt", text_string(mmgr_, alt));
    if (!actual.empty()) HPDF_Dict_Add(e, "ActualText", text_string(mmgr_, actual));
    if (role == Role::header_cell) {  // every header cell Mitra writes heads its column
        HPDF_Dict attributes = haru::not_null(HPDF_Dict_New(mmgr_), "table attributes");
        HPDF_Dict_AddName(attributes, "O", "Table");
        HPDF_Dict_AddName(attributes, "Scope", "Column");
        HPDF_Dict_Add(e, "A", attributes);
    }
    if (parent) add_kid(parent, e);
    roles_[e] = role;
    return e;
}

void Structure::add_kid(Element element, void* kid) {
    auto* kids = static_cast<HPDF_Array>(HPDF_Dict_GetItem(element, "K", HPDF_OCLASS_ARRAY));
    if (!kids) {
        kids = haru::not_null(HPDF_Array_New(mmgr_), "structure element kids");
        HPDF_Dict_Add(element, "K", kids);
    }
    haru::check(HPDF_Array_Add(kids, kid), "a structure element's kids");
}

Structure::Content& Structure::content_of(HPDF_Dict owner) {
    auto [it, made] = index_.emplace(owner, contents_.size());
    if (made) contents_.push_back({owner, {}, -1, false});
    return contents_[it->second];
}

int Structure::reserve(HPDF_Page page) {
    Content& content = content_of(page);
    content.page = true;
    content.parents.push_back(nullptr);
    return static_cast<int>(content.parents.size()) - 1;
}

void Structure::attach(Element element, HPDF_Page page, int mcid) {
    Content& content = content_of(page);
    if (mcid < 0 || static_cast<std::size_t>(mcid) >= content.parents.size() || content.parents[mcid])
        throw std::logic_error("Structure::attach: MCID " + std::to_string(mcid) + " not reserved on the page");
    content.parents[static_cast<std::size_t>(mcid)] = element;
    // A kid on the element's page is its MCID; on another page, a marked-content reference naming the page.
    auto [pg, first] = pages_.emplace(element, page);
    if (first) HPDF_Dict_Add(element, "Pg", page);
    if (pg->second == page) {
        add_kid(element, haru::not_null(HPDF_Number_New(mmgr_, mcid), "MCID"));
    } else {
        HPDF_Dict ref = haru::not_null(HPDF_Dict_New(mmgr_), "marked-content reference");
        HPDF_Dict_AddName(ref, "Type", "MCR");
        HPDF_Dict_Add(ref, "Pg", page);
        HPDF_Dict_AddNumber(ref, "MCID", mcid);
        add_kid(element, ref);
    }
}

int Structure::begin(HPDF_Page page, Element element) {
    const int mcid = reserve(page);
    attach(element, page, mcid);
    begin_marked(page, roles_.at(element), mcid);
    return mcid;
}

void Structure::mark(HPDF_Page page, Element element, const std::function<void()>& draw) {
    begin(page, element);
    draw();
    end_marked(page);
}

void Structure::artifact(HPDF_Page page, const std::function<void()>& draw) {
    begin_artifact(page);
    draw();
    end_marked(page);
}

void Structure::add_form_content(Element element, HPDF_Page page, HPDF_Dict form, int mcid) {
    Content& content = content_of(form);
    if (content.parents.size() <= static_cast<std::size_t>(mcid))
        content.parents.resize(static_cast<std::size_t>(mcid) + 1, nullptr);
    // A form placed on several pages has one entry in the parent tree: the first page's elements.
    if (!content.parents[static_cast<std::size_t>(mcid)]) content.parents[static_cast<std::size_t>(mcid)] = element;
    HPDF_Dict ref = haru::not_null(HPDF_Dict_New(mmgr_), "marked-content reference");
    HPDF_Dict_AddName(ref, "Type", "MCR");
    HPDF_Dict_Add(ref, "Pg", page);
    HPDF_Dict_Add(ref, "Stm", form);
    HPDF_Dict_AddNumber(ref, "MCID", mcid);
    add_kid(element, ref);
}

void Structure::finish(const std::string& title) {
    if (finished_) throw std::logic_error("Structure::finish() called twice");
    finished_ = true;
    // The parent tree: for each content stream, its elements by MCID.
    HPDF_Dict tree = haru::not_null(HPDF_Dict_New(mmgr_), "parent tree");
    HPDF_Array nums = haru::not_null(HPDF_Array_New(mmgr_), "parent tree");
    HPDF_Dict_Add(tree, "Nums", nums);
    int key = 0;
    for (Content& content : contents_) {
        content.struct_parents = key++;
        HPDF_Array_AddNumber(nums, content.struct_parents);
        HPDF_Array parents = haru::not_null(HPDF_Array_New(mmgr_), "parent tree entry");
        HPDF_Array_Add(nums, parents);
        for (Element e : content.parents)
            HPDF_Array_Add(parents, e ? static_cast<void*>(e) : static_cast<void*>(HPDF_Null_New(mmgr_)));
        HPDF_Dict_AddNumber(content.owner, "StructParents", content.struct_parents);
    }
    HPDF_Dict_Add(root_, "ParentTree", tree);
    HPDF_Dict_AddNumber(root_, "ParentTreeNextKey", key);

    // Tab order follows the structure (PDF/UA-1 7.18.3).
    for (Content& content : contents_)
        if (content.page) HPDF_Dict_AddName(content.owner, "Tabs", "S");

    HPDF_Dict catalog = haru::catalog(doc_);
    HPDF_Dict_Add(catalog, "StructTreeRoot", root_);
    HPDF_Dict mark_info = haru::not_null(HPDF_Dict_New(mmgr_), "MarkInfo");
    HPDF_Dict_Add(mark_info, "Marked", HPDF_Boolean_New(mmgr_, HPDF_TRUE));
    HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
    HPDF_Dict_Add(catalog, "Lang", text_string(mmgr_, language_));
    HPDF_Dict viewer = haru::not_null(HPDF_Dict_New(mmgr_), "ViewerPreferences");
    HPDF_Dict_Add(viewer, "DisplayDocTitle", HPDF_Boolean_New(mmgr_, HPDF_TRUE));
    HPDF_Dict_Add(catalog, "ViewerPreferences", viewer);

    HPDF_Dict_Add(haru::info(doc_), "Title", text_string(mmgr_, title));
    HPDF_Dict xmp = haru::not_null(HPDF_DictStream_New(mmgr_, haru::xref(doc_)), "XMP metadata");
    HPDF_Dict_AddName(xmp, "Type", "Metadata");
    HPDF_Dict_AddName(xmp, "Subtype", "XML");
    const std::string packet =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
        xml_escaped(title) +
        "</rdf:li></rdf:Alt></dc:title>\n"
        "<dc:language><rdf:Bag><rdf:li>" +
        xml_escaped(language_) +
        "</rdf:li></rdf:Bag></dc:language>\n"
        "<xmp:CreatorTool>Mitra</xmp:CreatorTool>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    haru::check(haru::append(haru::stream_of(xmp), packet), "the XMP metadata");
    HPDF_Dict_Add(catalog, "Metadata", xmp);
    haru::require_version(doc_, HPDF_VER_17);
    haru::check(HPDF_GetError(doc_), "the structure tree");
}

}  // namespace mitra::pdf
