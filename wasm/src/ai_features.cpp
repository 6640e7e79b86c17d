#include "ai_features.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "near_duplicate.h"
#include "text_normalize.h"

namespace helder {
namespace {

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

AiTextInfo ai_text_info(const std::vector<std::string>& tokens) {
  AiTextInfo info;
  info.words = tokens.size();
  for (const auto& t : tokens) info.chars += code_points(t);
  return info;
}

AiTextInfo ai_features(const std::string& text, std::vector<float>& out) {
  const std::u32string folded = fold_for_matching(text);
  return ai_features(text, word_tokens_of_folded(folded), writing_shape_of_folded(folded), out);
}

AiTextInfo ai_features(const std::string& text, std::vector<std::string> tokens, std::u32string shape_text,
                       std::vector<float>& out) {
  if (tokens.size() > 400) tokens.resize(400);
  AiTextInfo info;
  info.words = tokens.size();
  const std::size_t base = out.size();
  out.resize(base + kAiFeatureDim, 0.0f);
  float* row = out.data() + base;

  for (const auto& t : tokens) info.chars += code_points(t);
  // Character 1-5-grams of the writing shape (punctuation and spacing kept, casing, links, emoji and
  // hashtags not), with a space at both ends so word starts and ends are grams of their own.
  if (shape_text.size() > 2047) shape_text.resize(2047);  // with the leading space: at most 2,048 code points
  std::u32string shape;
  shape.reserve(shape_text.size() + 2);
  shape += U' ';
  shape += shape_text;
  shape += U' ';
  auto bump = [&](std::uint64_t h) { row[h % kAiHashBuckets] += 1.0f; };
  // One FNV-style pass per start position: the hash after k+1 code points is the (k+1)-gram's.
  for (std::size_t i = 0; i < shape.size(); ++i) {
    std::uint64_t h = 0x9ae16a3b2f90404fULL;
    const std::size_t n_max = std::min<std::size_t>(5, shape.size() - i);
    for (std::size_t k = 0; k < n_max; ++k) {
      h = (h ^ shape[i + k]) * 0x100000001b3ULL;
      bump(h ^ (h >> 29));
    }
  }
  // Word unigrams and bigrams.
  std::uint64_t prev = 0;
  for (const auto& t : tokens) {
    std::uint64_t h = hash64(t, 7);
    bump(h);
    if (prev) bump(hash64(std::to_string(prev) + t, 8));
    prev = h;
  }
  // Sub-linear counts, then unit length, so long and short texts are comparable.
  double norm = 0;
  for (int i = 0; i < kAiHashBuckets; ++i) {
    if (row[i] > 0) row[i] = static_cast<float>(1.0 + std::log(row[i]));
    norm += static_cast<double>(row[i]) * row[i];
  }
  if (norm > 0) {
    const float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (int i = 0; i < kAiHashBuckets; ++i) row[i] *= inv;
  }
  // Statistics, each scaled to roughly 0..1.
  float* stats = row + kAiHashBuckets;
  const double n = static_cast<double>(std::max<std::size_t>(tokens.size(), 1));
  double mean = 0, sq = 0, long_words = 0;
  std::unordered_map<std::string, int> counts;
  int max_count = 0;
  for (const auto& t : tokens) {
    double len = static_cast<double>(code_points(t));
    mean += len;
    sq += len * len;
    long_words += len >= 8;
    max_count = std::max(max_count, ++counts[t]);
  }
  mean /= n;
  double sd = std::sqrt(std::max(0.0, sq / n - mean * mean));
  stats[0] = static_cast<float>(std::log1p(static_cast<double>(tokens.size())) / 6.0);
  stats[1] = static_cast<float>(mean / 10.0);
  stats[2] = static_cast<float>(sd / 10.0);
  stats[3] = static_cast<float>(static_cast<double>(counts.size()) / n);
  stats[4] = static_cast<float>(long_words / n);
  stats[5] = static_cast<float>(static_cast<double>(max_count) / n);
  const Entities entities = extract_entities(text);
  stats[6] = static_cast<float>(std::min<std::size_t>(entities.urls.size() + entities.mentions.size(), 10) / 10.0);
  stats[7] = 1.0f;  // bias-like constant: lets the model learn an offset per feature scale
  return info;
}

}  // namespace helder
