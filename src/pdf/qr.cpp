// QR encoding (byte mode, level M; the mask chosen by penalty score on bit-parallel rows and columns) and vector
// drawing of the symbol. libqrencode scored its eight masks module by module: a third of a certificate's time.
#include "pdf/qr.hpp"

#include <hpdf_pages.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mitra::pdf {
namespace {

// ---- the standard's tables for level M (ISO/IEC 18004, table 9), by version - 1 ----
constexpr std::array<int, 40> kEccPerBlockM = {10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24,
                                               24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28,
                                               28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28};
constexpr std::array<int, 40> kBlocksM = {1,  1,  1,  2,  2,  4,  4,  4,  5,  5,  5,  8,  9,  9,
                                          10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26,
                                          28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49};

// Modules left for data and error correction once the function patterns are drawn (a multiple of 8 or not).
int raw_data_modules(int version) {
  int n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const int align = version / 7 + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

int data_codewords(int version) {
  return raw_data_modules(version) / 8 - kEccPerBlockM[version - 1] * kBlocksM[version - 1];
}

std::vector<int> alignment_positions(int version, int size) {
  if (version == 1) return {};
  const int count = version / 7 + 2;
  const int step = (version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
  std::vector<int> at(static_cast<std::size_t>(count));
  at[0] = 6;
  for (int i = count - 1, pos = size - 7; i >= 1; --i, pos -= step) at[static_cast<std::size_t>(i)] = pos;
  return at;
}

// ---- Reed-Solomon over GF(256), polynomial 0x11D ----
struct Gf {
  std::array<std::uint8_t, 512> exp{};
  std::array<int, 256> log{};
  Gf() {
    int x = 1;
    for (int i = 0; i < 255; ++i) {
      exp[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(x);
      log[static_cast<std::size_t>(x)] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11D;
    }
    for (int i = 255; i < 512; ++i) exp[static_cast<std::size_t>(i)] = exp[static_cast<std::size_t>(i - 255)];
  }
  std::uint8_t mul(std::uint8_t a, std::uint8_t b) const {
    return a && b ? exp[static_cast<std::size_t>(log[a] + log[b])] : 0;
  }
};
const Gf& gf() {
  static const Gf tables;
  return tables;
}

// The generator polynomial's coefficients of degree `degree` - 1 .. 0 (the leading 1 left out).
std::vector<std::uint8_t> rs_divisor(int degree) {
  const Gf& g = gf();
  std::vector<std::uint8_t> d(static_cast<std::size_t>(degree), 0);
  d.back() = 1;
  std::uint8_t root = 1;
  for (int i = 0; i < degree; ++i) {
    for (std::size_t j = 0; j < d.size(); ++j) {
      d[j] = g.mul(d[j], root);
      if (j + 1 < d.size()) d[j] ^= d[j + 1];
    }
    root = g.mul(root, 2);
  }
  return d;
}

void rs_remainder(const std::uint8_t* data, int length, const std::vector<std::uint8_t>& divisor, std::uint8_t* out) {
  const Gf& g = gf();
  const std::size_t n = divisor.size();
  std::fill(out, out + n, 0);
  std::array<int, 32> log_divisor{};
  for (std::size_t i = 0; i < n; ++i) log_divisor[i] = divisor[i] ? g.log[divisor[i]] : -1;
  for (int k = 0; k < length; ++k) {
    const std::uint8_t factor = data[k] ^ out[0];
    std::copy(out + 1, out + n, out);
    out[n - 1] = 0;
    if (!factor) continue;
    const int lf = g.log[factor];
    for (std::size_t i = 0; i < n; ++i)
      if (log_divisor[i] >= 0) out[i] ^= g.exp[static_cast<std::size_t>(log_divisor[i] + lf)];
  }
}

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
  bool test(int i) const { return (w[static_cast<std::size_t>(i >> 6)] >> (i & 63)) & 1; }
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

class Symbol {
 public:
  explicit Symbol(const std::string& text) {
    if (text.empty()) throw std::invalid_argument("QR code: nothing to encode");
    const int length = static_cast<int>(text.size());
    for (version_ = 1; version_ <= 40; ++version_) {
      const int count_bits = version_ <= 9 ? 8 : 16;
      if (4 + count_bits + 8 * length <= 8 * data_codewords(version_)) break;
    }
    if (version_ > 40) throw std::invalid_argument("QR code: " + std::to_string(length) + " bytes are too many to encode");
    size_ = 4 * version_ + 17;
    dark_.assign(static_cast<std::size_t>(size_) * size_, 0);
    function_.assign(dark_.size(), 0);
    draw_function_patterns();
    place(codewords(text));
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
        const std::size_t i = static_cast<std::size_t>(y) * n + static_cast<std::size_t>(x);
        if (dark_[i]) rows[static_cast<std::size_t>(y)].set(x), cols[static_cast<std::size_t>(x)].set(y);
        if (!function_[i]) data_rows[static_cast<std::size_t>(y)].set(x), data_cols[static_cast<std::size_t>(x)].set(y);
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

  QrMatrix finish(int mask) {
    const auto& row_flips = mask_lines<3>().row[static_cast<std::size_t>(mask)];
    for (int y = 0; y < size_; ++y) {
      const Line<3>& flips = row_flips[static_cast<std::size_t>(y % 12)];
      for (int x = 0; x < size_; ++x) {
        const std::size_t i = index(x, y);
        dark_[i] ^= static_cast<unsigned char>(!function_[i] & flips.test(x));
      }
    }
    const int bits = format_bits(mask);
    for (const FormatModule& f : format_modules(size_)) dark_[index(f.x, f.y)] = (bits >> f.bit) & 1;
    QrMatrix qr;
    qr.size = size_;
    qr.version = version_;
    qr.mask = mask;
    qr.dark = std::move(dark_);
    return qr;
  }

 private:
  std::size_t index(int x, int y) const { return static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) + x; }
  void set_function(int x, int y, bool is_dark) {
    dark_[index(x, y)] = is_dark ? 1 : 0;
    function_[index(x, y)] = 1;
  }

  void draw_function_patterns() {
    for (int i = 0; i < size_; ++i) {
      set_function(6, i, i % 2 == 0);
      set_function(i, 6, i % 2 == 0);
    }
    auto finder = [&](int cx, int cy) {  // with its separator, clipped to the symbol
      for (int dy = -4; dy <= 4; ++dy)
        for (int dx = -4; dx <= 4; ++dx) {
          const int x = cx + dx, y = cy + dy, d = std::max(std::abs(dx), std::abs(dy));
          if (x >= 0 && x < size_ && y >= 0 && y < size_) set_function(x, y, d != 2 && d != 4);
        }
    };
    finder(3, 3);
    finder(size_ - 4, 3);
    finder(3, size_ - 4);
    const std::vector<int> align = alignment_positions(version_, size_);
    const std::size_t last = align.size() - 1;
    for (std::size_t i = 0; i < align.size(); ++i)
      for (std::size_t j = 0; j < align.size(); ++j) {
        if ((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) continue;
        for (int dy = -2; dy <= 2; ++dy)
          for (int dx = -2; dx <= 2; ++dx)
            set_function(align[i] + dx, align[j] + dy, std::max(std::abs(dx), std::abs(dy)) != 1);
      }
    // Format information (written with the mask) reserved; the module beside it always dark.
    for (const FormatModule& f : format_modules(size_)) set_function(f.x, f.y, false);
    set_function(8, size_ - 8, true);
    if (version_ >= 7) {
      int rem = version_;
      for (int i = 0; i < 12; ++i) rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
      const long bits = static_cast<long>(version_) << 12 | rem;
      for (int i = 0; i < 18; ++i) {
        const bool bit = (bits >> i) & 1;
        const int a = size_ - 11 + i % 3, b = i / 3;
        set_function(a, b, bit);
        set_function(b, a, bit);
      }
    }
  }

  // The data codewords (mode, count, bytes, terminator, padding) in blocks, each followed by its error
  // correction, then interleaved as the symbol holds them.
  std::vector<std::uint8_t> codewords(const std::string& text) const {
    const int data_length = data_codewords(version_);
    std::vector<std::uint8_t> data;
    data.reserve(static_cast<std::size_t>(data_length));
    std::uint32_t acc = 0;
    int bits = 0;
    auto put = [&](std::uint32_t value, int n) {
      acc = (acc << n) | value;
      bits += n;
      while (bits >= 8) {
        bits -= 8;
        data.push_back(static_cast<std::uint8_t>(acc >> bits));
      }
    };
    put(0x4, 4);  // byte mode
    put(static_cast<std::uint32_t>(text.size()), version_ <= 9 ? 8 : 16);
    for (const char c : text) put(static_cast<unsigned char>(c), 8);
    const int room = data_length * 8 - (static_cast<int>(data.size()) * 8 + bits);
    put(0, std::min(4, room));  // terminator
    if (bits) put(0, 8 - bits);
    for (std::uint8_t pad = 0xEC; static_cast<int>(data.size()) < data_length; pad ^= 0xEC ^ 0x11) data.push_back(pad);

    const int blocks = kBlocksM[static_cast<std::size_t>(version_ - 1)];
    const int ecc = kEccPerBlockM[static_cast<std::size_t>(version_ - 1)];
    const int raw = raw_data_modules(version_) / 8;
    const int short_blocks = blocks - raw % blocks, short_length = raw / blocks - ecc;  // data codewords
    const std::vector<std::uint8_t> divisor = rs_divisor(ecc);
    std::vector<std::uint8_t> out(static_cast<std::size_t>(raw));
    std::vector<std::uint8_t> remainder(static_cast<std::size_t>(ecc));
    for (int b = 0, at = 0; b < blocks; ++b) {
      const int length = short_length + (b < short_blocks ? 0 : 1);
      // Data codeword i of block b goes to i * blocks + b; a long block's last one after every short one's.
      for (int i = 0; i < length; ++i) {
        const int to = i < short_length ? i * blocks + b : short_length * blocks + (b - short_blocks);
        out[static_cast<std::size_t>(to)] = data[static_cast<std::size_t>(at + i)];
      }
      rs_remainder(&data[static_cast<std::size_t>(at)], length, divisor, remainder.data());
      for (int i = 0; i < ecc; ++i) out[static_cast<std::size_t>(data_length + i * blocks + b)] = remainder[static_cast<std::size_t>(i)];
      at += length;
    }
    return out;
  }

  // Codewords' bits up and down the two-column strips from the right, around the function patterns;
  // the remainder bits stay light.
  void place(const std::vector<std::uint8_t>& words) {
    const std::size_t total = words.size() * 8;
    std::size_t i = 0;
    for (int right = size_ - 1; right >= 1; right -= 2) {
      if (right == 6) right = 5;
      const bool upward = ((right + 1) & 2) == 0;
      for (int vert = 0; vert < size_; ++vert)
        for (int j = 0; j < 2; ++j) {
          const int x = right - j, y = upward ? size_ - 1 - vert : vert;
          if (function_[index(x, y)] || i >= total) continue;
          dark_[index(x, y)] = (words[i >> 3] >> (7 - (i & 7))) & 1;
          ++i;
        }
    }
  }

  int version_ = 0, size_ = 0;
  std::vector<unsigned char> dark_, function_;
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
    for (const int v : {kQrQuietModules + r.first, total - kQrQuietModules - below, r.end - r.first, below - r.top}) {
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
      else
        rectangle(o, row);
    }
    std::swap(open, row_runs);
  }
  std::memcpy(out, "f\n", 2);
  out += 2;
  const auto attr = static_cast<HPDF_PageAttr>(page->attr);
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(path.data()),
                        static_cast<HPDF_UINT>(out - path.data())) != HPDF_OK)
    throw std::runtime_error("QR code: writing the page content failed");
  HPDF_Page_GRestore(page);
}

}  // namespace mitra::pdf
