// Features of the AI-text model, computed by the engine so the CLI and the extension share one path:
// hashed character 1-5-grams of the post's writing shape (writing_shape(): case-folded, punctuation
// and spacing kept, links and mentions as placeholders, hashtags and emoji removed, so that casing or
// emoji alone cannot move the score), hashed word 1-2-grams of its words, plus a few length and
// vocabulary statistics. One dense row of kAiFeatureDim floats.
#pragma once

#include <string>
#include <vector>

namespace helder {

inline constexpr int kAiHashBuckets = 4096;
inline constexpr int kAiStatFeatures = 8;
inline constexpr int kAiFeatureDim = kAiHashBuckets + kAiStatFeatures;

struct AiTextInfo {
  std::size_t words = 0;  // word tokens (after removing links, mentions, hashtags, emoji)
  std::size_t chars = 0;  // code points of those words
};

// Appends one row of kAiFeatureDim floats to `out` and returns what the length gate needs.
AiTextInfo ai_features(const std::string& text, std::vector<float>& out);
// The same from the post's word tokens and writing shape, made from one folding of the text
// (word_tokens_of_folded and writing_shape_of_folded of fold_for_matching(text)).
AiTextInfo ai_features(const std::string& text, std::vector<std::string> tokens, std::u32string shape,
                       std::vector<float>& out);

// Just the counts of word_tokens(text) (for the too-short decision without computing features).
AiTextInfo ai_text_info(const std::vector<std::string>& tokens);

}  // namespace helder
