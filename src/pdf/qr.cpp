// QR symbols: encoded by libqrencode (level M; segments in numeric, alphanumeric and byte mode as its splitter
// finds them), with the mask chosen here by the standard's penalty score on bit-parallel rows and columns (libqrencode scores its eight masks module by module: that was a third of
// a certificate's time), and drawn as vector rectangles.
#include "pdf/qr.hpp"

#include "pdf/haru.hpp"

#include <qrencode.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

// libqrencode's encoder with the mask given (-1: it tries all eight, scoring them module by module, ~340 us for a
// certificate's version 13 symbol; a given mask takes ~30 us). Exported since libqrencode 3.2.0 and listed in
// Debian's symbols file for libqrencode4, but declared only in its qrencode_inner.h, which is not installed.
extern "C" QRcode* QRcode_encodeMask(QRinput* input, int mask);
// libqrencode's splitter, which QRcode_encodeString() runs: the text as numeric, alphanumeric and 8-bit segments,
// the fewest bits its rules find (case kept with `casesensitive`; an 8-bit hint: no Kanji). Exported and listed in
// Debian's symbols file like QRcode_encodeMask, declared only in its split.h, which is not installed.
extern "C" int Split_splitStringToQRinput(const char* string, QRinput* input, QRencodeMode hint, int casesensitive);

