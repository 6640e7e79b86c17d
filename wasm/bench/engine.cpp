// bench-engine: posts/second of the whole engine, natively, on a generated feed.
//   bench-engine --write-feed FILE [N]   writes a deterministic N-post feed (default 100,000)
//   bench-engine FILE [RESOURCE ...]     analyses it in batches of 1,000 and prints the figures
// The wasm figure comes from bench/engine_wasm.mjs on the same file; tools/run_bench.sh prints both
// and their ratio.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "engine.h"

namespace {

const char* kDutch[] = {"de", "het", "een", "gemeente", "stemmen", "vandaag", "niet", "wij", "moeten", "woningen",
                        "bouwen", "raad", "kabinet", "klimaat", "zorg", "onderwijs", "belasting", "boeren", "stikstof",
                        "verkiezingen", "stembureau", "eerlijk", "iedereen", "nederland", "minister", "partij", "debat",
                        "vanavond", "goed", "slecht", "meer", "minder", "geld", "mensen", "jongeren", "ouderen"};
const char* kEnglish[] = {"the", "a", "vote", "today", "not", "we", "must", "build", "homes", "council", "cabinet",
                          "climate", "care", "schools", "tax", "farmers", "election", "polling", "fair", "everyone",
                          "minister", "party", "debate", "tonight", "good", "bad", "more", "less", "money", "people"};

std::string sentence(std::mt19937& rng, bool dutch, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) {
    const char* w = dutch ? kDutch[rng() % (sizeof kDutch / sizeof *kDutch)]
                          : kEnglish[rng() % (sizeof kEnglish / sizeof *kEnglish)];
    if (i) s += ' ';
    s += w;
  }
  return s;
}

void write_feed(const std::string& path, int n) {
  std::mt19937 rng(20261122);
  std::ofstream out(path);
  double t = 1767225600;  // 2026-01-01
  std::vector<std::string> campaign_texts;
  for (int c = 0; c < 50; ++c) campaign_texts.push_back(sentence(rng, true, 18));
  for (int i = 0; i < n; ++i) {
    t += (rng() % 2000) / 100.0;
    bool dutch = rng() % 3 != 0;
    nlohmann::json post;
    post["id"] = "p" + std::to_string(i);
    post["platform"] = "x";
    post["author"] = "user" + std::to_string(rng() % 20000);
    post["time"] = t;
    std::string text;
    if (rng() % 20 == 0) {  // 5% belong to copy-paste campaigns
      text = "Lees dit: " + campaign_texts[rng() % campaign_texts.size()];
    } else {
      text = sentence(rng, dutch, 6 + static_cast<int>(rng() % 30));
    }
    if (rng() % 5 == 0) {
      std::string link = "https://news.example/a" + std::to_string(rng() % 3000) + "?utm_source=x";
      text += " " + link;
      post["links"] = {link};
    }
    if (rng() % 4 == 0) text += " #TK" + std::to_string(2025 + rng() % 3);
    post["text"] = text;
    out << post.dump() << "\n";
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::string(argv[1]) == "--write-feed") {
    write_feed(argv[2], argc >= 4 ? std::stoi(argv[3]) : 100000);
    return 0;
  }
  if (argc < 2) {
    std::cerr << "usage: bench-engine --write-feed FILE [N] | bench-engine FILE [REPO_ROOT]\n";
    return 2;
  }
  helder::Engine engine;
  std::string root = argc >= 3 ? argv[2] : ".";
  // The resources the CLI loads, found through the list tools/run_bench.sh writes.
  std::ifstream list(root + "/build/bench/resources.txt");
  std::string name;
  while (std::getline(list, name)) {
    auto result = nlohmann::json::parse(engine.load_resource(name, read_file(root + "/" + name)));
    if (!result["ok"].get<bool>()) std::cerr << "resource rejected: " << result["error"] << "\n";
  }
  std::string feed = read_file(argv[1]);
  std::vector<std::string> batches;
  std::size_t start = 0, lines = 0;
  while (start < feed.size()) {
    std::size_t end = start;
    for (int k = 0; k < 1000 && end < feed.size(); ++k) {
      end = feed.find('\n', end);
      end = end == std::string::npos ? feed.size() : end + 1;
      ++lines;
    }
    batches.push_back(feed.substr(start, end - start));
    start = end;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::size_t out_bytes = 0;
  for (const auto& b : batches) out_bytes += engine.analyze_jsonl(b).size();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("native: %zu posts in %.3f s = %.0f posts/s; peak RSS %.1f MB; %zu bytes of annotations\n", lines,
              seconds, lines / seconds, usage.ru_maxrss / 1024.0, out_bytes);
  std::printf("NATIVE_POSTS_PER_S=%.0f\n", lines / seconds);
  return 0;
}
