// A small synchronous inflate (RFC 1951, raw deflate, after zlib's puff.c) for the page's words, which build.mjs
// deflates and checks against this very function. Synchronous, so the verdict never waits for a stream's tasks.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
  163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
  2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// A canonical Huffman code from its code lengths: how many codes of each length, and the symbols in code order.
function huffman(lengths) {
  const counts = new Uint16Array(16), next = new Uint16Array(16), symbols = new Uint16Array(lengths.length);
  for (const length of lengths) counts[length]++;
  counts[0] = 0;
  for (let i = 1; i < 16; i++) next[i] = next[i - 1] + counts[i - 1];
  lengths.forEach((length, symbol) => { if (length) symbols[next[length]++] = symbol; });
  return { counts, symbols };
}

// `size`, the inflated length if known, saves growing the output.
export function inflate(data, size = 1024) {
  let at = 0, held = 0, heldBits = 0;
  const bits = (n) => {
    while (heldBits < n) {
      if (at >= data.length) throw new Error('inflate: the data ends early');
      held |= data[at++] << heldBits;
      heldBits += 8;
    }
    const value = held & ((1 << n) - 1);
    held >>>= n;
    heldBits -= n;
    return value;
  };
  const decode = ({ counts, symbols }) => {
    for (let length = 1, code = 0, first = 0, index = 0; length < 16; length++) {
      code |= bits(1);
      if (code - first < counts[length]) return symbols[index + code - first];
      index += counts[length];
      first = (first + counts[length]) << 1;
      code <<= 1;
    }
    throw new Error('inflate: a code that is not in its table');
  };
  let out = new Uint8Array(Math.max(size, 1)), n = 0;
  const put = (byte) => {
    if (n === out.length) { const more = new Uint8Array(out.length * 2); more.set(out); out = more; }
    out[n++] = byte;
  };
  for (let last = 0; !last;) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {  // stored: from the next byte boundary, a length, its complement, the bytes
      held = heldBits = 0;
      const length = data[at] | (data[at + 1] << 8);
      for (let i = 0, from = at + 4; i < length; i++) put(data[from + i]);
      at += 4 + length;
      continue;
    }
    if (type === 3) throw new Error('inflate: an unknown block type');
    let literals, distances;
    if (type === 1) {
      literals = huffman(new Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288));
      distances = huffman(new Array(30).fill(5));
    } else {
      const literalCount = bits(5) + 257, distanceCount = bits(5) + 1, codeLengthCount = bits(4) + 4;
      const codeLengths = new Array(19).fill(0);
      for (let i = 0; i < codeLengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i]] = bits(3);
      const lengthCode = huffman(codeLengths), lengths = [];
      while (lengths.length < literalCount + distanceCount) {
        const symbol = decode(lengthCode);
        if (symbol < 16) { lengths.push(symbol); continue; }
        if (symbol === 16 && !lengths.length) throw new Error('inflate: a repeat with nothing before it');
        const value = symbol === 16 ? lengths[lengths.length - 1] : 0;
        const times = symbol === 16 ? 3 + bits(2) : symbol === 17 ? 3 + bits(3) : 11 + bits(7);
        for (let i = 0; i < times; i++) lengths.push(value);
      }
      literals = huffman(lengths.slice(0, literalCount));
      distances = huffman(lengths.slice(literalCount));
    }
    for (let symbol = decode(literals); symbol !== 256; symbol = decode(literals)) {
      if (symbol < 256) { put(symbol); continue; }
      symbol -= 257;
      if (symbol >= 29) throw new Error('inflate: a length code out of range');
      const length = LENGTH_BASE[symbol] + bits(LENGTH_EXTRA[symbol]);
      const d = decode(distances);
      if (d >= 30) throw new Error('inflate: a distance code out of range');
      const distance = DISTANCE_BASE[d] + bits(DISTANCE_EXTRA[d]);
      if (distance > n) throw new Error('inflate: a distance before the start');
      for (let i = 0; i < length; i++) put(out[n - distance]);
    }
  }
  return out.subarray(0, n);
}
