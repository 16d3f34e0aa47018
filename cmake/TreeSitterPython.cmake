# The tree-sitter-python grammar: fetched by npm at a pinned, hash-checked version into the build
# tree (never into git) and compiled as objects that both libtesttier libraries absorb.
set(TESTTIER_GRAMMAR_DIR "${CMAKE_BINARY_DIR}/_deps/tree-sitter-python")

execute_process(
  COMMAND "${CMAKE_CURRENT_SOURCE_DIR}/scripts/fetch-grammar" "${TESTTIER_GRAMMAR_DIR}"
  RESULT_VARIABLE fetch_result)
if(NOT fetch_result EQUAL 0)
  message(FATAL_ERROR "testtier: could not fetch the tree-sitter-python grammar (see above).")
endif()

add_library(tree_sitter_python OBJECT
  "${TESTTIER_GRAMMAR_DIR}/src/parser.c"
  "${TESTTIER_GRAMMAR_DIR}/src/scanner.c")
# Third-party generated code: built as it ships, without our warnings.
target_include_directories(tree_sitter_python PRIVATE "${TESTTIER_GRAMMAR_DIR}/src")
set_target_properties(tree_sitter_python PROPERTIES
  C_STANDARD 11 POSITION_INDEPENDENT_CODE ON C_VISIBILITY_PRESET hidden)
target_compile_options(tree_sitter_python PRIVATE -w)
