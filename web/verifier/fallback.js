// The Ed25519 fallback for browsers whose WebCrypto has no Ed25519 (or no crypto.subtle at all, as on a page
// served over plain http): @noble/ed25519 with @noble/hashes' SHA-512, bundled and minified at build time.
import { verify, hashes } from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';

hashes.sha512 = sha512;
// RFC 8032 strict verification (zip215: false), as libsodium's, so both say the same of an edge-case signature.
globalThis.MitraNoble = { verify: (signature, message, publicKey) => verify(signature, message, publicKey, { zip215: false }) };
