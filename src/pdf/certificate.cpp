// Lays a certificate template out on libharu pages: frame, images, text blocks, signatures, QR code.
#include "pdf/certificate.hpp"

#include "core/date_format.hpp"
#include "core/identity.hpp"
#include "core/serial.hpp"
#include "core/text.hpp"
#include "pdf/haru.hpp"
#include "pdf/qr.hpp"
#include "pdf/shaping.hpp"
#include "pdf/stream_deflate.hpp"
#include "pdf/text_renderer.hpp"

#include <hpdf.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace mitra::pdf {
namespace {

namespace fs = std::filesystem;

// ---- what the content says, in a language ------------------------------------------------------

bool is_english(const std::string& language) { return language.empty() || language.substr(0, 2) == "en"; }

std::string country_name(const std::string& country) {
  // The programme's countries by ISO 3166 code, in English; anything else is printed as given.
  static const std::map<std::string, std::string> names = {
      {"AF", "Afghanistan"}, {"BD", "Bangladesh"},  {"BT", "Bhutan"},      {"KH", "Cambodia"},
      {"CN", "China"},       {"HK", "Hong Kong"},   {"IN", "India"},       {"ID", "Indonesia"},
      {"JP", "Japan"},       {"KR", "Korea"},       {"LA", "Lao PDR"},     {"MO", "Macao"},
      {"MY", "Malaysia"},    {"MV", "Maldives"},    {"MN", "Mongolia"},    {"MM", "Myanmar"},
      {"NP", "Nepal"},       {"PK", "Pakistan"},    {"PH", "Philippines"}, {"SG", "Singapore"},
      {"LK", "Sri Lanka"},   {"TW", "Taiwan"},      {"TH", "Thailand"},    {"TL", "Timor-Leste"},
      {"VN", "Viet Nam"},    {"AU", "Australia"},   {"NZ", "New Zealand"}, {"FJ", "Fiji"},
  };
  const auto it = names.find(country);
  return it == names.end() ? country : it->second;
}

std::string hours_text(int minutes) {
  if (minutes % 60 == 0) return std::to_string(minutes / 60);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", minutes / 60.0);
  return buf;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// A date in a right-to-left language's cohort, kept whole and in its own order inside a line that may start
// left to right (the site's name, "Issued on"): without the isolate an Urdu date's numbers and words are
// reordered with the line's. First-strong, as only some such languages have their own month names (the others
// print the English date, which stays left to right).
std::string isolated(const std::string& date, const std::string& language) {
  return is_right_to_left(language) ? "\u2068" + date + "\u2069" : date;
}

std::string field_text(TextField field, const CertificateContent& c, const std::string& language) {
  switch (field) {
    case TextField::full_name: return c.full_name;
    case TextField::latin_name: return c.latin_name == c.full_name ? "" : c.latin_name;
    case TextField::curriculum_title: return c.curriculum_title.in(language);
    case TextField::curriculum_title_en: return c.curriculum_title.in("en");
    case TextField::site_and_dates: {
      std::string place = c.site;
      const std::string country = country_name(c.country);
      if (!country.empty()) place += (place.empty() ? "" : ", ") + country;
      const std::string dates = isolated(format_date_range(c.start_date, c.end_date, language), language);
      return place.empty() ? dates : place + "  ·  " + dates;
    }
    case TextField::trainers: {
      std::string names;
      for (const auto& t : c.trainers) names += (names.empty() ? "" : "  ·  ") + t.name;
      return names;
    }
    case TextField::serial: return c.serial;
    case TextField::issued_on: return isolated(format_date(c.issued_on, language), language);
    case TextField::modules:
    case TextField::none: return "";
  }
  return "";
}

// The fields that are the person's own: never laid out for a whole batch, nor kept in a cache.
constexpr TextField kPersonalFields[] = {TextField::full_name, TextField::latin_name, TextField::serial};

// What a name in Latin letters is mostly written with.
constexpr std::string_view kLatinNameCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-'.";

bool is_personal_field(TextField f) {
  return std::find(std::begin(kPersonalFields), std::end(kPersonalFields), f) != std::end(kPersonalFields);
}

std::string placeholder(TextField f) { return "{" + std::string(field_name(f)) + "}"; }

// The template's text with each {field} replaced by its value, in one pass (a value is never read for fields);
// with `personal` false, the person's own fields by a space.
std::string fill_placeholders(const std::string& text, const CertificateContent& c, const std::string& language,
                              bool personal = true) {
  if (text.find('{') == std::string::npos) return text;
  static constexpr TextField kFields[] = {TextField::full_name,       TextField::latin_name,
                                          TextField::curriculum_title, TextField::curriculum_title_en,
                                          TextField::site_and_dates,   TextField::trainers,
                                          TextField::serial,           TextField::issued_on};
  std::string out;
  for (std::size_t at = 0; at < text.size();) {
    std::optional<TextField> field;
    std::size_t length = 0;
    if (text[at] == '{')
      for (TextField f : kFields)
        if (const std::string p = placeholder(f); text.compare(at, p.size(), p) == 0) field = f, length = p.size();
    if (!field) {
      out += text[at++];
      continue;
    }
    out += personal || !is_personal_field(*field) ? field_text(*field, c, language) : " ";
    at += length;
  }
  return out;
}

std::string block_text(const TextBlock& block, const CertificateContent& c, const std::string& language) {
  if (block.field != TextField::none) return field_text(block.field, c, language);
  return fill_placeholders(block.text.in(language), c, language);
}

// What a block shows around the person's own fields (nothing for a block that is one of them).
std::string block_words(const TextBlock& block, const CertificateContent& c, const std::string& language) {
  if (block.field != TextField::none) return "";
  return fill_placeholders(block.text.in(language), c, language, false);
}

bool shows_serial(const TextBlock& block, const std::string& language) {
  if (block.field != TextField::none) return block.field == TextField::serial;
  return block.text.in(language).find(placeholder(TextField::serial)) != std::string::npos;
}

// "title — 6 hours", one per module, in the block's language.
std::vector<std::string> module_lines(const TextBlock& block, const CertificateContent& c, const std::string& language) {
  std::vector<std::string> lines;
  for (const auto& m : c.modules) {
    const std::string hours = replace_all(block.hours_format.in(language), "{hours}", hours_text(m.minutes));
    lines.push_back(m.title.in(language) + " — " + hours);
  }
  return lines;
}

Align to_align(TextAlign a) {
  return a == TextAlign::left ? Align::left : a == TextAlign::right ? Align::right : Align::centre;
}

void set_fill(HPDF_Page page, const Colour& c) {
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
}

void set_stroke(HPDF_Page page, const Colour& c) {
  HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                         static_cast<HPDF_REAL>(c.b));
}

void check_printable(const CertificateContent& c) {
  for (const std::string* ascii : {&c.qr_text, &c.verify_note, &c.serial})
    for (unsigned char ch : *ascii)
      if (ch < 0x20 || ch > 0x7E)
        throw std::invalid_argument("certificate " + c.serial +
                                    ": the serial, QR text and verify note must be printable ASCII");
}

// ---- one page ----------------------------------------------------------------------------------
}  // namespace

