#!/usr/bin/env bash
# package_test.sh SOURCE_DIR BUILD_DIR: builds the .deb from BUILD_DIR's programs (script/package), checks it with
# lintian (no errors), desktop-file-validate and appstreamcli (clean), installs it with apt-get, runs the installed
# mitra-cli demo and mitra (under Xvfb, in Japanese), checks both used /usr/share/mitra and nothing of the source
# tree, then removes the package: the machine is left as it was.
set -euo pipefail
source_dir=$(realpath "$1")
build_dir=$(realpath "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/mitra-package-test.XXXXXX")
installed=0
as_root=()
cleanup() {
  if [ "$installed" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get remove -y -q mitra >"$work/remove.log" 2>&1 ||
      { echo "FAIL: apt-get remove mitra:" >&2; cat "$work/remove.log" >&2; }
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. The package, from this build tree's programs (nothing is built twice).
deb=$("$source_dir/script/package" "$build_dir" "$work/out")
[ -f "$deb" ] || fail "script/package made no package"
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Depends | grep -q 'fonts-noto-cjk' || fail "the package does not depend on the Noto fonts"
dpkg-deb -f "$deb" Depends | grep -q 'libwx' || fail "the package's Depends has no shared libraries (dpkg-shlibdeps)"

# 2. lintian: no errors; its warnings are listed, and allowed.
lintian_user=()
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then
  # lintian only unpacks and reads the package: as nobody, in a copy nobody can read
  mkdir -p "$work/lintian" && cp "$deb" "$work/lintian/" && chmod -R a+rX "$work"
  lintian_user=(runuser -u nobody --)
  lintian_deb="$work/lintian/$(basename "$deb")"
else
  lintian_deb=$deb
fi
lintian_out=$(HOME="$work" "${lintian_user[@]}" lintian --tag-display-limit 0 "$lintian_deb" 2>&1) || true
echo "lintian:"
while IFS= read -r line; do echo "  $line"; done <<<"${lintian_out:-(nothing to say)}"
if grep -q '^E: ' <<<"$lintian_out"; then fail "lintian found errors"; fi

# 3. The desktop entry and AppStream metadata, as packaged.
dpkg-deb -x "$deb" "$work/root"
desktop=$(ls "$work"/root/usr/share/applications/*.desktop)
metainfo=$(ls "$work"/root/usr/share/metainfo/*.metainfo.xml)
validate=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $validate"
[ -z "$validate" ] || fail "desktop-file-validate is not clean: $validate"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate: the metadata is not valid"
# The menu entry and the software centre's summary in every catalog's language (merged from po/ by msgfmt).
for lang in $(grep -v "^#" "$source_dir/po/LINGUAS"); do
  for key in GenericName Comment; do
    grep -q "^$key\[$lang\]=" "$desktop" || fail "the desktop entry has no $key in $lang"
  done
  grep -q "<summary xml:lang=\"$lang\">" "$metainfo" || fail "the AppStream metadata has no summary in $lang"
done
icon=$(sed -n 's/^Icon=//p' "$desktop")
[ -f "$work/root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "the desktop entry's icon $icon is not packaged"
for dir in curricula certificates forms locale; do
  [ -d "$work/root/usr/share/mitra/$dir" ] || fail "/usr/share/mitra/$dir is not packaged"
done

# 4. Installed with apt-get: only as root (or with passwordless sudo), and never over an installed Mitra.
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "SKIP: installing needs root or passwordless sudo; the package was built and checked, not installed"
    exit 77
  fi
fi
if dpkg-query -W -f='${Status}' mitra 2>/dev/null | grep -q "install ok installed"; then
  echo "SKIP: a mitra package is installed on this machine already; it is not replaced nor removed"
  exit 77
fi
installed=1
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "$deb" \
  >"$work/install.log" 2>&1 || { cat "$work/install.log" >&2; fail "apt-get install $deb"; }
for program in /usr/bin/mitra /usr/bin/mitra-cli; do
  [ -x "$program" ] || fail "$program is not installed"
done

# The installed programs run as a user would: their own home, no MITRA_DATA_DIR, from a folder of their own.
mkdir -p "$work/home" "$work/run"
cd "$work/run"
as_user=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8)
# The files a traced run opened (strace -f -e openat): what it read of /usr/share/mitra, and of the source tree.
opened() { grep -v ' = -1 ' "$1" | grep -o '"[^"]*"' | tr -d '"' | sort -u; }
no_source_files() {
  if opened "$1" | grep -q "^$source_dir/"; then
    opened "$1" | grep "^$source_dir/" | head -n 5 >&2
    fail "$2 read files of the source tree instead of its own"
  fi
}

# 5. mitra-cli from /usr/bin: the demo, from the shipped curriculum and certificate template.
strace -f -qq -e trace=openat,open -o "$work/cli.trace" \
  "${as_user[@]}" /usr/bin/mitra-cli --db "$work/run/demo.db" demo >"$work/demo.out" 2>&1 ||
  { cat "$work/demo.out" >&2; fail "/usr/bin/mitra-cli demo"; }
cat "$work/demo.out"
[ -s "$work/run/demo.db" ] || fail "mitra-cli demo made no database"
ls "$work"/run/demo-certificates/DEMO-*/*.pdf >/dev/null 2>&1 || fail "mitra-cli demo issued no certificates"
opened "$work/cli.trace" | grep -q '^/usr/share/mitra/certificates/.*\.toml$' ||
  fail "mitra-cli demo did not read its certificate template from /usr/share/mitra/certificates"
no_source_files "$work/cli.trace" "mitra-cli demo"
cohorts=$("${as_user[@]}" /usr/bin/mitra-cli --db "$work/run/demo.db" cohort list)
for code in DEMO-KTM DEMO-BKK; do
  grep -q "$code" <<<"$cohorts" || fail "mitra-cli cohort list does not list the demo cohort $code: $cohorts"
done
echo "mitra-cli cohort list: $(grep -c DEMO- <<<"$cohorts") demo cohorts"
# Its reasons in the language asked for, from the installed catalogs (/usr/share/mitra/locale), the locale C.
strace -f -qq -e trace=openat,open -o "$work/words.trace" \
  "${as_user[@]}" LANG=C LANGUAGE=ja /usr/bin/mitra-cli --db "$work/run/demo.db" completion DEMO-KTM >"$work/completion.out" 2>&1 ||
  { cat "$work/completion.out" >&2; fail "/usr/bin/mitra-cli completion DEMO-KTM"; }
grep -q "遅れあり\|順調" "$work/completion.out" || fail "LANGUAGE=ja mitra-cli completion is not in Japanese"
opened "$work/words.trace" | grep -q '^/usr/share/mitra/locale/ja/LC_MESSAGES/mitra.mo$' ||
  fail "mitra-cli did not read its words from /usr/share/mitra/locale"
no_source_files "$work/words.trace" "mitra-cli completion"

# 6. mitra from /usr/bin, in Japanese under Xvfb: it starts (still running when stopped), reads its Japanese
# catalog and forms from /usr/share/mitra, and makes its database with the shipped curriculum.
set +e
"${as_user[@]}" LANGUAGE=ja xvfb-run -a -s "-screen 0 1280x800x24" \
  timeout -s TERM 20 strace -f -qq -e trace=openat,open -o "$work/app.trace" /usr/bin/mitra >"$work/app.out" 2>&1
status=$?
set -e
# timeout's 124: still running after 20 s; anything else means it stopped (or never started) by itself
[ "$status" = 124 ] || { cat "$work/app.out" >&2; fail "mitra stopped by itself (exit $status) instead of running"; }
opened "$work/app.trace" | grep -qx '/usr/share/mitra/locale/ja/LC_MESSAGES/mitra.mo' ||
  fail "mitra did not read /usr/share/mitra/locale/ja/LC_MESSAGES/mitra.mo"
opened "$work/app.trace" | grep -q '^/usr/share/mitra/forms/.*\.xrc$' || fail "mitra did not read its forms"
no_source_files "$work/app.trace" "mitra"
db="$work/home/.local/share/mitra/mitra.db"
[ -s "$db" ] || fail "mitra made no database at $db"
"${as_user[@]}" /usr/bin/mitra-cli --db "$db" curriculum list | grep -q PSF ||
  fail "the database mitra made has no shipped curriculum (PSF)"
echo "mitra: started in Japanese from /usr/share/mitra, and made $db with the shipped curriculum"
echo "PASS"
