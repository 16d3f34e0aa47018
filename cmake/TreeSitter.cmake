# tree-sitter: its runtime and the tree-sitter-python grammar, both fetched with npm at pinned,
# hash-checked versions into the build tree (never into git) and compiled into both libtesttier
# libraries. The runtime is built here rather than taken from Debian's libtree-sitter: as one
# translation unit (its lib.c) it parses ~10% faster than Debian's build, tuned for this CPU
# another ~7% (README "Performance"), and its symbols stay hidden inside libtesttier.so, so
# the allocator testtier installs into it (parse arenas) touches no other tree-sitter user.
include(CheckCCompilerFlag)

set(TESTTIER_TREE_SITTER_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter")
set(TESTTIER_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter-python")

# Run scripts/fetch-npm-sources NAME VERSION SHA512 DEST PATH...; stop configuring if it fails.
function(testtier_fetch_npm_sources name version sha512 dest)
  execute_process(
    COMMAND "${PROJECT_SOURCE_DIR}/scripts/fetch-npm-sources" "${name}" "${version}" "${sha512}" "${dest}" ${ARGN}
    RESULT_VARIABLE fetch_result)
  if(NOT fetch_result EQUAL 0)
    message(FATAL_ERROR "testtier: could not fetch ${name}@${version} with npm (see above).")
  endif()
endfunction()

# The node binding `tree-sitter` ships the runtime's C sources (vendor/tree-sitter/lib); 0.21.1
# reads grammars of LANGUAGE_VERSION 13-14. sha512: the registry's "integrity" field, as hex.
testtier_fetch_npm_sources(tree-sitter 0.21.1
  eddc6803a918bed816c3cd36eb9332a89964465e326b02233bb4b9322832b6310b917e377d5d96b005f3b0d7ceeec0693cf085e46a74f97cc79340f02c2ab7c5
  "${TESTTIER_TREE_SITTER_DIR}" vendor/tree-sitter/lib/src vendor/tree-sitter/lib/include vendor/tree-sitter/LICENSE)
# The grammar (LANGUAGE_VERSION 14): src/ holds parser.c, scanner.c and tree_sitter/parser.h.
testtier_fetch_npm_sources(tree-sitter-python 0.23.6
  c8833dcf4a31288c53edb02d3ce860a1597a8135e59a5221b9eee58854f8a013c5fe585aec76b8750052f3602fea130c459a159c5248f0cea62fe4b05a82c3dc
  "${TESTTIER_GRAMMAR_DIR}" src LICENSE)

# What code that calls tree-sitter needs: the API header, declared hidden (see above).
add_library(tree_sitter_headers INTERFACE)
target_include_directories(tree_sitter_headers SYSTEM INTERFACE
  "${TESTTIER_TREE_SITTER_DIR}/vendor/tree-sitter/lib/include")
target_compile_definitions(tree_sitter_headers INTERFACE TREE_SITTER_HIDE_SYMBOLS)

# Third-party C, built as it ships (without our warnings), position-independent for the shared
# library. -mtune changes instruction scheduling only: the binaries still run on any CPU.
set(TESTTIER_TREE_SITTER_TUNING "")
check_c_compiler_flag(-mtune=native TESTTIER_HAS_MTUNE_NATIVE)
if(TESTTIER_HAS_MTUNE_NATIVE)
  set(TESTTIER_TREE_SITTER_TUNING -mtune=native)
endif()

add_library(tree_sitter_runtime OBJECT "${TESTTIER_TREE_SITTER_DIR}/vendor/tree-sitter/lib/src/lib.c")
target_include_directories(tree_sitter_runtime PRIVATE "${TESTTIER_TREE_SITTER_DIR}/vendor/tree-sitter/lib/src")
target_compile_definitions(tree_sitter_runtime PRIVATE TREE_SITTER_HIDDEN_SYMBOLS)
target_link_libraries(tree_sitter_runtime PRIVATE tree_sitter_headers)

add_library(tree_sitter_python OBJECT
  "${TESTTIER_GRAMMAR_DIR}/src/parser.c"
  "${TESTTIER_GRAMMAR_DIR}/src/scanner.c")
target_include_directories(tree_sitter_python PRIVATE "${TESTTIER_GRAMMAR_DIR}/src")

foreach(target tree_sitter_runtime tree_sitter_python)
  set_target_properties(${target} PROPERTIES
    C_STANDARD 11 POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
  target_compile_options(${target} PRIVATE -w ${TESTTIER_TREE_SITTER_TUNING})
endforeach()