// The QR symbols of one write_certificate_files() call: a certificate's file and its page of the print file
// show the same symbol, and encoding one (its mask chosen) is worth doing once. Lives only as
// long as the call, so no one's data stays behind in the renderer.
struct QrMemo {
  std::unordered_map<std::string, QrMatrix> matrices;
  const QrMatrix& get(const std::string& text) {
    auto it = matrices.find(text);
    if (it == matrices.end()) it = matrices.emplace(text, encode_qr(text)).first;
    return it->second;
  }
};

// What every certificate of a batch in one language shows alike (frame, rules, the template's text, the
// curriculum, site and dates, the trainers), laid out once as a Form XObject's content with its fonts frozen:
// each certificate embeds them as they are and draws only its own part (name, serial, QR code) itself, in
// those fonts where they have the glyphs.  Holds no participant's data.
struct StaticLayer {
  std::string content_deflated;  // the form's content stream, deflated
  std::vector<std::pair<std::string, std::shared_ptr<const FrozenFont>>> fonts;  // its /Font resources by name
};

// The layers of one write_certificate_files() or render_batch() call (the template stays the same through
// it), by what they show.  A null layer: that text needs what a font cannot take to another document
// (outlines), so each certificate lays its page out whole.
struct LayerMemo {
  static constexpr std::size_t kCapacity = 64;  // languages and trainer lists; starts again empty when full
  std::unordered_map<std::string, std::shared_ptr<const StaticLayer>> layers;
  template <class Build>
  std::shared_ptr<const StaticLayer> get(std::string key, Build build) {
    auto it = layers.find(key);
    if (it != layers.end()) return it->second;
    auto made = build();
    if (layers.size() >= kCapacity) layers.clear();
    return layers.emplace(std::move(key), std::move(made)).first->second;
  }
};

namespace {

class PageLayout {
 public:
  PageLayout(haru::Document& doc, TextRenderer& text, ShapeCache& shapes, const CertificateTemplate& tmpl, QrMemo* qr_memo,
             LayerMemo* layers)
      : doc_(doc), text_(text), shapes_(shapes), tmpl_(tmpl), qr_memo_(qr_memo), layers_(layers) {
    std::tie(width_, height_) = page_size_pt(tmpl);
  }

  void draw(const CertificateContent& c) {
    check_printable(c);
    start_page(c);
    const std::vector<Planned> blocks = plan(c);
    std::shared_ptr<const StaticLayer> layer;
    if (layers_ && text_.embedded_fonts())
      layer = layers_->get(layer_key(c, blocks), [&] { return build_layer(c, blocks); });
    draw_part(c, blocks, layer ? Part::personal : Part::whole, layer);
    doc_.check("cannot draw the certificate for " + c.serial);
  }

 private:
  enum class Part { whole, fixed, personal };  // fixed: what a StaticLayer holds; personal: the rest

  // A text block as this certificate shows it.
  struct Planned {
    const TextBlock* block;
    std::string text, language;
    bool shown;
    bool personal;  // shows the person's own fields
    bool on_page;   // drawn on each page, not in the layer: personal, or in the name's font (one font then has both)
  };

  void start_page(const CertificateContent& c) {
    page_ = HPDF_AddPage(doc_.get());
    doc_.check("cannot add a page");
    HPDF_Page_SetWidth(page_, static_cast<HPDF_REAL>(width_));
    HPDF_Page_SetHeight(page_, static_cast<HPDF_REAL>(height_));
    language_ = c.language.empty() ? "en" : c.language;
    english_ = is_english(language_);
  }

