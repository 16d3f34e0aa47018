# Find every third-party dependency, each with one clear message naming the Debian package
# that provides it (scripts/bootstrap installs them all).

function(testtier_missing what package)
  message(FATAL_ERROR
    "testtier: ${what} not found. Install the Debian package '${package}' "
    "(or run scripts/bootstrap, which installs every dependency).")
endfunction()

macro(testtier_find_config name package)
  find_package(${name} ${ARGN} CONFIG QUIET)
  if(NOT ${name}_FOUND)
    testtier_missing("${name}" "${package}")
  endif()
endmacro()

find_path(BOOST_GRAPH_INCLUDE_DIR boost/graph/adjacency_list.hpp)
if(NOT BOOST_GRAPH_INCLUDE_DIR)
  testtier_missing("Boost.Graph (boost/graph/adjacency_list.hpp)" "libboost-graph-dev")
endif()
add_library(boost_graph_headers INTERFACE)
target_include_directories(boost_graph_headers SYSTEM INTERFACE "${BOOST_GRAPH_INCLUDE_DIR}")

testtier_find_config(TBB libtbb-dev)
testtier_find_config(tomlplusplus libtomlplusplus-dev)
testtier_find_config(nlohmann_json nlohmann-json3-dev)
testtier_find_config(CLI11 libcli11-dev)
testtier_find_config(fmt libfmt-dev)
testtier_find_config(pugixml libpugixml-dev)

find_path(XXHASH_INCLUDE_DIR xxhash.h)
find_library(XXHASH_LIBRARY NAMES xxhash)
if(NOT XXHASH_INCLUDE_DIR OR NOT XXHASH_LIBRARY)
  testtier_missing("xxHash (xxhash.h, libxxhash)" "libxxhash-dev")
endif()
add_library(xxhash_lib UNKNOWN IMPORTED)
set_target_properties(xxhash_lib PROPERTIES
  IMPORTED_LOCATION "${XXHASH_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${XXHASH_INCLUDE_DIR}")

# jemalloc for the programs (never the library: a host picks its own allocator): the facts and
# results are many small objects, and parse arenas take their blocks from it.
find_library(JEMALLOC_LIBRARY NAMES jemalloc)
if(NOT JEMALLOC_LIBRARY)
  testtier_missing("jemalloc (libjemalloc)" "libjemalloc-dev")
endif()
add_library(jemalloc_lib UNKNOWN IMPORTED)
set_target_properties(jemalloc_lib PROPERTIES IMPORTED_LOCATION "${JEMALLOC_LIBRARY}"
  INTERFACE_SOURCES "${CMAKE_CURRENT_LIST_DIR}/jemalloc_settings.c")

if(TESTTIER_BUILD_TESTS)
  testtier_find_config(Catch2 catch2)
endif()
