# Passed by bench/hub/run as CMAKE_PROJECT_INCLUDE, so bench_hub is configured alongside the project's targets
# without the top-level CMakeLists.txt knowing about it (a deferred call may define targets, not directories).
function(_mitra_add_bench_hub)
  add_executable(bench_hub ${CMAKE_SOURCE_DIR}/bench/hub/hub_bench.cpp)
  target_link_libraries(bench_hub PRIVATE mitra_store mitra_io mitra_core)
  target_compile_definitions(bench_hub PRIVATE MITRA_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL _mitra_add_bench_hub)
