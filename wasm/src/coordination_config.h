// Thresholds of the coordination signal, read from rules/coordination.json (validated whole).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_set>

namespace helder {

struct CoordinationConfig {
  int nd_min_words = 6;
  double nd_similarity = 0.5;
  double nd_window_s = 7 * 86400;
  int nd_notice_accounts = 3;
  int nd_strong_accounts = 5;
  int nd_max_candidates = 24;
  double cs_window_s = 60;
  int cs_notice_accounts = 3;
  int cs_repeated_objects = 2;
  int cs_max_shares = 64;
  double burst_window_s = 600;
  int burst_min_posts = 3;
  double reply_window_s = 3600;
  int reply_notice_accounts = 4;
  int min_trailing_digits = 6;
  int rapid_posts = 20;
  double rapid_window_s = 600;
  double notice_level = 0.3;
  double strong_level = 0.7;
  std::size_t max_posts = 100000;
  std::size_t max_bytes = 48u << 20;
  double retention_s = 30 * 86400.0;
  double stock_share = 0.6;
  std::unordered_set<std::string> stock_words;

  // Returns "" or the reason the whole file is refused (the previous config stays in use).
  std::string load(const std::string& json_text);
  // Posts the store holds: max_posts, lowered so the store stays within max_bytes.
  std::size_t capacity() const;
};

// Planned bytes per stored post (ring entry, LSH chains, side tables), used by capacity().
std::size_t coordination_bytes_per_post();

}  // namespace helder