namespace mitra::pdf {
namespace {

// ---- the data masks: true where the mask flips a data module (x column, y row from the top-left) ----
bool mask_flips(int mask, int x, int y) {
    switch (mask) {
        case 0: return (x + y) % 2 == 0;
        case 1: return y % 2 == 0;
        case 2: return x % 3 == 0;
        case 3: return (x + y) % 3 == 0;
        case 4: return (x / 3 + y / 2) % 2 == 0;
        case 5: return x * y % 2 + x * y % 3 == 0;
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0;
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0;
    }
}

// 15 bits: level M (00) and the mask, BCH(15,5) protected, XORed with 0x5412.
int format_bits(int mask) {
    const int data = mask;  // M's two bits are 00
    int rem = data;
    for (int i = 0; i < 10; ++i) rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    return ((data << 10) | rem) ^ 0x5412;
}

// ---- a row or column as a bit set of N 64-bit words, bit i is module i: N = 2 holds symbols up to version
// 25 with the four light modules N3 pads each side with (the certificates' version 13), N = 3 any ----
template <std::size_t N>
struct Line {
    std::array<std::uint64_t, N> w{};
    void set(int i) { w[static_cast<std::size_t>(i >> 6)] |= std::uint64_t{1} << (i & 63); }
    bool any() const {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < N; ++i) v |= w[i];
        return v != 0;
    }
    int count() const {
        int n = 0;
        for (std::size_t i = 0; i < N; ++i) n += ones(w[i]);
        return n;
    }
    // Without -mpopcnt std::popcount is a call into libgcc, a tenth of the encoding time; this is inline.
    static int ones(std::uint64_t v) {
        v -= (v >> 1) & 0x5555555555555555u;
        v = (v & 0x3333333333333333u) + ((v >> 2) & 0x3333333333333333u);
        v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Fu;
        return static_cast<int>((v * 0x0101010101010101u) >> 56);
    }
    friend Line operator&(const Line& a, const Line& b) {
        Line r;
        for (std::size_t i = 0; i < N; ++i) r.w[i] = a.w[i] & b.w[i];
        return r;
    }
    friend Line operator|(const Line& a, const Line& b) {
        Line r;
        for (std::size_t i = 0; i < N; ++i) r.w[i] = a.w[i] | b.w[i];
        return r;
    }
    friend Line operator^(const Line& a, const Line& b) {
        Line r;
        for (std::size_t i = 0; i < N; ++i) r.w[i] = a.w[i] ^ b.w[i];
        return r;
    }
    friend Line operator~(const Line& a) {
        Line r;
        for (std::size_t i = 0; i < N; ++i) r.w[i] = ~a.w[i];
        return r;
    }
    // Bit i of the result is bit i + k (down) or i - k (up) of `a`, 0 < k < 64.
    friend Line down(const Line& a, int k) {
        Line r;
        for (std::size_t i = 0; i < N; ++i) r.w[i] = (a.w[i] >> k) | (i + 1 < N ? a.w[i + 1] << (64 - k) : 0);
        return r;
    }
    friend Line up(const Line& a, int k) {
        Line r;
        for (std::size_t i = 0; i < N; ++i) r.w[i] = (a.w[i] << k) | (i > 0 ? a.w[i - 1] >> (64 - k) : 0);
        return r;
    }
    static Line first_bits(int n) {
        Line l;
        for (int i = 0; i < n; ++i) l.set(i);
        return l;
    }
};

// N1 (runs of 5 or more: 3 + the run's length - 5) and N3 of one row or column of `n` modules.
template <std::size_t N>
struct LineScorer {
    using L = Line<N>;
    L pairs, padded;  // bits 0 .. n-2; bits 0 .. n+7
    explicit LineScorer(int n) : pairs(L::first_bits(n - 1)), padded(L::first_bits(n + 8)) {}
    int score(const L& dark) const {
        // A run of L >= 5 holds L - 4 windows of five alike; its penalty L - 2 is that plus 2 for the run.
        const L same = ~(dark ^ down(dark, 1)) & pairs;
        const L five = same & down(same, 1) & down(same, 2) & down(same, 3);
        int s = five.count() + 2 * (five & ~up(five, 1)).count();
        // Dark, light, three dark, light, dark with four light before or after it; four light modules pad
        // each side, so that beyond the symbol counts as light.
        const L d = up(dark, 4), l = ~d & padded;
        const L core = d & down(l, 1) & down(d, 2) & down(d, 3) & down(d, 4) & down(l, 5) & down(d, 6);
        if (core.any()) {
            const L before = up(l, 1) & up(l, 2) & up(l, 3) & up(l, 4);
            const L after = down(l, 7) & down(l, 8) & down(l, 9) & down(l, 10);
            s += 40 * (core & (before | after)).count();
        }
        return s;
    }
};

// N2 and N4 need the rows; N1 and N3 rows and columns alike.
template <std::size_t N>
int penalty(const std::vector<Line<N>>& rows, const std::vector<Line<N>>& cols, int size) {
    const LineScorer<N> scorer(size);
    const Line<N> pairs = scorer.pairs;
    int score = 0, dark = 0;
    for (int y = 0; y < size; ++y) {
        const Line<N>& a = rows[static_cast<std::size_t>(y)];
        score += scorer.score(a) + scorer.score(cols[static_cast<std::size_t>(y)]);
        dark += a.count();
        if (y + 1 < size) {
            const Line<N> alike = ~(a ^ rows[static_cast<std::size_t>(y) + 1]);
            score += 3 * (alike & down(alike, 1) & ~(a ^ down(a, 1)) & pairs).count();
        }
    }
    const int total = size * size;
    score += 10 * ((dark * 2 > total ? dark * 2 - total : total - dark * 2) * 10 / total);
    return score;
}

// The words a symbol's lines need: N3 pads each side with four modules.
constexpr int kTwoWordSize = 128 - 8;

// The mask's flips of row y (over x) and of column x (over y), for every mask: they repeat every 12 rows or columns.
template <std::size_t N>
struct MaskLines {
    std::array<std::array<Line<N>, 12>, 8> row, col;
    MaskLines() {
        const int width = static_cast<int>(N) * 64 - 8;
        for (int m = 0; m < 8; ++m)
            for (int r = 0; r < 12; ++r)
                for (int i = 0; i < std::min(177, width); ++i) {
                    if (mask_flips(m, i, r)) row[static_cast<std::size_t>(m)][static_cast<std::size_t>(r)].set(i);
                    if (mask_flips(m, r, i)) col[static_cast<std::size_t>(m)][static_cast<std::size_t>(r)].set(i);
                }
    }
};
template <std::size_t N>
const MaskLines<N>& mask_lines() {
    static const MaskLines<N> lines;
    return lines;
}

// The format information's two copies: module (x, y) shows bit `bit` of format_bits().
struct FormatModule {
    int x, y, bit;
};
std::vector<FormatModule> format_modules(int size) {
    std::vector<FormatModule> at;
    for (int i = 0; i <= 5; ++i) at.push_back({8, i, i});
    at.push_back({8, 7, 6});
    at.push_back({8, 8, 7});
    at.push_back({7, 8, 8});
    for (int i = 9; i < 15; ++i) at.push_back({14 - i, 8, i});
    for (int i = 0; i < 8; ++i) at.push_back({size - 1 - i, 8, i});
    for (int i = 8; i < 15; ++i) at.push_back({8, size - 15 + i, i});
    return at;
}

using Code = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

// A text at level M in the segments libqrencode's splitter chooses (byte mode throughout for a text holding a NUL
// byte, where the splitter would stop), encoded by libqrencode; the mask is chosen here.
class Symbol {
public:
    explicit Symbol(const std::string& text) : input_(QRinput_new2(0, QR_ECLEVEL_M), &QRinput_free) {
        if (text.empty()) throw std::invalid_argument("QR code: nothing to encode");
        errno = 0;
        const bool taken = input_ && (text.find('\0') == std::string::npos
                                          ? Split_splitStringToQRinput(text.c_str(), input_.get(), QR_MODE_8, 1) == 0
                                          : QRinput_append(input_.get(), QR_MODE_8, static_cast<int>(text.size()),
                                                           reinterpret_cast<const unsigned char*>(text.data())) == 0);
        if (!taken && errno == ERANGE) throw std::invalid_argument("QR code: the text is too long for any QR version");
        if (!taken) throw std::runtime_error("QR code: libqrencode could not take the text");
        // libqrencode's symbol with mask 0, unmasked again: the modules a mask flips are those qrencode.h does not
        // call non-data (bit 7; bit 1, "data and ecc code area", is set on the error correction only); the format
        // information is left light, as each mask writes its own.
        const Code code = encode(0);
        size_ = code->width;
        dark_.resize(static_cast<std::size_t>(size_) * static_cast<std::size_t>(size_));
        data_.resize(dark_.size());
        for (int y = 0; y < size_; ++y)
            for (int x = 0; x < size_; ++x) {
                const std::size_t i = index(x, y);
                data_[i] = (code->data[i] & 0x80) == 0;
                dark_[i] = static_cast<unsigned char>((code->data[i] & 1) ^ (data_[i] && mask_flips(0, x, y)));
            }
        for (const FormatModule& f : format_modules(size_)) dark_[index(f.x, f.y)] = 0;
    }

