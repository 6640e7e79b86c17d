// bench-coordination [N]: the coordination signal natively on N synthetic posts (default 200,000)
// with the store full after the first 100,000; prints posts/s and store memory.
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "signals.h"
#include "synthetic_feed.h"

int main(int argc, char** argv) {
  std::size_t n = argc > 1 ? static_cast<std::size_t>(std::atol(argv[1])) : 200000;
  auto signal = helder::CoordinationSignal::create();
  std::ifstream in(std::string(HELDER_SOURCE_DIR) + "/rules/coordination.json");
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = signal->load_resource("rules/coordination.json", ss.str());
  if (!r.ok) {
    std::fprintf(stderr, "%s\n", r.error.c_str());
    return 1;
  }
  double seconds = 0, gen = 0, cpu = 0;
  for (std::size_t done = 0; done < n; done += 1000) {
    auto g0 = std::chrono::steady_clock::now();
    auto posts = helder::synthetic_posts(1000, done);
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    std::vector<helder::SignalInput> inputs;
    for (const auto& p : posts) inputs.push_back(helder::SignalInput{&p, "nl"});
    signal->annotate(inputs, helder::SignalContext{});
    auto t1 = std::chrono::steady_clock::now();
    if (done >= n / 2) cpu += static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    gen += std::chrono::duration<double>(t0 - g0).count();
    if (done >= n / 2) seconds += std::chrono::duration<double>(t1 - t0).count();
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("coordination, native: %.0f posts/s wall clock, %.0f posts/s of CPU time, with a full store (generation %.2f s excluded); peak RSS of the whole process %.1f MiB; %s\n",
              static_cast<double>(n / 2) / seconds, static_cast<double>(n / 2) / cpu, gen, static_cast<double>(usage.ru_maxrss) / 1024.0, signal->stats().dump().c_str());
  return 0;
}
