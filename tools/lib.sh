# Shared by tools/run-sample and tools/test (sourced, not run).
# The Debian 12 packages sverka builds and tests with; README.md names them.
SVERKA_PACKAGES=(
  g++ meson ninja-build pkg-config       # compiler and build
  python3                                # build step: embeds the segmenter's rule files
  libicu-dev libxml2-dev libsqlite3-dev  # ICU, libxml2, SQLite 3
  libboost-program-options-dev           # the command line
  libstemmer-dev                         # Snowball stemmers
  zlib1g-dev                             # reading dictd's .dict.dz
  libzip-dev                             # DOCX, ODT and EPUB are zip packages
  mueller7-dict                          # the default bilingual dictionary (GPL, read at run time)
  dict-freedict-eng-rus                  # the default where mueller7-dict is missing (GPL, read at run time)
  catch2                                 # the test framework (v2.13)
  libxml2-utils                          # xmllint: checks exported TMX
  libncurses-dev                         # sverka review: the full-screen interface (ncursesw)
  python3-pexpect                        # drives sverka review in a pseudo-terminal (test)
  omegat python3-translate               # acceptance tests: a CAT tool and translate-toolkit
                                         # read our TMX (skipped when missing)
  parallel                               # acceptance test of doc/cluster.md's GNU parallel recipe
  pandoc                                 # acceptance test: real DOCX, ODT and EPUB made from corpora/
  libreoffice-writer-nogui               # ... and LibreOffice's own DOCX and ODT, tracked changes kept
  snakemake munge slurm-wlm              # tools/snakemake/ and its tests (a one-node Slurm)
  chromium                               # renders the HTML review report in a test (headless)
)

# Installs the packages that are missing: as root with apt-get (update once,
# then install); otherwise prints the exact command and stops.
sverka_ensure_packages() {
  local missing=() p
  for p in "${SVERKA_PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local cmd="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "sverka needs these Debian packages; as root run:" >&2
    echo "  $cmd" >&2
    return 1
  fi
  echo "installing: ${missing[*]}"
  apt-get update -q >/dev/null || return 1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null || return 1
}

# Configures build/ (or reconfigures an existing one) and builds; nothing downloads.
sverka_build() {
  if [ -f build/build.ninja ]; then
    meson setup --reconfigure build --wrap-mode=nodownload >/dev/null || return 1
  else
    meson setup build --wrap-mode=nodownload --buildtype=debugoptimized >/dev/null || return 1
  fi
  ninja -C build >/dev/null || { ninja -C build; return 1; }
}

# The number of translation units in a TMX file sverka wrote: its units are
# written `<tu creationdate=…>`, so `<tu>` alone counted 0 (issue 17);
# `<tuv` does not count. tests/cli/never_lose_test.cpp runs it on an export.
sverka_tmx_units() {
  grep -c '<tu[ >]' "$1" || true
}
