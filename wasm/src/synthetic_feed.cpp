#include "synthetic_feed.h"

#include <random>
#include <string>

namespace helder {
namespace {

std::string word(std::uint32_t k) {
  static const char* kSyll[] = {"ka", "ver", "de", "lo", "stem", "mi", "raad", "pen", "wo", "tel", "ge", "zon", "dijk", "bur", "an", "sel"};
  std::string w;
  do {
    w += kSyll[k % 16];
    k /= 16;
  } while (k > 0);
  return w;
}

}  // namespace

std::vector<Post> synthetic_posts(std::size_t count, std::size_t first_index, std::uint64_t seed) {
  std::vector<Post> posts;
  posts.reserve(count);
  for (std::size_t n = first_index; n < first_index + count; ++n) {
    std::mt19937_64 rng(seed ^ (n * 0x9e3779b97f4a7c15ULL));
    Post p;
    p.id = "p" + std::to_string(n);
    p.platform = "x";
    p.author = "user" + std::to_string(rng() % 50000);
    p.time = 1.7e9 + static_cast<double>(n) * 0.5;
    const bool campaign = rng() % 20 == 0;
    std::mt19937_64 text_rng(campaign ? seed + (rng() % 200) : rng());
    const int words = 12 + static_cast<int>(text_rng() % 14);
    for (int i = 0; i < words; ++i) {
      if (i) p.text += ' ';
      p.text += word(static_cast<std::uint32_t>(text_rng() % 3000));
    }
    if (campaign && rng() % 2) p.text += " " + word(static_cast<std::uint32_t>(rng() % 3000));  // a small edit
    if (rng() % 5 == 0) p.links.push_back("https://nieuws.example/" + std::to_string(rng() % 20000));
    if (rng() % 4 == 0) p.hashtags = {"tag" + std::to_string(rng() % 300), "tag" + std::to_string(rng() % 300)};
    posts.push_back(std::move(p));
  }
  return posts;
}

}  // namespace helder
