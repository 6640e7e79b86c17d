#include "engine.h"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <numeric>

#include "text_normalize.h"

namespace helder {
namespace {

using nlohmann::json;

// A line larger than this is rejected unread; texts up to it are parsed and then truncated.
constexpr std::size_t kMaxLineBytes = 4 * 1024 * 1024;
constexpr std::size_t kMaxBatchLines = 100000;

json result(bool ok, const std::string& kind, const std::string& error) {
  return json{{"ok", ok}, {"kind", kind}, {"error", error}};
}

json no_coordination() {
  return json{{"level", "none"}, {"score", 0.0}, {"cluster", nullptr}, {"signals", json::array()}};
}

json no_election() {
  return json{{"topic", false}, {"links", json::array()}, {"matched", json::array()}, {"councillor", false}};
}

json ai_block(const std::string& status) {
  return json{{"status", status}, {"score", nullptr}, {"level", nullptr}};
}

}  // namespace

struct Engine::Impl {
  LanguageIdentifier language;
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

std::string Engine::load_resource(const std::string& name, const std::string& text) {
  if (name.size() > 512) return result(false, "unknown", "resource name too long").dump();
  if (name == "models/langid.json") {
    std::string error = impl_->language.load_profile(text);
    return result(error.empty(), "language_profile", error.empty() ? "" : name + ": " + error).dump();
  }
  return result(false, "unknown", name + ": no loader for this resource").dump();
}

int Engine::ai_feature_dim() const { return 0; }

std::string Engine::ai_level(double) const { return ""; }

std::string Engine::analyze_jsonl(const std::string& jsonl) {
  ai_features_.clear();
  struct Item {
    std::size_t line;
    json output;
    PostParse parsed;
    std::string lang;
  };
  std::vector<Item> items;
  std::size_t line_no = 0, start = 0;
  while (start < jsonl.size() && items.size() < kMaxBatchLines) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string::npos) end = jsonl.size();
    ++line_no;
    std::string_view line(jsonl.data() + start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) continue;
    Item item{line_no, json(), PostParse(), ""};
    if (line.size() > kMaxLineBytes) {
      item.output = json{{"line", line_no}, {"error", "line is " + std::to_string(line.size()) + " bytes, more than the " +
                                                          std::to_string(kMaxLineBytes) + " a post may have"}};
      items.push_back(std::move(item));
      continue;
    }
    json value = json::parse(line.begin(), line.end(), nullptr, false);
    if (value.is_discarded()) {
      item.output = json{{"line", line_no}, {"error", "not valid JSON"}};
      items.push_back(std::move(item));
      continue;
    }
    item.parsed = parse_post(value);
    if (item.parsed.post.id.empty()) {
      std::string why = item.parsed.errors.empty() ? "no usable id" : item.parsed.errors.front();
      item.output = json{{"line", line_no}, {"error", "post skipped: " + why}};
    }
    items.push_back(std::move(item));
  }

  // Feed posts to the stateful detectors in time order (stable for equal times).
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].parsed.ok) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return items[a].parsed.post.time < items[b].parsed.post.time; });

  for (std::size_t i : order) {
    Item& item = items[i];
    const Post& post = item.parsed.post;
    LanguageGuess guess = impl_->language.identify(post.text);
    item.lang = guess.lang;
    if ((guess.lang == "und" || guess.confidence < 0.9) && !post.lang_hint.empty()) {
      std::string hint = post.lang_hint.substr(0, post.lang_hint.find_first_of("-_"));
      std::transform(hint.begin(), hint.end(), hint.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
      if (guess.lang == "und" || hint == "nl" || hint == "en") item.lang = hint == "nl" || hint == "en" ? hint : "other";
    }
  }

  std::string out;
  for (Item& item : items) {
    if (item.output.is_null()) {
      const PostParse& parsed = item.parsed;
      json errors = json::array();
      for (const auto& e : parsed.errors) errors.push_back(e);
      for (const auto& w : parsed.warnings) errors.push_back(w);
      item.output = json{{"id", parsed.post.id},
                         {"lang", parsed.ok ? item.lang : "und"},
                         {"coordination", no_coordination()},
                         {"ai", ai_block("unavailable")},
                         {"election", no_election()},
                         {"errors", errors}};
    }
    out += item.output.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::vector<std::uint8_t> Engine::export_state() const { return {}; }

std::string Engine::import_state(const std::vector<std::uint8_t>&) { return ""; }

void Engine::forget() {}

std::string Engine::stats() const { return json{{"language_profile", impl_->language.loaded()}}.dump(); }

}  // namespace helder
