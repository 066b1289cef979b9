// The verification page's template (web/verifier/, built into the program by web/verifier/build.mjs): one HTML file
// with its style, words, script and Ed25519 fallback inside; "/*@SITE_DATA@*/" marks where the site's data goes.
#pragma once

namespace mitra::workflow {

extern const char* const kVerifierPageTemplate;

}  // namespace mitra::workflow
