// The verification page: reads a certificate code (from the link's '#', a pasted text or a PDF's bytes), checks its
// Ed25519 signature against the keys this site lists and its serial against the signed revocation list, and shows
// the verdict, then the facts (as text, never HTML). docs/verification.md is the formats' reference.
// fflate's synchronous raw inflate (the words below): synchronous, so the verdict never waits for a stream's tasks,
// and no DecompressionStream needed (Safari before 16.4 lacks it). esbuild keeps only inflateSync of fflate.
import { inflateSync } from 'fflate';

(function () {
  'use strict';
  performance.mark('mitra-start');
  const $ = (id) => document.getElementById(id);
  const site = JSON.parse($('site-data').textContent);
  // English comes as text; each other language deflated on its own (build.mjs), inflated when first shown.
  const PACKED = JSON.parse($('words').textContent);
  const named = (list) => Object.fromEntries(PACKED.keys.map((k, i) => [k, list[i]]));
  const WORDS = { en: named(PACKED.en) };
  const TAGS = ['en', ...Object.keys(PACKED.more)];
  function wordsOf(tag) {
    if (!WORDS[tag] && TAGS.includes(tag)) {
      const [text, size] = PACKED.more[tag];
      try {
        const bytes = inflateSync(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)), { out: new Uint8Array(size) });
        WORDS[tag] = named(JSON.parse(new TextDecoder().decode(bytes)));
      } catch (e) { WORDS[tag] = WORDS.en; }
    }
    return WORDS[tag] || WORDS.en;
  }
  const params = new URLSearchParams(location.search);

  // --- bytes ---------------------------------------------------------------------------------------------------
  const utf8 = (bytes) => { try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch (e) { return null; } };
  function base64url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
    const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    return Uint8Array.from(plain, (c) => c.charCodeAt(0));
  }
  // Version 2 digits: 7 bytes a 17-digit group; a last group of n < 7 bytes has 3, 5, 8, 10, 13 or 15 digits.
  const GROUP_DIGITS = [0, 3, 5, 8, 10, 13, 15, 17];
  function digitsDecode(digits) {
    const whole = Math.floor(digits.length / 17), last = GROUP_DIGITS.indexOf(digits.length % 17);
    if (!/^[0-9]*$/.test(digits) || last < 0) return null;
    const out = [];
    for (let g = 0, at = 0; g <= whole; g++) {
      const n = g < whole ? 7 : last;
      if (!n) break;
      const value = BigInt(digits.slice(at, at += GROUP_DIGITS[n]));
      if (value >> BigInt(8 * n)) return null;  // more than n bytes hold
      for (let i = n; i-- > 0;) out.push(Number((value >> BigInt(8 * i)) & 255n));
    }
    return Uint8Array.from(out);
  }

  // --- codes ---------------------------------------------------------------------------------------------------
  // The code in a link, a pasted text or a bare code (spaces and line breaks dropped); '' when there is none.
  function codeFromText(text) {
    let rest = text.replace(/[\s]/g, '');
    const hash = rest.lastIndexOf('#');
    if (hash >= 0) rest = rest.slice(hash + 1);
    try { rest = decodeURIComponent(rest); } catch (e) { /* kept as it is */ }
    if (rest.startsWith('MITRA1.')) return rest;
    if (/^M2[0-9]+$/.test(rest)) return rest;
    return '';
  }
  // { facts, message, signature } or null when the code cannot be read.
  function readCode(code) {
    if (code.startsWith('M2')) {
      const bytes = digitsDecode(code.slice(2));
      if (!bytes || bytes.length <= 64) return null;
      const text = utf8(bytes.subarray(64));
      const lines = text === null ? [] : text.split('\n');
      if (lines.length !== 10 || lines[0] !== 'M2') return null;
      const [, serial, name, latin, programme, kind, issued, expires, language, key] = lines;
      if (!serial || !kind || !issued || !key) return null;
      return { signature: bytes.subarray(0, 64), message: bytes.subarray(64),
               facts: { serial, name, latin, programme, title: '', kind, issued, expires, language, key } };
    }
    const parts = code.slice(7).split('.');
    if (parts.length !== 2) return null;
    const message = base64url(parts[0]), signature = base64url(parts[1]);
    const text = message && utf8(message);
    if (!text || !signature || signature.length !== 64) return null;
    const names = ['serial', 'name', 'latin', 'programme', 'title', 'kind', 'issued', 'expires', 'key'];
    const lines = text.split('\n'), facts = { expires: '', language: '' };
    if (lines.pop() !== '') return null;
    let i = 0;
    for (const name of names) {
      if (i < lines.length && lines[i].startsWith(name + '=')) facts[name] = lines[i++].slice(name.length + 1);
      else if (name !== 'expires') return null;
    }
    return i === lines.length ? { facts, message, signature } : null;
  }

  // --- signatures ----------------------------------------------------------------------------------------------
  let engine = '';
  const useWebCrypto = !params.has('fallback');
  async function verify(signature, message, publicKey) {
    if (useWebCrypto && globalThis.crypto && crypto.subtle) {
      try {
        const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
        const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
        engine = 'webcrypto';
        return ok;
      } catch (e) { /* no Ed25519 here: the fallback below */ }
    }
    engine = 'fallback';
    try { return globalThis.MitraNoble.verify(signature, message, publicKey); } catch (e) { return false; }
  }
  const keys = (site.keys || []).map((k) => ({ id: k.id, bytes: base64url(k.key) }));
  const keyFor = (id) => keys.find((k) => k.id === id && k.bytes && k.bytes.length === 32);

  // The revocation list: Map serial -> { day, category }, or null when it cannot be trusted (not checked).
  async function readRevocations(text) {
    const at = text.lastIndexOf('signature ');
    if (at < 0 || !text.endsWith('\n')) return null;
    const signed = new TextEncoder().encode(text.slice(0, at));
    const signature = base64url(text.slice(at + 10, -1));
    const lines = text.slice(0, at).split('\n');
    lines.pop();
    if (lines[0] !== 'MITRA-REVOCATIONS 1' || !/^key [0-9a-f]{16}$/.test(lines[1] || '') ||
        !/^made \S+$/.test(lines[2] || '')) return null;
    const key = keyFor(lines[1].slice(4));
    if (!key || !signature || signature.length !== 64 || !(await verify(signature, signed, key.bytes))) return null;
    const list = new Map();
    for (const line of lines.slice(3)) {
      const [serial, day, category, extra] = line.split(' ');
      if (!serial || !/^\d{4}-\d\d-\d\d$/.test(day || '') || !category || extra !== undefined) return null;
      list.set(serial, { day, category: category === '-' ? '' : category });
    }
    list.made = lines[2].slice(5);
    return list;
  }
  const revocationsReady = readRevocations(site.revocations || '');

  // --- verdicts ------------------------------------------------------------------------------------------------
  const today = () => {
    const d = new Date();
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  };
  // { verdict, facts?, revocation? }: facts only when the signature verifies.
  async function judge(code) {
    const read = readCode(code);
    if (!read) return { verdict: 'damaged' };
    const key = keyFor(read.facts.key);
    if (!key) return { verdict: 'unknown-key' };
    if (!(await verify(read.signature, read.message, key.bytes))) return { verdict: 'forged' };
    const revocations = await revocationsReady;
    const revocation = revocations && revocations.get(read.facts.serial);
    if (revocation) return { verdict: 'revoked', facts: read.facts, revocation };
    if (read.facts.expires && read.facts.expires < today()) return { verdict: 'expired', facts: read.facts };
    return { verdict: 'genuine', facts: read.facts };
  }

  // --- words ---------------------------------------------------------------------------------------------------
  // The words for a BCP 47 tag (any case, '_' read as '-'): itself, else its base language ("zh-Hans-CN" ->
  // "zh-Hans" -> "zh"), else none. Tagalog is offered Filipino; Chinese of Taiwan, Hong Kong or Macau without a
  // script is Traditional, other Chinese Simplified.
  const ALIASES = new Map([['tl', 'fil'], ['in', 'id']]);
  function wordsTag(tag) {
    const known = (t) => TAGS.find((k) => k.toLowerCase() === (ALIASES.get(t.toLowerCase()) || t).toLowerCase());
    const given = (tag || '').replace(/_/g, '-').replace(/^zh-(tw|hk|mo)(?=-|$)/i, 'zh-Hant-$1');
    for (let t = given; t; t = t.slice(0, Math.max(0, t.lastIndexOf('-')))) if (known(t)) return known(t);
    return /^zh(-|$)/i.test(given) && TAGS.includes('zh-Hans') ? 'zh-Hans' : '';
  }
  // Languages written right to left (of those the page may ever have words for).
  const RTL = ['ar', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi'];
  const isRtl = (tag) => RTL.includes(tag.split('-')[0]);
  let lang = 'en', offered = '';
  // In a right-to-left sentence a filled-in serial or date is isolated (FSI … PDI), so its hyphens stay in order.
  const word = (id, fill) => {
    const text = wordsOf(lang)[id] || WORDS.en[id] || id;
    const isolate = (value) => (isRtl(lang) && value ? '\u2068' + value + '\u2069' : value);
    return text.replace(/\{(\w+)\}/g, (_, k) => (fill && fill[k] !== undefined ? isolate(fill[k]) : ''));
  };
  function showLanguages() {
    const nav = $('langs');
    nav.replaceChildren();
    for (const tag of offered && offered !== 'en' ? ['en', offered] : []) {
      const b = document.createElement('button');
      b.type = 'button';
      b.lang = tag;
      b.textContent = wordsOf(tag)._name;
      b.setAttribute('aria-pressed', String(tag === lang));
      b.addEventListener('click', () => { lang = tag; render(); });
      nav.append(b);
    }
  }

  // Control, bidi-override and invisible characters written as \u{…}, so a forger cannot hide or reorder text.
  // ZWJ and ZWNJ stay: Sinhala, Devanagari and Arabic-script names need them.
  const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]/u;
  function addText(parent, text) {
    for (const ch of text) {
      if (HIDDEN.test(ch)) {
        const s = document.createElement('span');
        s.className = 'escaped';
        s.textContent = '\\u{' + ch.codePointAt(0).toString(16).toUpperCase() + '}';
        parent.append(s);
      } else if (parent.lastChild && parent.lastChild.nodeType === 3) parent.lastChild.data += ch;
      else parent.append(ch);
    }
  }

  // --- showing -------------------------------------------------------------------------------------------------
  let state = { verdict: '' };
  function kindText(kind) {
    const [what, code] = kind.split(':');
    return ['completion', 'module', 'certification'].includes(what) ? word('kind_' + what, { code: code || '' }) : kind;
  }
  function programmeText(facts) {
    const titles = (site.programmes || {})[facts.programme] || {};
    const title = titles[facts.language] || titles[(facts.language || '').split('-')[0]] || titles.en || facts.title;
    return title ? title + ' (' + facts.programme + ')' : facts.programme;
  }
  function render() {
    document.documentElement.lang = lang;
    document.documentElement.dir = isRtl(lang) ? 'rtl' : 'ltr';
    for (const el of document.querySelectorAll('[data-w]')) el.textContent = word(el.dataset.w);
    document.title = word('title');
    showLanguages();
    const box = $('verdict'), facts = $('facts'), f = state.facts;
    box.dataset.verdict = state.verdict || '';
    box.dataset.engine = engine;
    $('verdict-word').textContent = state.verdict ? word('v_' + state.verdict) : '';
    const r = state.revocation;
    $('verdict-reason').textContent = state.serial !== undefined
      ? word(state.unchecked ? 'not_checked' : r ? 'serial_listed' : 'serial_not_listed', { serial: state.serial, day: r && r.day })
      : word(state.verdict ? 'd_' + state.verdict : state.empty ? 'no_code' : 'waiting',
             { day: r && r.day, category: r && r.category ? word('cat_' + r.category) : '' });
    facts.replaceChildren();
    facts.hidden = $('compare').hidden = !f;
    if (f) {
      const rows = [['f_name', f.name, 'f-name'], ['f_latin', f.latin], ['f_programme', programmeText(f)],
                    ['f_kind', kindText(f.kind)], ['f_issued', f.issued], ['f_expires', f.expires], ['f_serial', f.serial]];
      for (const [label, value, id] of rows) {
        if (!value) continue;
        const dt = document.createElement('dt'), dd = document.createElement('dd');
        dt.textContent = word(label);
        dd.dir = 'auto';
        if (id) dd.id = id;
        addText(dd, value);
        facts.append(dt, dd);
      }
    }
    $('made').textContent = word('site_made', { made: site.made || '' });
    revocationsReady.then((list) => {
      $('revocation-note').textContent = list ? word('list_made', { made: list.made }) : word('not_checked');
    });
  }

  async function show(text, fromFile) {
    const code = codeFromText(text);
    const typed = text.trim();
    if (!code && !fromFile && /^[A-Za-z0-9][A-Za-z0-9-]{3,40}$/.test(typed)) {
      const list = await revocationsReady;
      state = { verdict: '', serial: typed, revocation: list ? list.get(typed) : undefined, unchecked: !list };
    } else if (!code) {
      state = fromFile ? { verdict: '', empty: true } : { verdict: 'damaged' };
    } else {
      state = await judge(code);
      if (state.facts) offered = wordsTag(state.facts.language);
      lang = wordsTag(params.get('lang')) || offered || 'en';
    }
    render();
    performance.mark('mitra-verdict');
    const took = performance.measure('mitra-load-to-verdict', 'mitra-start', 'mitra-verdict').duration;
    $('verdict').dataset.ms = String(Math.round(took * 10) / 10);
    $('verdict').dataset.navMs = String(Math.round(performance.now() * 10) / 10);
  }

  // --- input ---------------------------------------------------------------------------------------------------
  $('form').addEventListener('submit', (e) => { e.preventDefault(); show($('code').value, false); });
  // A PDF's Info Keywords hold the link (libharu writes them uncompressed); the first code in the bytes is taken.
  async function readPdf(file) {
    const text = new TextDecoder('latin1').decode(await file.arrayBuffer());
    const found = text.match(/M2[0-9]{100,}|MITRA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    show(found ? found[0] : '', true);
  }
  $('file').addEventListener('change', () => { if ($('file').files[0]) readPdf($('file').files[0]); });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) readPdf(e.dataTransfer.files[0]);
  });
  window.addEventListener('hashchange', () => show(location.hash, false));
  if (location.hash.length > 1) show(location.hash, false);
  else render();
})();
