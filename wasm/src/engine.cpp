#include "engine.h"

#include <algorithm>
#include <ctime>
#include <nlohmann/json.hpp>
#include <numeric>

#include "signals.h"
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

// Repairs what JSON parsers refuse but a post can survive: invalid UTF-8 bytes and lone UTF-16
// surrogate escapes (JavaScript strings can hold them) become U+FFFD. Called only when a line does
// not parse as it is.
std::string repair_text_encoding(std::string_view line, bool& changed) {
  std::string repaired = encode_utf8(decode_utf8(line, line.size() + 1));
  std::string out;
  out.reserve(repaired.size());
  auto hex4 = [&](std::size_t pos, unsigned& value) {
    if (pos + 6 > repaired.size() || repaired[pos] != '\\' || repaired[pos + 1] != 'u') return false;
    value = 0;
    for (std::size_t k = pos + 2; k < pos + 6; ++k) {
      char c = repaired[k];
      unsigned d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
      if (d == 16) return false;
      value = value * 16 + d;
    }
    return true;
  };
  for (std::size_t i = 0; i < repaired.size(); ++i) {
    if (repaired[i] == '\\' && i + 1 < repaired.size() && repaired[i + 1] == '\\') {
      out += "\\\\";
      ++i;
      continue;
    }
    unsigned value = 0, low = 0;
    if (hex4(i, value) && value >= 0xD800 && value <= 0xDFFF) {
      if (value <= 0xDBFF && hex4(i + 6, low) && low >= 0xDC00 && low <= 0xDFFF) {
        out.append(repaired, i, 12);
        i += 11;
      } else {
        out += "\\ufffd";
        i += 5;
      }
      continue;
    }
    out.push_back(repaired[i]);
  }
  changed = out != line;
  return out;
}

json no_coordination() {
  return json{{"level", "none"}, {"score", 0.0}, {"cluster", nullptr}, {"signals", json::array()}};
}

json no_election() {
  return json{{"topic", false}, {"links", json::array()}, {"matched", json::array()}, {"councillor", false}};
}

json ai_unavailable() { return json{{"status", "unavailable"}, {"score", nullptr}, {"level", nullptr}}; }

}  // namespace

struct Engine::Impl {
  LanguageIdentifier language;
  std::unique_ptr<CoordinationSignal> coordination = CoordinationSignal::create();
  std::unique_ptr<ElectionSignal> election = ElectionSignal::create();
  std::unique_ptr<AiSignal> ai = AiSignal::create();
};

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;

std::string Engine::load_resource(const std::string& name, const std::string& text) {
  if (name.size() > 512) return result(false, "unknown", "resource name too long").dump();
  if (name == "models/langid.json") {
    std::string error = impl_->language.load_profile(text);
    return result(error.empty(), "language_profile", error.empty() ? "" : name + ": " + error).dump();
  }
  for (ResourceResult r : {impl_->coordination->load_resource(name, text), impl_->election->load_resource(name, text),
                           impl_->ai->load_resource(name, text)}) {
    if (!r.handled) continue;
    json out = result(r.ok, r.kind, r.ok ? "" : r.error);
    if (!r.warnings.empty()) out["warnings"] = r.warnings;
    return out.dump();
  }
  return result(false, "unknown", name + ": no loader for this resource").dump();
}

int Engine::ai_feature_dim() const { return impl_->ai->feature_dim(); }

std::string Engine::ai_level(double probability) const { return impl_->ai->level(probability); }

std::string Engine::analyze_jsonl(const std::string& jsonl) {
  ai_features_.clear();
  struct Item {
    std::size_t line;
    json output;
    PostParse parsed;
    std::string lang;
    json coordination, ai, election;
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
    Item item{line_no, json(), PostParse(), "", json(), json(), json()};
    if (line.size() > kMaxLineBytes) {
      item.output = json{{"line", line_no}, {"error", "line is " + std::to_string(line.size()) + " bytes, more than the " +
                                                          std::to_string(kMaxLineBytes) + " a post may have"}};
      items.push_back(std::move(item));
      continue;
    }
    json value = json::parse(line.begin(), line.end(), nullptr, false);
    bool repaired = false;
    if (value.is_discarded()) {
      std::string fixed = repair_text_encoding(line, repaired);
      if (repaired) value = json::parse(fixed, nullptr, false);
    }
    if (value.is_discarded()) {
      item.output = json{{"line", line_no}, {"error", "not valid JSON"}};
      items.push_back(std::move(item));
      continue;
    }
    item.parsed = parse_post(value);
    if (repaired) item.parsed.warnings.push_back("invalid UTF-8 or lone surrogates replaced by U+FFFD");
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

  SignalContext ctx;
  ctx.now = now_ > 0 ? now_ : static_cast<double>(std::time(nullptr));
  ctx.ui_lang = ui_lang_;
  std::vector<SignalInput> inputs;
  inputs.reserve(order.size());
  for (std::size_t i : order) inputs.push_back(SignalInput{&items[i].parsed.post, items[i].lang});
  std::vector<json> coordination = impl_->coordination->annotate(inputs, ctx);
  impl_->election->begin_batch();
  for (std::size_t k = 0; k < order.size(); ++k) {
    Item& item = items[order[k]];
    if (k < coordination.size()) item.coordination = std::move(coordination[k]);
    item.election = impl_->election->annotate(inputs[k], ctx);
  }
  // AI feature rows follow input order, so row k is the k-th scored post as read.
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].parsed.ok || !items[i].output.is_null()) continue;
    items[i].ai = impl_->ai->annotate(SignalInput{&items[i].parsed.post, items[i].lang}, ai_features_);
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
                         {"coordination", item.coordination.is_null() ? no_coordination() : item.coordination},
                         {"ai", item.ai.is_null() ? ai_unavailable() : item.ai},
                         {"election", item.election.is_null() ? no_election() : item.election},
                         {"errors", errors}};
    }
    out += item.output.dump(-1, ' ', false, json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::vector<std::uint8_t> Engine::export_state() const { return impl_->coordination->export_state(); }

std::string Engine::import_state(const std::vector<std::uint8_t>& bytes) { return impl_->coordination->import_state(bytes); }

void Engine::forget() { impl_->coordination->forget(); }

std::string Engine::stats() const {
  return json{{"language_profile", impl_->language.loaded()},
              {"coordination", impl_->coordination->stats()},
              {"election", impl_->election->stats()},
              {"ai", impl_->ai->stats()}}
      .dump();
}

}  // namespace helder
