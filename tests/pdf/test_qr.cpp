// QR symbols: libqrencode's own (its splitter's segments, or byte mode for a text holding NUL) for every version,
// with the mask chosen by a penalty count checked against a plain module-by-module one.
#include "pdf/qr.hpp"

#include <qrencode.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <random>
#include <string>

using namespace mitra::pdf;

namespace {

std::string random_bytes(std::mt19937& rng, int length) {
    std::string s;
    for (int i = 0; i < length; ++i) s += static_cast<char>(rng() % 256);  // NUL bytes included
    return s;
}

// The penalty rules read module by module, as ZXing's MaskUtil applies them: the oracle for qr_penalty().
int plain_penalty(const QrMatrix& qr) {
    const int n = qr.size;
    auto dark = [&](int x, int y) { return x >= 0 && y >= 0 && x < n && y < n && qr.at(x, y); };
    int score = 0;
    for (int vertical = 0; vertical < 2; ++vertical)
        for (int a = 0; a < n; ++a) {
            auto at = [&](int b) { return vertical ? dark(a, b) : dark(b, a); };
            int run = 1;
            for (int b = 1; b <= n; ++b) {
                if (b < n && at(b) == at(b - 1)) {
                    ++run;
                    continue;
                }
                if (run >= 5) score += 3 + run - 5;
                run = 1;
            }
            for (int b = 0; b + 6 < n; ++b) {
                if (!(at(b) && !at(b + 1) && at(b + 2) && at(b + 3) && at(b + 4) && !at(b + 5) && at(b + 6))) continue;
                const bool before = !at(b - 1) && !at(b - 2) && !at(b - 3) && !at(b - 4);  // beyond the symbol is light
                const bool after = !at(b + 7) && !at(b + 8) && !at(b + 9) && !at(b + 10);
                if (before || after) score += 40;
            }
        }
    int dark_count = 0;
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            dark_count += dark(x, y);
            if (x + 1 < n && y + 1 < n && dark(x, y) == dark(x + 1, y) && dark(x, y) == dark(x, y + 1) &&
                dark(x, y) == dark(x + 1, y + 1))
                score += 3;
        }
    score += 10 * (std::abs(dark_count * 2 - n * n) * 10 / (n * n));
    return score;
}

}  // namespace

TEST_CASE("a QR symbol is libqrencode's own, module for module, for one of its masks", "[qr]") {
    std::mt19937 rng(20260803);
    int versions_seen = 0, last_version = 0;
    // Every length up to 400 bytes, then every 13th up to version 40-M's 2,331: all 40 versions.
    for (int length = 1; length <= 2331; length += length < 400 ? 1 : 13) {
        // Every other text without NUL bytes, in the segments QRcode_encodeString() splits it into; the rest (NUL
        // bytes and all) in byte mode throughout, as QRcode_encodeData() writes it.
        std::string text = random_bytes(rng, length);
        if (length % 2 == 0) std::replace(text.begin(), text.end(), '\0', '7');
        const bool split = text.find('\0') == std::string::npos;
        std::unique_ptr<QRcode, decltype(&QRcode_free)> theirs(
            split ? QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1)
                  : QRcode_encodeData(length, reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M),
            &QRcode_free);
        REQUIRE(theirs);
        int matching_mask = -1;
        for (int mask = 0; mask < 8 && matching_mask < 0; ++mask) {
            const QrMatrix ours = encode_qr(text, mask);
            REQUIRE(ours.version == theirs->version);
            REQUIRE(ours.size == theirs->width);
            bool same = true;
            for (std::size_t i = 0; same && i < ours.dark.size(); ++i) same = ours.dark[i] == (theirs->data[i] & 1);
            if (same) matching_mask = mask;
        }
        INFO("length " << length << ", version " << theirs->version);
        CHECK(matching_mask >= 0);
        if (theirs->version != last_version) ++versions_seen, last_version = theirs->version;
    }
    CHECK(versions_seen == 40);
    CHECK(encode_qr(std::string(2331, 'x')).version == 40);
    CHECK_THROWS_AS(encode_qr(std::string(2332, 'x')), std::invalid_argument);
    CHECK_THROWS_AS(encode_qr("x", 8), std::invalid_argument);
}

TEST_CASE("the penalty score counts what the standard's four rules count", "[qr]") {
    SECTION("an all-light 21 x 21 square") {
        QrMatrix blank;
        blank.size = 21;
        blank.dark.assign(21 * 21, 0);
        // 42 runs of 21 (3 + 16 each), 400 2x2 blocks (3 each), no finder-like pattern, 0% dark (10 x 10).
        CHECK(qr_penalty(blank) == 42 * 19 + 400 * 3 + 100);
        CHECK(plain_penalty(blank) == qr_penalty(blank));
    }
    SECTION("a finder-like pattern against the edge and in the middle") {
        QrMatrix m;
        m.size = 21;
        m.dark.assign(21 * 21, 0);
        for (const int x : {0, 2, 3, 4, 6, 10, 12, 13, 14, 16}) m.dark[static_cast<std::size_t>(5 * 21 + x)] = 1;
        CHECK(qr_penalty(m) == plain_penalty(m));
    }
    SECTION("random squares of every size, and real symbols") {
        std::mt19937 rng(7);
        for (int version = 1; version <= 40; ++version) {
            QrMatrix m;
            m.size = 4 * version + 17;
            m.dark.resize(static_cast<std::size_t>(m.size) * m.size);
            const unsigned density = 2 + rng() % 5;  // runs and blocks are commoner when one colour dominates
            for (auto& d : m.dark) d = rng() % density == 0;
            INFO("size " << m.size);
            CHECK(qr_penalty(m) == plain_penalty(m));
            const QrMatrix real = encode_qr(random_bytes(rng, 1 + static_cast<int>(rng() % 300)), version % 8);
            CHECK(qr_penalty(real) == plain_penalty(real));
        }
    }
}

TEST_CASE("a QR symbol takes the mask of lowest penalty, the first on a tie", "[qr]") {
    std::mt19937 rng(11);
    int long_ones = 0;
    for (int i = 0; i < 40; ++i) {
        // Short texts, and every fourth one long enough for a version above 25 (lines of three words, not two).
        const int length = 1 + static_cast<int>(rng() % (i % 4 == 3 ? 2331 : 600));
        const std::string text = i == 0 ? std::string("PSF-NP-2026-000123-K") : random_bytes(rng, length);
        const QrMatrix chosen = encode_qr(text);
        int best = 0, best_score = 0;
        for (int mask = 0; mask < 8; ++mask) {
            const int score = plain_penalty(encode_qr(text, mask));
            if (mask == 0 || score < best_score) best = mask, best_score = score;
        }
        INFO("text of " << text.size() << " bytes, version " << chosen.version);
        CHECK(chosen.mask == best);
        long_ones += chosen.version > 25;
        CHECK(chosen.dark == encode_qr(text, best).dark);
    }
    CHECK(long_ones >= 3);
}