  std::vector<Planned> plan(const CertificateContent& c) const {
    std::vector<Planned> out;
    std::string previous;
    const TextBlock* name = nullptr;
    for (const auto& block : tmpl_.texts)
      if (block.field == TextField::full_name) name = &block;
    for (const auto& block : tmpl_.texts) {
      std::string language = block.language == BlockLanguage::english ? "en" : language_;
      std::string text = block.field == TextField::modules ? join(module_lines(block, c, language), "\n")
                                                           : block_text(block, c, language);
      // The English line under a translated one: left out for an English cohort, and when it would
      // repeat the line before it (no translation in the cohort's language).
      const bool repeats = block.only_bilingual && (english_ || text == previous);
      previous = text;
      const bool personal = block.field != TextField::modules && is_personal(block, language);
      const bool shown = !repeats && !text.empty();
      const bool name_font = name && block.font == name->font && block.bold == name->bold;
      out.push_back({&block, std::move(text), std::move(language), shown, personal, personal || name_font});
    }
    return out;
  }

  // The painting order: paper, background image, frame, images, rules, text, signatures, QR code.  A layer
  // holds the rules, the template's text and the signature lines and names, and the frame too when there are
  // no images (the frame lies under them); it is painted after the images.  The blocks in the name's font, the
  // signature images and the QR code come after the layer's text.
  void draw_part(const CertificateContent& c, const std::vector<Planned>& blocks, Part part,
                 const std::shared_ptr<const StaticLayer>& layer) {
    const bool fixed = part != Part::personal, personal = part != Part::fixed;
    const bool frame_shared = tmpl_.images.empty();
    if (personal) {
      if (tmpl_.paper) {
        set_fill(page_, *tmpl_.paper);
        HPDF_Page_Rectangle(page_, 0, 0, static_cast<HPDF_REAL>(width_), static_cast<HPDF_REAL>(height_));
        HPDF_Page_Fill(page_);
      }
      if (tmpl_.background) draw_image(tmpl_.background->file, 0, 0, width_, height_);
    }
    if (frame_shared ? fixed : personal)
      for (const auto& line : tmpl_.frame) draw_frame_line(line);
    if (personal)
      for (const auto& image : tmpl_.images) draw_template_image(image);
    if (layer) place(layer);
    if (fixed)
      for (const auto& rule : tmpl_.rules) draw_rule(rule);
    for (const auto& b : blocks)
      if (b.on_page ? personal : fixed) draw_block(b, blocks, c);
    if (tmpl_.signatures.present) draw_signatures(c, fixed, personal);
    if (personal && tmpl_.qr.present && !c.qr_text.empty()) draw_qr_block(c);
  }

  // Everything the fixed part draws depends on: the language, the template's texts as filled, the trainers,
  // and the verify note's words (whose glyphs the layer's fonts also take).
  std::string layer_key(const CertificateContent& c, const std::vector<Planned>& blocks) const {
    std::string key;
    auto add = [&](const std::string& part) {
      key += std::to_string(part.size());
      key += ':';
      key += part;
    };
    add(std::to_string(reinterpret_cast<std::uintptr_t>(&tmpl_)));  // the memo lives through one call, one template
    add(language_);
    for (const auto& b : blocks) {
      if (!b.on_page) add((b.shown ? "+" : "-") + b.text);
      else if (b.personal) add("*" + block_words(*b.block, c, b.language));  // shown or not: see build_layer()
    }
    for (const auto& t : c.trainers) {
      add(t.name);
      add(t.latin_name);
      add(t.role);
    }
    add(note_words(c));
    return key;
  }

  static std::string note_words(const CertificateContent& c) {
    return c.serial.empty() ? c.verify_note : replace_all(c.verify_note, c.serial, " ");
  }

  TextStyle note_style() const { return {"sans", false, tmpl_.qr.note_size_pt, "en"}; }

  // Lays the fixed part out on a page of a document of its own and keeps what another document needs of it.
  // `blocks`: this page's plan(c), which the scratch page (same template and language) shares.
  std::shared_ptr<const StaticLayer> build_layer(const CertificateContent& c, const std::vector<Planned>& blocks) {
    haru::Document scratch;
    TextRenderer text(scratch.get(), text_.fonts());
    PageLayout layout(scratch, text, shapes_, tmpl_, nullptr, nullptr);
    layout.start_page(c);
    layout.draw_part(c, blocks, Part::fixed, nullptr);
    // The layer's fonts also take the glyphs of what each certificate writes in them (the verify note and
    // serial), so those need no font of their own.
    auto reserve = [&](const std::string& words, const TextStyle& st) {
      if (!words.empty()) text.reserve(shapes_.shape(words, st));
    };
    // Shown on this certificate or not (an empty Latin name), so that one layer serves the whole batch.
    for (const auto& b : blocks) {
      if (!b.personal) continue;
      const TextStyle st = style(*b.block, b.block->field == TextField::latin_name ? "" : b.language);
      if (b.block->field == TextField::latin_name) {
        reserve(std::string(kLatinNameCharacters), st);  // a Latin name rarely needs a font of its own then
      } else if (b.block->field != TextField::full_name) {
        reserve(block_words(*b.block, c, b.language), st);
        if (shows_serial(*b.block, b.language)) reserve(std::string(kSerialCharacters), st);
      }
    }
    if (tmpl_.qr.present && !c.qr_text.empty()) {
      reserve(note_words(c), note_style());
      reserve(std::string(kSerialCharacters), note_style());
    }
    scratch.check("cannot lay out the certificate's template text");
    FontEmbedder* fonts = text.embedded_fonts();
    if (!fonts || !text.only_fonts()) return nullptr;
    fonts->finish();
    const HPDF_Dict contents = haru::page_contents(layout.page_);
    fonts->patch(contents);
    auto layer = std::make_shared<StaticLayer>();
    layer->content_deflated = deflate_bytes(haru::stream_bytes(haru::stream_of(contents)));
    for (auto& [font, frozen] : fonts->freeze())
      layer->fonts.emplace_back(fonts->name_on(layout.page_, *font), std::move(frozen));
    scratch.check("cannot lay out the certificate's template text");
    return layer;
  }

