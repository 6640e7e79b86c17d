// bench-coshare FILE WINDOW MIN_PARTICIPATION [REPEATS]: native timing of the co-share core
// (CSV text already in memory, as in the wasm command), median of the repeats.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "coshare.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench-coshare FILE WINDOW MIN_PARTICIPATION [REPEATS]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  const int repeats = argc > 4 ? std::atoi(argv[4]) : 5;
  std::vector<double> seconds;
  helder::CoshareResult r;
  const helder::CoshareInput input = helder::parse_coshare_csv(csv);
  for (int i = 0; i < repeats; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    r = helder::coshare_core(input, std::atof(argv[2]), std::atoi(argv[3]));
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("rows %zu pairs %zu edges %zu core median %.4f s (CSV parsing excluded, as in runs.json)\n", r.rows, r.pairs, r.edges.size(), seconds[seconds.size() / 2]);
  return 0;
}
