# `cmake --install`: both libraries, the public headers (never lib/src), the program, a CMake
# package (find_package(testtier CONFIG) → testtier::testtier, testtier::testtier_static) and a
# pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TESTTIER_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/testtier")

install(TARGETS testtier testtier_static EXPORT testtierTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS testtier_cli RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/lib/include/testtier" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
  FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(FILES "${PROJECT_BINARY_DIR}/lib/include/testtier/version.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/testtier")

install(EXPORT testtierTargets NAMESPACE testtier:: DESTINATION "${TESTTIER_CMAKE_DIR}")
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/testtierConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/testtierConfig.cmake" INSTALL_DESTINATION "${TESTTIER_CMAKE_DIR}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/testtierConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/testtierConfig.cmake" "${PROJECT_BINARY_DIR}/testtierConfigVersion.cmake"
  DESTINATION "${TESTTIER_CMAKE_DIR}")

# Relocatable: the prefix is found from where the .pc file is installed.
file(RELATIVE_PATH TESTTIER_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file("${CMAKE_CURRENT_LIST_DIR}/testtier.pc.in" "${PROJECT_BINARY_DIR}/testtier.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/testtier.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# Both libraries and the program contain tree-sitter's runtime and the tree-sitter-python grammar
# (MIT): their licences go with them.
install(FILES "${TESTTIER_TREE_SITTER_DIR}/vendor/tree-sitter/LICENSE"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/testtier" RENAME LICENSE.tree-sitter)
install(FILES "${TESTTIER_GRAMMAR_DIR}/LICENSE"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/testtier" RENAME LICENSE.tree-sitter-python)