  // Paints the layer, made a Form XObject of this document (with its fonts) the first time.
  void place(const std::shared_ptr<const StaticLayer>& layer) {
    HPDF_Dict& form = forms_[layer];
    if (!form) {
      HPDF_MMgr mm = haru::mmgr(doc_.get());
      form = HPDF_DictStream_New(mm, haru::xref(doc_.get()));
      doc_.check("cannot make the certificate's template form");
      haru::mark_xobject(form);
      HPDF_Dict_AddName(form, "Type", "XObject");
      HPDF_Dict_AddName(form, "Subtype", "Form");
      HPDF_Array box = HPDF_Array_New(mm);
      HPDF_Dict_Add(form, "BBox", box);
      for (double v : {0.0, 0.0, width_, height_}) HPDF_Array_AddReal(box, static_cast<HPDF_REAL>(v));
      HPDF_Dict resources = HPDF_Dict_New(mm);
      HPDF_Dict_Add(form, "Resources", resources);
      HPDF_Dict font_names = HPDF_Dict_New(mm);
      HPDF_Dict_Add(resources, "Font", font_names);
      doc_.check("cannot make the certificate's template form");
      for (const auto& [name, frozen] : layer->fonts)
        HPDF_Dict_Add(font_names, name.c_str(), FontEmbedder::object(*text_.embedded_fonts()->adopt(frozen)));
      store_deflated(form, layer->content_deflated);
      doc_.check("cannot make the certificate's template form");
    }
    HPDF_Page_GSave(page_);
    HPDF_Page_ExecuteXObject(page_, form);
    HPDF_Page_GRestore(page_);
  }

  double x(double mm) const { return mm_to_pt(mm); }
  double y(double mm_from_top) const { return height_ - mm_to_pt(mm_from_top); }