    int choose_mask() const { return size_ <= kTwoWordSize ? choose_mask<2>() : choose_mask<3>(); }

    template <std::size_t N>
    int choose_mask() const {
        using L = Line<N>;
        // The unmasked symbol as rows and columns, and its data modules (which the masks flip).
        const auto n = static_cast<std::size_t>(size_);
        std::vector<L> rows(n), cols(n), data_rows(n), data_cols(n);
        for (int y = 0; y < size_; ++y)
            for (int x = 0; x < size_; ++x) {
                const std::size_t i = index(x, y);
                if (dark_[i]) rows[static_cast<std::size_t>(y)].set(x), cols[static_cast<std::size_t>(x)].set(y);
                if (data_[i])
                    data_rows[static_cast<std::size_t>(y)].set(x), data_cols[static_cast<std::size_t>(x)].set(y);
            }
        const MaskLines<N>& flips = mask_lines<N>();
        const std::vector<FormatModule> format = format_modules(size_);
        std::vector<L> masked_rows(n), masked_cols(n);
        int best = 0, best_score = 0;
        for (int m = 0; m < 8; ++m) {
            const auto& row_flips = flips.row[static_cast<std::size_t>(m)];
            const auto& col_flips = flips.col[static_cast<std::size_t>(m)];
            for (std::size_t i = 0; i < n; ++i) {
                masked_rows[i] = rows[i] ^ (row_flips[i % 12] & data_rows[i]);
                masked_cols[i] = cols[i] ^ (col_flips[i % 12] & data_cols[i]);
            }
            const int bits = format_bits(m);
            for (const FormatModule& f : format)
                if ((bits >> f.bit) & 1) {
                    masked_rows[static_cast<std::size_t>(f.y)].set(f.x);
                    masked_cols[static_cast<std::size_t>(f.x)].set(f.y);
                }
            const int score = penalty(masked_rows, masked_cols, size_);
            if (m == 0 || score < best_score) best = m, best_score = score;
        }
        return best;
    }

    // libqrencode's symbol with `mask`.
    QrMatrix finish(int mask) const {
        const Code code = encode(mask);
        QrMatrix qr;
        qr.size = code->width;
        qr.version = code->version;
        qr.mask = mask;
        qr.dark.resize(static_cast<std::size_t>(qr.size) * static_cast<std::size_t>(qr.size));
        for (std::size_t i = 0; i < qr.dark.size(); ++i) qr.dark[i] = code->data[i] & 1;
        return qr;
    }

private:
    std::size_t index(int x, int y) const { return static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) + x; }

    Code encode(int mask) const {
        errno = 0;
        Code code(QRcode_encodeMask(input_.get(), mask), &QRcode_free);
        if (code) return code;
        if (errno == ERANGE) throw std::invalid_argument("QR code: the text is too long for any QR version");
        throw std::runtime_error("QR code: libqrencode failed: " + std::string(std::strerror(errno)));
    }

    std::unique_ptr<QRinput, decltype(&QRinput_free)> input_;
    int size_ = 0;
    std::vector<unsigned char> dark_;
    std::vector<bool> data_;
};

}  // namespace

QrMatrix encode_qr(const std::string& text) {
    Symbol symbol(text);
    const int mask = symbol.choose_mask();
    return symbol.finish(mask);
}

