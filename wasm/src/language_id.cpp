#include "language_id.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "text_normalize.h"

namespace helder {
namespace {

constexpr std::size_t kMaxNgramsScored = 2000;  // bounds the work on long posts

bool is_latin(char32_t cp) { return cp < 0x250; }

}  // namespace

std::vector<std::string> LanguageIdentifier::ngrams(std::string_view folded_words) {
  std::vector<std::string> out;
  std::u32string s = decode_utf8(folded_words, 4096);
  std::size_t start = 0;
  while (start < s.size() && out.size() < kMaxNgramsScored) {
    std::size_t end = s.find(U' ', start);
    if (end == std::u32string::npos) end = s.size();
    if (end > start) {
      std::u32string word = U" " + s.substr(start, end - start) + U" ";
      for (std::size_t n = 1; n <= 3; ++n)
        for (std::size_t i = 0; i + n <= word.size(); ++i) {
          if (n == 1 && word[i] == U' ') continue;
          out.push_back(encode_utf8(word.substr(i, n)));
        }
    }
    start = end + 1;
  }
  return out;
}

std::uint64_t LanguageIdentifier::ngram_hash(const char32_t* begin, std::size_t n) {
  std::uint64_t h = 1469598103934665603ULL;
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<std::uint64_t>(begin[i]);
    h *= 1099511628211ULL;
  }
  return h;
}

std::string LanguageIdentifier::load_profile(const std::string& json_text) {
  nlohmann::json profile = nlohmann::json::parse(json_text, nullptr, false);
  if (profile.is_discarded() || !profile.is_object()) return "language profile: not valid JSON";
  auto langs = profile.find("languages");
  if (langs == profile.end() || !langs->is_object() || langs->size() < 2)
    return "language profile: 'languages' must be an object with at least two languages";
  std::vector<Profile> parsed;
  for (auto it = langs->begin(); it != langs->end(); ++it) {
    const auto& entry = it.value();
    if (!entry.is_object() || !entry.contains("log_prior") || !entry.contains("log_unseen") ||
        !entry.contains("ngrams") || !entry["ngrams"].is_object() || !entry["log_prior"].is_number() ||
        !entry["log_unseen"].is_number())
      return "language profile: language '" + it.key() + "' needs log_prior, log_unseen and ngrams";
    Profile p;
    p.lang = it.key();
    p.log_prior = entry["log_prior"].get<double>();
    p.log_unseen = entry["log_unseen"].get<double>();
    for (auto g = entry["ngrams"].begin(); g != entry["ngrams"].end(); ++g) {
      if (!g.value().is_number()) return "language profile: n-gram '" + g.key() + "' of '" + it.key() + "' is not a number";
      std::u32string gram = decode_utf8(g.key(), 8);
      p.log_prob.emplace(ngram_hash(gram.data(), gram.size()), g.value().get<float>());
    }
    parsed.push_back(std::move(p));
  }
  std::unordered_map<std::string, std::string> words;
  if (auto fw = profile.find("function_words"); fw != profile.end()) {
    if (!fw->is_object()) return "language profile: 'function_words' must be an object";
    for (auto it = fw->begin(); it != fw->end(); ++it) {
      if (!it.value().is_array()) return "language profile: function words of '" + it.key() + "' must be a list";
      for (const auto& w : it.value())
        if (w.is_string()) words.emplace(w.get<std::string>(), it.key());
    }
  }
  languages_ = std::move(parsed);
  function_words_ = std::move(words);
  min_margin_ = profile.value("min_margin_per_ngram", 0.05);
  return "";
}

LanguageGuess LanguageIdentifier::identify(std::string_view text) const {
  std::string words = content_words(text);
  std::u32string decoded = decode_utf8(words, 4096);
  std::size_t letters = 0, latin = 0;
  for (char32_t cp : decoded) {
    if (cp == U' ' || (cp >= U'0' && cp <= U'9')) continue;
    ++letters;
    if (is_latin(cp)) ++latin;
  }
  if (letters < 8) return {"und", 0};
  if (latin * 2 < letters) return {"other", std::min(1.0, 0.5 + 0.5 * (letters - latin) / double(letters))};
  if (languages_.empty()) return {"und", 0};

  // Function words: counts per language over at most the first 200 words.
  std::unordered_map<std::string, int> hits;
  std::size_t start = 0, n_words = 0;
  while (start < words.size() && n_words < 200) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    auto it = function_words_.find(words.substr(start, end - start));
    if (it != function_words_.end()) ++hits[it->second];
    ++n_words;
    start = end + 1;
  }
  int known = 0, best_other = 0;
  for (const auto& [lang, count] : hits) {
    bool modelled = false;
    for (const auto& p : languages_) modelled = modelled || p.lang == lang;
    if (modelled) known += count;
    else best_other = std::max(best_other, count);
  }
  if (best_other >= 2 && best_other > known) return {"other", std::min(1.0, 0.5 + 0.1 * (best_other - known))};

  // The same n-grams as ngrams(), hashed in place: one pass, no allocation per n-gram.
  std::vector<std::uint64_t> grams;
  std::u32string padded;
  std::size_t pos = 0;
  while (pos < decoded.size() && grams.size() < kMaxNgramsScored) {
    std::size_t end = decoded.find(U' ', pos);
    if (end == std::u32string::npos) end = decoded.size();
    if (end > pos) {
      padded.assign(1, U' ');
      padded.append(decoded, pos, end - pos);
      padded.push_back(U' ');
      for (std::size_t n = 1; n <= 3; ++n)
        for (std::size_t i = 0; i + n <= padded.size(); ++i)
          if (!(n == 1 && padded[i] == U' ')) grams.push_back(ngram_hash(padded.data() + i, n));
    }
    pos = end + 1;
  }
  std::vector<double> scores;
  for (const auto& p : languages_) {
    double s = p.log_prior;
    for (std::uint64_t g : grams) {
      auto it = p.log_prob.find(g);
      s += it == p.log_prob.end() ? p.log_unseen : it->second;
    }
    scores.push_back(s);
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < scores.size(); ++i)
    if (scores[i] > scores[best]) best = i;
  // Posterior of the best language (softmax over the log-likelihoods).
  double z = 0;
  for (double s : scores) z += std::exp(s - scores[best]);
  double posterior = 1.0 / z;
  double second = -INFINITY;
  for (std::size_t i = 0; i < scores.size(); ++i)
    if (i != best) second = std::max(second, scores[i]);
  double margin = grams.empty() ? 0 : (scores[best] - second) / grams.size();
  if (margin < min_margin_ && best_other > known) return {"other", 0.5};
  return {languages_[best].lang, posterior};
}

}  // namespace helder