  HPDF_Image image(const std::string& file) {
    auto it = images_.find(file);
    if (it != images_.end()) return it->second;
    std::string ext = fs::path(file).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return std::tolower(ch); });
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) throw std::runtime_error("image " + file + " is not there");
    HPDF_Image img = ext == ".png" ? HPDF_LoadPngImageFromFile(doc_.get(), file.c_str())
                                   : HPDF_LoadJpegImageFromFile(doc_.get(), file.c_str());
    doc_.check("cannot read the image " + file + " (PNG or baseline JPEG expected)");
    if (!img) throw std::runtime_error("cannot read the image " + file);
    return images_[file] = img;
  }

  // (left, bottom) in points; height 0 keeps the image's aspect.
  void draw_image(const std::string& file, double left, double bottom, double w, double h) {
    HPDF_Image img = image(file);
    if (h <= 0) h = w * HPDF_Image_GetHeight(img) / std::max<HPDF_UINT>(1, HPDF_Image_GetWidth(img));
    HPDF_Page_DrawImage(page_, img, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(bottom),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  }

  void draw_template_image(const TemplateImage& im) {
    HPDF_Image img = image(im.file);
    const double w = mm_to_pt(im.width_mm);
    const double h = im.height_mm > 0 ? mm_to_pt(im.height_mm)
                                      : w * HPDF_Image_GetHeight(img) / std::max<HPDF_UINT>(1, HPDF_Image_GetWidth(img));
    draw_image(im.file, x(im.x_mm), y(im.y_mm) - h, w, h);
  }

  void draw_frame_line(const FrameLine& line) {
    const double i = mm_to_pt(line.inset_mm), c = mm_to_pt(line.corner_mm);
    const double x0 = i, y0 = i, x1 = width_ - i, y1 = height_ - i;
    set_stroke(page_, line.colour);
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(line.width_pt));
    auto f = [](double v) { return static_cast<HPDF_REAL>(v); };
    if (c <= 0) {
      HPDF_Page_Rectangle(page_, f(x0), f(y0), f(x1 - x0), f(y1 - y0));
    } else {
      // Concave quarter-circle corners (centred on each corner point), as on engraved certificates.
      const double k = 0.5523 * c;
      HPDF_Page_MoveTo(page_, f(x0 + c), f(y0));
      HPDF_Page_LineTo(page_, f(x1 - c), f(y0));
      HPDF_Page_CurveTo(page_, f(x1 - c), f(y0 + k), f(x1 - k), f(y0 + c), f(x1), f(y0 + c));
      HPDF_Page_LineTo(page_, f(x1), f(y1 - c));
      HPDF_Page_CurveTo(page_, f(x1 - k), f(y1 - c), f(x1 - c), f(y1 - k), f(x1 - c), f(y1));
      HPDF_Page_LineTo(page_, f(x0 + c), f(y1));
      HPDF_Page_CurveTo(page_, f(x0 + c), f(y1 - k), f(x0 + k), f(y1 - c), f(x0), f(y1 - c));
      HPDF_Page_LineTo(page_, f(x0), f(y0 + c));
      HPDF_Page_CurveTo(page_, f(x0 + k), f(y0 + c), f(x0 + c), f(y0 + k), f(x0 + c), f(y0));
      HPDF_Page_ClosePath(page_);
    }
    HPDF_Page_Stroke(page_);
  }

  void draw_rule(const Rule& rule) {
    set_stroke(page_, rule.colour);
    HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(rule.width_pt));
    const double at = y(english_ && rule.y_english_mm ? *rule.y_english_mm : rule.y_mm);
    HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(x(rule.x_mm)), static_cast<HPDF_REAL>(at));
    HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(x(rule.x_mm + rule.width_mm)), static_cast<HPDF_REAL>(at));
    HPDF_Page_Stroke(page_);
  }

  // Points (page coordinates, y up) between which a block's lines may lie.
  struct Room {
    double top, bottom;
  };

  // A band of the page, in mm from the top, and the span of it an element takes across.
  struct Band {
    double top, bottom, left, right;
    bool text;  // a line of text (whose own room ends half way to its neighbour's), or a fixed shape
  };

  struct FittedLines {
    double size = 0, first_baseline = 0, leading = 0;
    std::vector<ShapedLine> lines;
  };

  // A glyph raised more than this over its base (marks on marks) has its ink measured against the room.
  static constexpr double kRaisedEm = 0.6;

  // Text that is the same on every certificate of a batch (titles, modules, dates, trainers) is shaped
  // once per process; the person's own (name, serial) each time, so a batch's cache holds no one's name.
  // A line wider than `width` is set smaller, down to floor_size(); one still too wide, or whose marks
  // climb high above it, is laid out by fit_lines() within `room` (asked for only then: a line that fits
  // costs one measure, as before).
  void fitted(const std::string& text, bool personal, double left, double baseline, double width, TextStyle st,
              Align align, double min_size_pt, const std::function<Room()>& room = {}) {
    ShapedLine own;
    auto shape = [&]() -> const ShapedLine& {
      return personal ? (own = shape_line(text_.fonts(), text, st)) : shapes_.shape(text, st);
    };
    const ShapedLine* line = &shape();
    if (too_tall(*line)) {
      st.lang = "ur-Arab";
      line = &shape();
    }
    const double full = line->width(st.size_pt);
    if (!room || (full <= width && !raised_above(*line, kRaisedEm))) {
      text_.draw_fitted(page_, *line, left, baseline, width, st, align, min_size_pt);
      return;
    }
    const double floor = floor_size(st.size_pt, min_size_pt);
    if (full * floor / st.size_pt <= width && !raised_above(*line, kRaisedEm)) {
      text_.draw_fitted(page_, *line, left, baseline, width, st, align, floor);
      return;
    }
    const FittedLines fit = fit_lines(*line, personal, st, width, floor, baseline, room());
    st.size_pt = fit.size;
    for (std::size_t i = 0; i < fit.lines.size(); ++i)
      text_.draw_fitted(page_, fit.lines[i], left, fit.first_baseline - i * fit.leading, width, st, align,
                        fit.size / 2);
  }

  // ---- a line too long for its box: smaller, then on more lines, within the room around it ------------

  // How small a long line is set before it is broken: 60% of the template's size, not under 9 pt (unless
  // the template's own size is); or the template's min_size_pt where that shrinks it less than 60% would.
  static double floor_size(double size, double min_size_pt) {
    if (min_size_pt >= 0.6 * size) return std::min(size, min_size_pt);
    return std::max(0.6 * size, std::min(size, 9.0));
  }

  // The largest size (at most st.size_pt, at least `floor` unless the room is too small for that) at which
  // `whole`, broken where break_lines() says, fits `width` and, its lines' ink included, the room.  The
  // lines keep the one line's baseline when they are one, else they are centred where it was; in the room.
  FittedLines fit_lines(const ShapedLine& whole, bool personal, const TextStyle& st, double width, double floor,
                        double baseline, Room room) {
    FittedLines fit;
    const double one_line = st.size_pt * width / std::max(1e-9, whole.width(st.size_pt)) * 0.999;
    double size = std::min(st.size_pt, std::max(floor, one_line));
    std::vector<InkExtent> ink;
    for (int round = 0;; ++round) {
      fit.lines.clear();
      if (whole.width(size) <= width) {
        fit.lines.push_back(whole);
      } else {
        for (const TextRange& r : break_lines(whole, size, width, st.lang)) {
          const std::string piece = whole.text.substr(r.begin, r.end - r.begin);
          fit.lines.push_back(personal ? shape_line(text_.fonts(), piece, st) : shapes_.shape(piece, st));
        }
      }
      ink.clear();
      for (const auto& l : fit.lines) ink.push_back(ink_extent(l));
      double leading_em = 1.2;  // baseline to baseline, at least enough that no two lines' ink meet
      for (std::size_t i = 0; i + 1 < ink.size(); ++i) leading_em = std::max(leading_em, ink[i + 1].top - ink[i].bottom + 0.1);
      const double height_em = (ink.size() - 1) * leading_em + ink.front().top - ink.back().bottom;
      fit.size = size;
      fit.leading = leading_em * size;
      const double room_height = room.top - room.bottom;
      if (height_em * size <= room_height || round >= 16 || size <= 1) break;
      size = std::max(1.0, std::min(size * 0.97, room_height / height_em * 0.999));
    }
    const double top_ink = ink.front().top * size, block = (ink.size() - 1) * fit.leading;
    if (fit.lines.size() == 1) {
      fit.first_baseline = baseline;
    } else {
      const double centre = baseline + 0.35 * st.size_pt;  // about the middle of the one line's letters
      fit.first_baseline = centre + (block + top_ink - ink.back().bottom * size) / 2 - top_ink;
    }
    if (fit.first_baseline + top_ink > room.top) fit.first_baseline = room.top - top_ink;
    if (fit.first_baseline - block + ink.back().bottom * size < room.bottom)
      fit.first_baseline = room.bottom + block - ink.back().bottom * size;
    return fit;
  }

  static double pt_to_mm(double pt) { return pt * 25.4 / 72.0; }

  // The band a block's lines take at the template's sizes: an em over the first baseline, a third below the last.
  Band nominal_band(const TextBlock& b, std::size_t module_count) const {
    const double base = english_ && b.y_english_mm ? *b.y_english_mm : b.y_mm, em = pt_to_mm(b.size_pt);
    double below = 0.3 * em;
    if (b.field == TextField::modules) {
      const std::size_t columns = static_cast<std::size_t>(std::max(1, b.columns));
      const double rows = static_cast<double>((module_count + columns - 1) / columns);
      below += b.max_height_mm > 0 ? b.max_height_mm : std::max(0.0, rows - 1) * em * b.line_height;
    }
    return {base - 0.9 * em, base + below, b.x_mm, b.x_mm + b.width_mm, true};
  }

  // Where a block's lines may go: up to half way to a text line above or below it (whose own lines stop
  // there too), and short of the rules, images, signatures, QR code and frame; never less than its one line
  // takes.  A personal block's neighbours count whether the person's certificate shows them or not, so the
  // template's text, laid out once for a batch, is where it would be on each certificate alone.
  Room room_for(const Planned& me, const std::vector<Planned>& blocks, const CertificateContent& c) const {
    const Band own = nominal_band(*me.block, c.modules.size());
    const double middle = (own.top + own.bottom) / 2, gap = 1.0;
    double inset = 0;
    for (const auto& f : tmpl_.frame) inset = std::max(inset, f.inset_mm + pt_to_mm(f.width_pt));
    const double page_mm = height_ * 25.4 / 72.0;
    double top = inset + gap, bottom = page_mm - inset - gap;
    auto limit = [&](const Band& o) {
      if (o.right <= own.left || o.left >= own.right) return;
      if ((o.top + o.bottom) / 2 < middle) top = std::max(top, o.text ? (o.bottom + own.top) / 2 : o.bottom + gap);
      else bottom = std::min(bottom, o.text ? (o.top + own.bottom) / 2 : o.top - gap);
    };
    for (const auto& b : blocks)
      if (&b != &me && (b.shown || b.personal)) limit(nominal_band(*b.block, c.modules.size()));
    for (const auto& r : tmpl_.rules) {
      const double at = english_ && r.y_english_mm ? *r.y_english_mm : r.y_mm;
      limit({at, at, r.x_mm, r.x_mm + r.width_mm, false});
    }
    for (const auto& im : tmpl_.images)
      if (im.height_mm > 0) limit({im.y_mm, im.y_mm + im.height_mm, im.x_mm, im.x_mm + im.width_mm, false});
    const SignatureBlock& s = tmpl_.signatures;
    if (s.present && !c.trainers.empty())
      limit({s.y_mm - s.image_height_mm, s.y_mm + pt_to_mm(s.name_size_pt * 1.25 + s.role_size_pt * 3), s.x_mm,
             s.x_mm + s.width_mm, false});
    const QrBlock& q = tmpl_.qr;
    if (q.present) {
      const double note_left = q.note_align == TextAlign::left    ? q.x_mm
                               : q.note_align == TextAlign::right ? q.x_mm + q.size_mm - q.note_width_mm
                                                                  : q.x_mm + (q.size_mm - q.note_width_mm) / 2;
      limit({q.y_mm, q.y_mm + q.size_mm + pt_to_mm(q.note_size_pt * 4), std::min(q.x_mm, note_left),
             std::max(q.x_mm + q.size_mm, note_left + q.note_width_mm), false});
    }
    top = std::min(top, own.top);
    bottom = std::max(bottom, own.bottom);
    return {y(top), y(bottom)};
  }

  // Nastaliq's words slant down to the left from high above the line (up to 2.2 em over the baseline),
  // where the template spaces its lines for text within about -0.5 to 1.3 em: it would write over the
  // lines around it. Such a line is set in Urdu's plain Arabic forms instead (Noto Naskh or Sans
  // Arabic, "ur-Arab"); a line that keeps within (most names) stays in Nastaliq.
  static bool too_tall(const ShapedLine& line) {
    for (const auto& run : line.runs)
      if (run.face->family == "Noto Nastaliq Urdu") {
        const InkExtent ink = ink_extent(line);
        return ink.top > 1.3 || ink.bottom < -0.5;
      }
    return false;
  }

  static bool is_personal(const TextBlock& block, const std::string& language) {
    if (block.field == TextField::none) {
      const std::string& text = block.text.in(language);
      return std::any_of(std::begin(kPersonalFields), std::end(kPersonalFields),
                         [&](TextField f) { return text.find(placeholder(f)) != std::string::npos; });
    }
    return is_personal_field(block.field);
  }

  TextStyle style(const TextBlock& block, const std::string& lang) const {
    TextStyle s;
    s.role = block.font;
    s.bold = block.bold;
    s.size_pt = block.size_pt;
    s.lang = lang;
    return s;
  }

  void draw_block(const Planned& planned, const std::vector<Planned>& blocks, const CertificateContent& c) {
    if (!planned.shown) return;
    const TextBlock& block = *planned.block;
    set_fill(page_, block.colour);
    if (block.field == TextField::modules) {
      draw_modules(block, c, planned.language);
      return;
    }
    const double baseline = y(english_ && block.y_english_mm ? *block.y_english_mm : block.y_mm);
    const bool is_name = block.field == TextField::full_name;
    const std::string lang = is_name ? c.name_language : block.field == TextField::latin_name ? "" : planned.language;
    fitted(planned.text, planned.personal, x(block.x_mm), baseline, mm_to_pt(block.width_mm), style(block, lang),
           to_align(block.align), block.min_size_pt, [&] { return room_for(planned, blocks, c); });
  }

  void draw_modules(const TextBlock& block, const CertificateContent& c, const std::string& language) {
    const std::vector<std::string> lines = module_lines(block, c, language);
    if (lines.empty()) return;
    const int columns = std::max(1, std::min<int>(block.columns, static_cast<int>(lines.size())));
    const double gutter = columns > 1 ? mm_to_pt(8) : 0;
    const double column_width = (mm_to_pt(block.width_mm) - gutter * (columns - 1)) / columns;
    TextStyle st = style(block, language);
    // A module line too wide for its column even at the floor size is broken onto rows of its own, and the
    // modules are dealt to the columns whole.  `pieces`: each module's rows; `at`: its column and first row.
    const double floor = floor_size(block.size_pt, block.min_size_pt);
    std::vector<std::vector<std::string>> pieces(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const ShapedLine& shaped = shapes_.shape(lines[i], st);
      if (shaped.width(floor) <= column_width) {
        pieces[i] = {lines[i]};
        continue;
      }
      for (const TextRange& r : break_lines(shaped, floor, column_width, st.lang))
        pieces[i].push_back(lines[i].substr(r.begin, r.end - r.begin));
    }
    std::size_t total = 0;
    for (const auto& p : pieces) total += p.size();
    const int per_column = static_cast<int>((total + columns - 1) / columns);
    std::vector<std::pair<int, int>> at(lines.size());
    int column = 0, row = 0, rows = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const int taken = static_cast<int>(pieces[i].size());
      if (row > 0 && row + taken > per_column && column + 1 < columns) ++column, row = 0;
      at[i] = {column, row};
      row += taken;
      rows = std::max(rows, row);
    }
    double size = block.size_pt;
    if (block.max_height_mm > 0) {
      // The first baseline sits at y_mm; the rest follow line_height apart, within max_height_mm.
      const double room = mm_to_pt(block.max_height_mm);
      if ((rows - 1) * size * block.line_height > room)
        size = std::max(block.min_size_pt, room / std::max(1, rows - 1) / block.line_height);
    }
    st.size_pt = size;
    const double first = y(english_ && block.y_english_mm ? *block.y_english_mm : block.y_mm);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const double left = x(block.x_mm) + at[i].first * (column_width + gutter);
      for (std::size_t k = 0; k < pieces[i].size(); ++k)
        fitted(pieces[i][k], false, left, first - (at[i].second + static_cast<int>(k)) * size * block.line_height,
               column_width, st, to_align(block.align), block.min_size_pt);
    }
  }

  std::string role_label(const std::string& role, const std::string& language) const {
    for (const auto& [name, label] : tmpl_.signatures.roles)
      if (name == role) return label.in(language);
    return role;
  }

  // Signature images (`images`), and the lines with names and roles under them (`lines`).
  void draw_signatures(const CertificateContent& c, bool lines, bool images) {
    const SignatureBlock& s = tmpl_.signatures;
    if (c.trainers.empty()) return;
    const double n = static_cast<double>(c.trainers.size());
    const double slot = mm_to_pt(s.width_mm) / n;
    const double line_len = std::min(mm_to_pt(s.slot_width_mm), slot - mm_to_pt(8));
    const double line_y = y(s.y_mm);
    for (std::size_t i = 0; i < c.trainers.size(); ++i) {
      const CertificatePerson& person = c.trainers[i];
      const double centre = x(s.x_mm) + slot * (static_cast<double>(i) + 0.5);
      if (images && !person.signature_image.empty()) {
        HPDF_Image img = image(person.signature_image);
        const double iw = HPDF_Image_GetWidth(img), ih = std::max<double>(1, HPDF_Image_GetHeight(img));
        double h = mm_to_pt(s.image_height_mm), w = h * iw / ih;
        if (w > line_len) w = line_len, h = w * ih / iw;
        draw_image(person.signature_image, centre - w / 2, line_y + 1, w, h);
      }
      if (!lines) continue;
      set_stroke(page_, s.line_colour);
      HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(s.line_width_pt));
      HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(centre - line_len / 2), static_cast<HPDF_REAL>(line_y));
      HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(centre + line_len / 2), static_cast<HPDF_REAL>(line_y));
      HPDF_Page_Stroke(page_);

      double baseline = line_y - s.name_size_pt * 1.25;
      set_fill(page_, s.name_colour);
      TextStyle name_style{s.font, false, s.name_size_pt, ""};
      fitted(person.name, false, centre - line_len / 2, baseline, line_len, name_style, Align::centre,
                        std::min(6.0, s.name_size_pt));
      set_fill(page_, s.role_colour);
      TextStyle small{s.font, false, s.role_size_pt, ""};
      if (!person.latin_name.empty() && person.latin_name != person.name) {
        baseline -= s.role_size_pt * 1.35;
        fitted(person.latin_name, false, centre - line_len / 2, baseline, line_len, small, Align::centre,
                          std::min(5.0, s.role_size_pt));
      }
      std::string role = role_label(person.role, language_);
      const std::string role_en = role_label(person.role, "en");
      if (role != role_en) role += "  ·  " + role_en;
      if (!role.empty()) {
        baseline -= s.role_size_pt * 1.35;
        small.lang = language_;
        fitted(role, false, centre - line_len / 2, baseline, line_len, small, Align::centre,
                          std::min(5.0, s.role_size_pt));
      }
    }
  }

  // Greedy word wrap of ASCII text into lines no wider than `width`; over-long words are cut.  Pieces
  // holding `personal` (the serial) are measured afresh, the rest are shaped once for the batch.
  std::vector<std::string> wrap(const std::string& text, double width, const TextStyle& st,
                                const std::string& personal) {
    auto measure = [&](const std::string& piece) {
      if (!personal.empty() && piece.find(personal) != std::string::npos) return text_.measure(piece, st);
      return shapes_.shape(piece, st).width(st.size_pt);
    };
    std::vector<std::string> lines;
    std::string line;
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t end = text.find(' ', at);
      if (end == std::string::npos) end = text.size();
      std::string word = text.substr(at, end - at);
      at = end + 1;
      if (word.empty()) continue;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (!line.empty()) lines.push_back(line);
      line.clear();
      while (measure(word) > width && word.size() > 1) {
        std::size_t cut = word.size() - 1;
        while (cut > 1 && measure(word.substr(0, cut)) > width) --cut;
        lines.push_back(word.substr(0, cut));
        word.erase(0, cut);
      }
      line = word;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
  }

  void draw_qr_block(const CertificateContent& c) {
    const QrBlock& q = tmpl_.qr;
    QrMatrix encoded;
    const QrMatrix& matrix = qr_memo_ ? qr_memo_->get(c.qr_text) : (encoded = encode_qr(c.qr_text));
    const double side = mm_to_pt(q.size_mm);
    set_fill(page_, q.colour);
    draw_qr(page_, matrix, x(q.x_mm), y(q.y_mm) - side, side);
    if (c.verify_note.empty()) return;
    set_fill(page_, q.note_colour);
    const TextStyle st = note_style();
    const double width = mm_to_pt(q.note_width_mm);
    const double left = q.note_align == TextAlign::left    ? x(q.x_mm)
                        : q.note_align == TextAlign::right ? x(q.x_mm) + side - width
                                                           : x(q.x_mm) + (side - width) / 2;
    double baseline = y(q.y_mm) - side - q.note_size_pt * 0.6;
    for (const auto& line : wrap(c.verify_note, width, st, c.serial)) {
      fitted(line, line.find(c.serial) != std::string::npos, left, baseline, width, st, to_align(q.note_align), 3);
      baseline -= q.note_size_pt * 1.25;
    }
  }

  haru::Document& doc_;
  TextRenderer& text_;
  ShapeCache& shapes_;
  const CertificateTemplate& tmpl_;
  QrMemo* qr_memo_;
  LayerMemo* layers_;
  std::map<std::shared_ptr<const StaticLayer>, HPDF_Dict> forms_;  // this document's form of each layer
  double width_ = 0, height_ = 0;
  HPDF_Page page_ = nullptr;
  std::string language_;
  bool english_ = true;        // an English certificate: only_bilingual lines out, y_english_mm in
  std::map<std::string, HPDF_Image> images_;
};

}  // namespace