QrMatrix encode_qr(const std::string& text, int mask) {
    if (mask < 0 || mask > 7) throw std::invalid_argument("QR code: mask " + std::to_string(mask) + " is not 0-7");
    Symbol symbol(text);
    return symbol.finish(mask);
}

int qr_penalty(const QrMatrix& qr) {
    const auto n = static_cast<std::size_t>(qr.size);
    std::vector<Line<3>> rows(n), cols(n);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y)) rows[static_cast<std::size_t>(y)].set(x), cols[static_cast<std::size_t>(x)].set(y);
    return penalty(rows, cols, qr.size);
}

void draw_qr(HPDF_Page page, const QrMatrix& qr, double x, double y, double side) {
    const int total = qr.size + 2 * kQrQuietModules;
    const double module = side / total;
    HPDF_Page_GSave(page);
    HPDF_Page_SetRGBFill(page, 1, 1, 1);
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), static_cast<HPDF_REAL>(side),
                        static_cast<HPDF_REAL>(side));
    HPDF_Page_Fill(page);
    HPDF_Page_GRestore(page);
    // In module units, so each rectangle is a few small integers; all runs are one path, filled once
    // (abutting rectangles of one fill show no seams). A row's run of dark modules that the rows below
    // repeat exactly is one taller rectangle (a tenth fewer operators to write and deflate). Written
    // straight into the content stream: through HPDF_Page_Rectangle, its ~1,300 calls a certificate
    // were a sixth of the rendering time.
    HPDF_Page_GSave(page);
    HPDF_Page_Concat(page, static_cast<HPDF_REAL>(module), 0, 0, static_cast<HPDF_REAL>(module),
                     static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y));
    struct Run {
        int first, end, top;  // columns [first, end), from row `top` down
    };
    // Each number is under 200 (a symbol has at most 177 modules a side, and 4 more each side) and is copied
    // from this table, with its space, as four bytes. A rectangle takes at most 19 bytes, and a row has at
    // most (size + 1) / 2 runs. The buffer is kept for the next symbol.
    struct Number {
        char text[4];
        int length;
    };
    static const std::array<Number, 200> numbers = [] {
        std::array<Number, 200> table{};
        for (int v = 0; v < 200; ++v) {
            Number& n = table[static_cast<std::size_t>(v)];
            char* at = n.text;
            if (v >= 100) *at++ = static_cast<char>('0' + v / 100);
            if (v >= 10) *at++ = static_cast<char>('0' + v / 10 % 10);
            *at++ = static_cast<char>('0' + v % 10);
            *at++ = ' ';
            n.length = static_cast<int>(at - n.text);
        }
        return table;
    }();
    thread_local std::vector<char> path;
    const std::size_t bound = static_cast<std::size_t>(qr.size) * static_cast<std::size_t>(qr.size + 1) / 2 * 19 + 8;
    if (path.size() < bound) path.resize(bound);
    char* out = path.data();
    // Rows top .. below-1 (counted from the top of the symbol) as one rectangle; PDF's y goes up.
    auto rectangle = [&](const Run& r, int below) {
        for (const int v :
             {kQrQuietModules + r.first, total - kQrQuietModules - below, r.end - r.first, below - r.top}) {
            const Number& n = numbers[static_cast<std::size_t>(v)];
            std::memcpy(out, n.text, 4);
            out += n.length;
        }
        std::memcpy(out, "re\n", 3);
        out += 3;
    };
    std::vector<Run> open, row_runs;  // both in column order
    for (int row = 0; row <= qr.size; ++row) {
        row_runs.clear();
        const unsigned char* modules = row < qr.size ? &qr.dark[static_cast<std::size_t>(row) * qr.size] : nullptr;
        for (int col = 0; modules && col < qr.size;) {
            if (!modules[col]) {
                ++col;
                continue;
            }
            int end = col;
            while (end < qr.size && modules[end]) ++end;
            row_runs.push_back({col, end, row});
            col = end;
        }
        // A run the row above had exactly goes on down; the row above's other runs end there.
        std::size_t k = 0;
        for (const Run& o : open) {
            while (k < row_runs.size() && row_runs[k].first < o.first) ++k;
            if (k < row_runs.size() && row_runs[k].first == o.first && row_runs[k].end == o.end)
                row_runs[k].top = o.top;
            else rectangle(o, row);
        }
        std::swap(open, row_runs);
    }
    std::memcpy(out, "f\n", 2);
    out += 2;
    if (haru::append(haru::page_stream(page),
                     std::string_view(path.data(), static_cast<std::size_t>(out - path.data()))) != HPDF_OK)
        throw std::runtime_error("QR code: writing the page content failed");
    HPDF_Page_GRestore(page);
}

}  // namespace mitra::pdf
