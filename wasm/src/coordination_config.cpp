#include "coordination_config.h"

#include <nlohmann/json.hpp>

#include "text_normalize.h"

namespace helder {

// Ring entry (~200 B) and LSH chains (~150 B) are fixed per slot; the rest is room for the side
// tables (clusters, shares, pairs, replies), which enforce_limit() keeps within the total.
std::size_t coordination_bytes_per_post() { return 900; }

std::size_t CoordinationConfig::capacity() const {
  std::size_t by_memory = max_bytes / coordination_bytes_per_post();
  std::size_t c = std::min(max_posts, by_memory);
  return c < 16 ? 16 : c;
}

std::string CoordinationConfig::load(const std::string& text) {
  using nlohmann::json;
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return "not a JSON object";
  if (doc.value("version", 0) != 1) return "\"version\" must be 1";
  CoordinationConfig c;
  std::string error;
  auto num = [&](const char* section, const char* key, double lo, double hi, double& out) {
    if (!error.empty()) return;
    if (!doc.contains(section) || !doc[section].is_object() || !doc[section].contains(key) || !doc[section][key].is_number()) {
      error = std::string(section) + "." + key + " is missing or not a number";
      return;
    }
    double v = doc[section][key].get<double>();
    if (!(v >= lo && v <= hi)) {
      error = std::string(section) + "." + key + " must be between " + std::to_string(lo) + " and " + std::to_string(hi);
      return;
    }
    out = v;
  };
  auto integer = [&](const char* section, const char* key, int lo, int hi, int& out) {
    double v = out;
    num(section, key, lo, hi, v);
    out = static_cast<int>(v);
  };
  double max_posts = 0, max_bytes = 0;
  integer("near_duplicate", "min_words", 3, 100, c.nd_min_words);
  num("near_duplicate", "similarity", 0.2, 1.0, c.nd_similarity);
  num("near_duplicate", "window_s", 60, 365 * 86400.0, c.nd_window_s);
  integer("near_duplicate", "notice_accounts", 2, 1000, c.nd_notice_accounts);
  integer("near_duplicate", "strong_accounts", 2, 1000, c.nd_strong_accounts);
  integer("near_duplicate", "max_candidates_per_band", 1, 256, c.nd_max_candidates);
  num("co_share", "window_s", 1, 86400, c.cs_window_s);
  integer("co_share", "notice_accounts", 2, 1000, c.cs_notice_accounts);
  integer("co_share", "repeated_objects", 2, 1000, c.cs_repeated_objects);
  integer("co_share", "max_shares_per_object", 4, 4096, c.cs_max_shares);
  num("burst", "window_s", 1, 86400, c.burst_window_s);
  integer("burst", "min_posts", 2, 1000, c.burst_min_posts);
  num("reply_swarm", "window_s", 1, 7 * 86400.0, c.reply_window_s);
  integer("reply_swarm", "notice_accounts", 2, 1000, c.reply_notice_accounts);
  integer("account_patterns", "min_trailing_digits", 3, 20, c.min_trailing_digits);
  integer("account_patterns", "rapid_posts", 2, 10000, c.rapid_posts);
  num("account_patterns", "rapid_window_s", 1, 86400, c.rapid_window_s);
  num("levels", "notice", 0, 1, c.notice_level);
  num("levels", "strong", 0, 1, c.strong_level);
  num("store", "max_posts", 16, 10'000'000, max_posts);
  num("store", "max_bytes", 1 << 20, 1024.0 * 1024 * 1024, max_bytes);
  num("store", "retention_s", 3600, 400 * 86400.0, c.retention_s);
  if (!error.empty()) return error;
  if (c.nd_strong_accounts < c.nd_notice_accounts) return "near_duplicate.strong_accounts must be at least notice_accounts";
  if (c.strong_level < c.notice_level) return "levels.strong must be at least levels.notice";
  c.max_posts = static_cast<std::size_t>(max_posts);
  c.max_bytes = static_cast<std::size_t>(max_bytes);
  if (!doc.contains("stock_share") || !doc["stock_share"].is_number()) return "stock_share is missing";
  c.stock_share = doc["stock_share"].get<double>();
  if (!(c.stock_share > 0 && c.stock_share <= 1)) return "stock_share must be in (0, 1]";
  if (!doc.contains("stock_words") || !doc["stock_words"].is_array() || doc["stock_words"].size() > 5000) return "stock_words must be a list of at most 5000 words";
  for (const auto& w : doc["stock_words"]) {
    if (!w.is_string() || w.get<std::string>().empty() || w.get<std::string>().size() > 64) return "stock_words must hold short strings";
    c.stock_words.insert(content_words(w.get<std::string>()));
  }
  *this = std::move(c);
  return "";
}

}  // namespace helder
