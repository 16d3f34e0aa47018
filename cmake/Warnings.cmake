# Warnings for the project's own code only: linked privately, never exported.
add_library(testtier_warnings INTERFACE)
target_compile_options(testtier_warnings INTERFACE
  $<$<COMPILE_LANGUAGE:CXX>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wconversion -Wno-sign-conversion>
  $<$<COMPILE_LANGUAGE:C>:-Wall -Wextra>)