CertificateRenderer::CertificateRenderer(FontStack& fonts) : fonts_(fonts), shapes_(std::make_shared<ShapeCache>(fonts)) {}

std::string CertificateRenderer::render(const CertificateTemplate& tmpl, const CertificateContent& content) {
  haru::Document doc;
  TextRenderer text(doc.get(), fonts_);
  PageLayout layout(doc, text, *shapes_, tmpl, qr_memo_, layer_memo_);
  layout.draw(content);
  doc.set_info("Certificate " + content.serial);
  if (!content.qr_text.empty()) HPDF_SetInfoAttr(doc.get(), HPDF_INFO_KEYWORDS, content.qr_text.c_str());
  doc.check("cannot set the document information of certificate " + content.serial);
  return doc.bytes("certificate " + content.serial);
}

std::optional<std::string> CertificateRenderer::render_batch(
    const CertificateTemplate& tmpl, const std::vector<CertificateContent>& contents,
    const std::function<bool(std::size_t, std::size_t)>& progress) {
  if (contents.empty()) throw std::invalid_argument("no certificates to print");
  haru::Document doc;
  TextRenderer text(doc.get(), fonts_);
  LayerMemo own_layers;  // the pages of one language share one form
  PageLayout layout(doc, text, *shapes_, tmpl, qr_memo_, layer_memo_ ? layer_memo_ : &own_layers);
  for (std::size_t i = 0; i < contents.size(); ++i) {
    layout.draw(contents[i]);
    if (progress && !progress(i + 1, contents.size())) return std::nullopt;
  }
  doc.set_info("Certificates (" + std::to_string(contents.size()) + ")");
  doc.check("cannot set the document information of the print file");
  return doc.bytes("the print file");
}

CertificateRenderer::Batch::Batch(CertificateRenderer& renderer)
    : renderer_(renderer), qr_memo_(std::make_unique<QrMemo>()), layer_memo_(std::make_unique<LayerMemo>()) {
  renderer_.qr_memo_ = qr_memo_.get();
  renderer_.layer_memo_ = layer_memo_.get();
}

CertificateRenderer::Batch::~Batch() {
  renderer_.qr_memo_ = nullptr;
  renderer_.layer_memo_ = nullptr;
}

std::string shipped_template_name(const std::string& kind) {
    return kind == "module" ? "module-participation.toml" : "programme-completion.toml";
}

}  // namespace mitra::pdf
