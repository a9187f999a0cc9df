# Helpers shared by every folder: one place for warnings and test registration.

function(netstage_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
                         -Woverloaded-virtual)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC 12 reports impossible overlaps inside std::string concatenation at
    # -O2 and above (GCC bug 105329); the warning says nothing about our code.
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(NETSTAGE_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# netstage_library(NAME alias_suffix SOURCES ... DEPS ...)
# Creates netstage_<name> with the alias netstage::<name>; headers are
# included as "simulator/core/time.hpp" from the repository root.
function(netstage_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(netstage_${name} STATIC ${ARG_SOURCES})
  add_library(netstage::${name} ALIAS netstage_${name})
  target_include_directories(netstage_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(netstage_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  netstage_warnings(netstage_${name})
endfunction()

# netstage_test(NAME SOURCES ... DEPS ...): a GoogleTest executable registered in CTest.
function(netstage_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR})
  netstage_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
                       PROPERTIES ENVIRONMENT "NETSTAGE_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
