# netstage_add_present_subdirectories(a b c): add each listed folder that has a
# CMakeLists.txt. The list is explicit (no GLOB); a folder that is still empty
# is skipped so the tree always configures.
macro(netstage_add_present_subdirectories)
  foreach(dir ${ARGN})
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/CMakeLists.txt)
      add_subdirectory(${dir})
    endif()
  endforeach()
endmacro()
