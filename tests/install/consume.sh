#!/usr/bin/env bash
# Install the built project into a temporary prefix, build examples/consumer against it (C++,
# C, and the static library) and run each on the sample corpus; then build a program with
# pkg-config alone. Also check that no internal header was installed, and that tree-sitter stays
# private to the shared library.
# Usage: consume.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=${1:?usage: consume.sh BUILD_DIR SOURCE_DIR WORK_DIR} source_dir=${2:?} work=${3:?}
rm -rf "$work" && mkdir -p "$work"
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

if find "$prefix/include" -name '*.hpp' | xargs grep -l '#include <\(tree_sitter\|toml++\|boost\|tbb\|fmt\|nlohmann\)' >/dev/null 2>&1; then
  echo "consume.sh: an installed header includes a private dependency" >&2; exit 1
fi
for internal in syntax_tree.hpp fact_store.hpp checks.hpp; do
  if find "$prefix" -name "$internal" | grep -q .; then echo "consume.sh: internal header $internal installed" >&2; exit 1; fi
done

# The tree-sitter runtime inside libtesttier.so is private: no ts_* symbol is exported, and the
# licences of the tree-sitter code inside the libraries are installed with them.
if nm -D --defined-only "$(find "$prefix" -name 'libtesttier.so' | head -1)" | grep -q ' ts_'; then
  echo "consume.sh: libtesttier.so exports tree-sitter symbols" >&2; exit 1
fi
for licence in LICENSE.tree-sitter LICENSE.tree-sitter-python; do
  [ -s "$prefix/share/doc/testtier/$licence" ] || { echo "consume.sh: $licence not installed" >&2; exit 1; }
done

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$source_dir/examples/consumer" -B "$work/consumer" "${generator[@]}" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
corpus="$source_dir/corpus/sentry-like"
for program in consumer_cpp consumer_c consumer_static; do
  out=$("$work/consumer/$program" "$corpus")
  echo "$program: $out" | head -1
  grep -q "29 files, 89 tests" <<<"$out" || { echo "consume.sh: $program said: $out" >&2; exit 1; }
done

pc_dir=$(dirname "$(find "$prefix" -name testtier.pc)")
cat >"$work/pc.c" <<'C'
#include <stdio.h>
#include <testtier/testtier.h>
int main(void) { printf("%s\n", testtier_version()); return 0; }
C
# shellcheck disable=SC2046
cc "$work/pc.c" -o "$work/pc" $(PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs testtier) -Wl,-rpath,"$(dirname "$pc_dir")"
"$work/pc" | grep -q "^[0-9]" || { echo "consume.sh: the pkg-config program did not run" >&2; exit 1; }
echo "consume.sh: installed package, CMake config and pkg-config all work"
