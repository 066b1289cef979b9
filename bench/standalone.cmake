# Until the top-level CMakeLists.txt has `if(MITRA_BENCH) add_subdirectory(bench) endif()`, bench/run-certificates
# passes this file as CMAKE_PROJECT_INCLUDE: bench/CMakeLists.txt is then read at the end of the top-level file.
# (EVAL, so that the path is expanded now: a deferred call expands its arguments only when it runs.)
cmake_language(EVAL CODE
  "cmake_language(DEFER DIRECTORY \"${CMAKE_SOURCE_DIR}\" CALL include \"${CMAKE_CURRENT_LIST_DIR}/CMakeLists.txt\")")
