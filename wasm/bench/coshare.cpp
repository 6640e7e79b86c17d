// bench-coshare FILE WINDOW MIN_PARTICIPATION [REPEATS]: native timing of the co-share core
// (CSV text already in memory, as in the wasm command), median of the repeats.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sstream>
#include <vector>

#include "coshare.h"

namespace {
int bench(const std::string& file, double window, int mp, int repeats);
}

int main(int argc, char** argv) {
  if (argc < 4) {
    // Without arguments: the six reference runs of ../shared, when it is there.
    const std::string dir = std::string(HELDER_SOURCE_DIR) + "/../shared/data/coordination/coortweet/";
    std::ifstream probe(dir + "russian_coord_tweets.csv");
    if (!probe) {
      std::printf("bench-coshare: ../shared is absent, nothing to measure (usage: bench-coshare FILE WINDOW MIN_PARTICIPATION [REPEATS])\n");
      return 0;
    }
    struct Run { const char* file; double window; };
    for (Run r : {Run{"russian_coord_tweets.csv", 60}, Run{"russian_coord_tweets.csv", 10}, Run{"german_urls.csv", 30},
                  Run{"german_domains.csv", 30}, Run{"german_hashtags.csv", 30}, Run{"german_images.csv", 30}}) {
      std::printf("%s window %.0f: ", r.file, r.window);
      bench(dir + r.file, r.window, 2, 3);
    }
    return 0;
  }
  return bench(argv[1], std::atof(argv[2]), std::atoi(argv[3]), argc > 4 ? std::atoi(argv[4]) : 5);
}

namespace {
int bench(const std::string& file, double window, int mp, int repeats) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string csv = ss.str();
  std::vector<double> seconds;
  helder::CoshareResult r;
  const helder::CoshareInput input = helder::parse_coshare_csv(csv);
  for (int i = 0; i < repeats; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    r = helder::coshare_core(input, window, mp);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  std::printf("rows %zu pairs %zu edges %zu core median %.4f s (CSV parsing excluded, as in runs.json)\n", r.rows, r.pairs, r.edges.size(), seconds[seconds.size() / 2]);
  return 0;
}
}  // namespace
