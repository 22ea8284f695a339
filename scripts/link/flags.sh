# The release build's flags, shared by scripts/install.sh and scripts/startup-order.sh; sourced from
# the repository's root. Why each one: docs/PERFORMANCE.md, "Start-up and memory, step by step".
#
#   --static-swift-stdlib                  the Swift runtime, Foundation and ICU inside the binary
#   -function-sections (Swift, C, C++)     each function in its own section, so the linker can move it
#   -use-ld=lld                            the toolchain's lld (gold has neither of the next two)
#   --symbol-ordering-file                 the functions a start of the screen calls, first and together
#   -T unnamed.ld                          the compiler's unnamed functions together too
#   --version-script exports.map           export no symbols (the binary is no library)
#   -z pack-relative-relocs                compact (RELR) relocations: only with HAILUO_COMPACT_RELOCS=1 (glibc 2.36)
# Its own build folder: a release build already in .build, made without these flags, would keep
# its Swift objects (the driver does not rebuild them when only -Xfrontend flags change).
release_flags=(
    --scratch-path "$PWD/.build/install" -c release --static-swift-stdlib
    -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections -Xcxx -ffunction-sections
    -Xswiftc -use-ld=lld
    -Xlinker "--symbol-ordering-file=$PWD/scripts/link/startup.order" -Xlinker --no-warn-symbol-ordering
    -Xlinker -T -Xlinker "$PWD/scripts/link/unnamed.ld"
    -Xlinker "--version-script=$PWD/scripts/link/exports.map"
)
# Compact relocations only when asked (HAILUO_COMPACT_RELOCS=1) and the C library reads them: they
# save about 3 MB of a start, but the binary then needs glibc 2.36 (Debian 12, Ubuntu 24.04) where
# it runs, and the one file is meant to be copied to servers (Ubuntu 22.04 has glibc 2.35; without
# them the binary needs 2.35).
glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
if [ "${HAILUO_COMPACT_RELOCS:-0}" = 1 ] && [ -n "$glibc" ] \
    && [ "$(printf '%s\n' 2.36 "$glibc" | sort -V | head -1)" = 2.36 ]; then
    release_flags+=(-Xlinker -z -Xlinker pack-relative-relocs)
fi
