// libFuzzer target: text normalisation, entity extraction and URL canonicalisation on arbitrary bytes.
// Output must be valid UTF-8 and bounded.
#include <cstddef>
#include <cstdint>
#include <string>

#include "post.h"
#include "text_normalize.h"

namespace {
bool valid_utf8(const std::string& s) {
  std::u32string decoded = helder::decode_utf8(s, s.size() + 1);
  return helder::encode_utf8(decoded) == s && decoded.find(U'\uFFFD') == std::u32string::npos;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string folded = helder::normalize_for_matching(input);
  // Folding may expand a character up to 18 code points, but the input is bounded first.
  if (folded.size() > helder::kMaxTextBytes * 18 * 4) __builtin_trap();
  if (input.find('\xFF') == std::string::npos && valid_utf8(input) && !valid_utf8(folded)) __builtin_trap();
  helder::Entities e = helder::extract_entities(input);
  if (e.urls.size() > helder::kMaxListItems || e.hashtags.size() > helder::kMaxListItems) __builtin_trap();
  for (const auto& url : e.urls) helder::canonical_url(url);
  helder::canonical_url(input);
  helder::word_tokens(input);
  return 0;
}
