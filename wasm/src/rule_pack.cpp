#include "rule_pack.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "text_normalize.h"

namespace helder {
namespace {

using nlohmann::json;

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

// Reads an array of strings; returns a reason or "".
std::string read_strings(const json& rule, const char* key, bool required, std::size_t max_items, std::size_t max_bytes,
                         std::vector<std::string>& out) {
  auto it = rule.find(key);
  if (it == rule.end()) return required ? std::string("\"") + key + "\" is missing" : "";
  if (!it->is_array()) return std::string("\"") + key + "\" must be an array of strings";
  if (required && it->empty()) return std::string("\"") + key + "\" must not be empty";
  if (it->size() > max_items) return std::string("\"") + key + "\" has more than " + std::to_string(max_items) + " items";
  for (const auto& v : *it) {
    if (!v.is_string()) return std::string("\"") + key + "\" must be an array of strings";
    const std::string& s = v.get_ref<const std::string&>();
    if (s.empty() || s.size() > max_bytes) return std::string("\"") + key + "\" has an empty or too long item";
    out.push_back(s);
  }
  return "";
}

std::string compile(const std::vector<std::string>& sources, const char* key, std::vector<boost::regex>& out) {
  for (std::size_t i = 0; i < sources.size(); ++i) {
    try {
      out.emplace_back(sources[i], boost::regex::perl | boost::regex::icase);
    } catch (const std::exception& e) {
      return std::string("\"") + key + "\" " + std::to_string(i) + " does not compile: " + e.what();
    }
  }
  return "";
}

std::string parse_rule(const json& v, ElectionRule& rule) {
  static const std::set<std::string> kKeys = {"id", "languages", "kind", "keywords", "patterns", "exclude", "links", "elections", "councillor", "why"};
  for (const auto& item : v.items())
    if (!kKeys.count(item.key())) return "unknown field \"" + item.key().substr(0, 64) + "\"";
  std::string why;
  std::vector<std::string> pattern_text, exclude_text;
  if (!(why = read_strings(v, "languages", true, 5, 8, rule.languages)).empty()) return why;
  for (const auto& l : rule.languages)
    if (l != "nl" && l != "en" && l != "und" && l != "other" && l != "any") return "language \"" + l + "\" is not one of nl, en, und, other, any";
  if (!v.contains("kind") || !v["kind"].is_string()) return "\"kind\" is missing";
  rule.kind = v["kind"].get<std::string>();
  if (rule.kind != "process" && rule.kind != "claim" && rule.kind != "topic" && rule.kind != "local")
    return "\"kind\" must be process, claim, topic or local";
  if (!(why = read_strings(v, "keywords", true, 64, 64, rule.keywords)).empty()) return why;
  for (auto& k : rule.keywords) {
    k = normalize_for_matching(k);
    if (k.empty()) return "a keyword is empty after normalisation";
  }
  if (!(why = read_strings(v, "patterns", true, kMaxPatternsPerRule, kMaxPatternBytes, pattern_text)).empty()) return why;
  if (!(why = read_strings(v, "exclude", false, kMaxPatternsPerRule, kMaxPatternBytes, exclude_text)).empty()) return why;
  if (!(why = read_strings(v, "links", true, 8, 64, rule.links)).empty()) return why;
  if (!(why = read_strings(v, "elections", false, 7, 2, rule.elections)).empty()) return why;
  for (const auto& k : rule.elections)
    if (k != "tk" && k != "ps" && k != "ws" && k != "er" && k != "gr" && k != "ep" && k != "ek") return "election kind \"" + k + "\" is unknown";
  if (v.contains("councillor")) {
    if (!v["councillor"].is_boolean()) return "\"councillor\" must be true or false";
    rule.councillor = v["councillor"].get<bool>();
  }
  const json* w = v.contains("why") ? &v["why"] : nullptr;
  if (!w || !w->is_object() || !w->contains("nl") || !w->contains("en") || !(*w)["nl"].is_string() || !(*w)["en"].is_string())
    return "\"why\" needs \"nl\" and \"en\" texts";
  rule.why_nl = (*w)["nl"].get<std::string>();
  rule.why_en = (*w)["en"].get<std::string>();
  if (rule.why_nl.empty() || rule.why_en.empty() || rule.why_nl.size() > 600 || rule.why_en.size() > 600)
    return "\"why\" texts must be 1 to 600 bytes";
  if (!(why = compile(pattern_text, "patterns", rule.patterns)).empty()) return why;
  if (!(why = compile(exclude_text, "exclude", rule.exclude)).empty()) return why;
  return "";
}

}  // namespace

RulePack parse_rule_pack(const std::string& file, const std::string& text, std::string& error) {
  error.clear();
  RulePack pack;
  pack.file = file;
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) {
    error = file + ": not valid JSON";
    return {};
  }
  if (!doc.is_object()) {
    error = file + ": a pack must be a JSON object";
    return {};
  }
  for (const auto& item : doc.items()) {
    if (item.key() != "pack" && item.key() != "version" && item.key() != "description" && item.key() != "rules") {
      error = file + ": unknown field \"" + item.key().substr(0, 64) + "\"";
      return {};
    }
  }
  if (!doc.contains("pack") || !doc["pack"].is_string() || !valid_id(doc["pack"].get<std::string>())) {
    error = file + ": \"pack\" must be an id of a-z, 0-9, '.', '_' or '-'";
    return {};
  }
  pack.id = doc["pack"].get<std::string>();
  if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<long long>() != 1) {
    error = file + ": \"version\" must be 1";
    return {};
  }
  if (!doc.contains("rules") || !doc["rules"].is_array() || doc["rules"].empty() || doc["rules"].size() > kMaxRulesPerPack) {
    error = file + ": \"rules\" must be an array of 1 to " + std::to_string(kMaxRulesPerPack) + " rules";
    return {};
  }
  std::set<std::string> seen;
  std::size_t index = 0;
  for (const auto& v : doc["rules"]) {
    ElectionRule rule;
    rule.pack = file;
    if (!v.is_object() || !v.contains("id") || !v["id"].is_string() || !valid_id(v["id"].get<std::string>())) {
      error = file + ": rule #" + std::to_string(index) + ": \"id\" must be an id of a-z, 0-9, '.', '_' or '-'";
      return {};
    }
    rule.id = v["id"].get<std::string>();
    if (!seen.insert(rule.id).second) {
      error = file + ": rule " + rule.id + ": the id is used twice";
      return {};
    }
    std::string why = parse_rule(v, rule);
    if (!why.empty()) {
      error = file + ": rule " + rule.id + ": " + why;
      return {};
    }
    pack.rules.push_back(std::move(rule));
    ++index;
  }
  return pack;
}

}  // namespace helder
