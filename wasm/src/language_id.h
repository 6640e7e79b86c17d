// Language identification for short posts: Dutch, English, or other.
// A character n-gram naive Bayes model over the folded text decides between nl and en; a script check
// and function-word lists of other European languages decide "other" (so German is not taken for
// Dutch). The profile is data (models/langid.json), trained by models/langid/train_langid.py.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace helder {

struct LanguageGuess {
  std::string lang;         // "nl", "en", "other", or "und" (too little text to tell)
  double confidence = 0;    // 0..1
};

class LanguageIdentifier {
 public:
  // Loads a profile JSON. Returns an empty string on success, else the reason; on failure the
  // previous profile stays in use.
  std::string load_profile(const std::string& json_text);
  bool loaded() const { return !languages_.empty(); }
  LanguageGuess identify(std::string_view text) const;

  // The character n-grams the model scores (also used by the training script through helder-langid).
  static std::vector<std::string> ngrams(std::string_view folded_words);
  // FNV-1a of an n-gram's code points: the profile is looked up by hash, not by string.
  static std::uint64_t ngram_hash(const char32_t* begin, std::size_t n);

 private:
  struct Profile {
    std::string lang;
    double log_prior = 0;
    double log_unseen = 0;
    std::unordered_map<std::uint64_t, float> log_prob;  // keyed by ngram_hash
  };
  std::vector<Profile> languages_;
  std::unordered_map<std::string, std::string> function_words_;  // word -> language
  double min_margin_ = 0;  // below this log-likelihood margin per n-gram the guess is uncertain
};

}  // namespace helder
