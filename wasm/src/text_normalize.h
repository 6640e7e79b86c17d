// Text normalisation for matching: what campaigns change to dodge exact matching is undone here.
// All functions take UTF-8 (invalid sequences become U+FFFD) and are bounded by kMaxTextBytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace helder {

// Decodes UTF-8 into code points; invalid bytes become U+FFFD. Stops after max_code_points.
std::u32string decode_utf8(std::string_view text, std::size_t max_code_points = 1 << 16);
std::string encode_utf8(std::u32string_view text);

// NFKD + case fold + combining marks removed + default-ignorable characters (zero-width, bidi
// controls, soft hyphen) removed + Cyrillic/Greek look-alike letters folded to Latin + every run of
// whitespace collapsed to one space, trimmed. "Ｓtem  ΝU!" -> "stem nu!".
std::string normalize_for_matching(std::string_view text);

// True for letters and numbers (Unicode categories L* and N*), from the generated table.
bool is_word_code_point(char32_t cp);
// True for code points in the common emoji and pictograph blocks (and their modifiers/joiners).
bool is_emoji_code_point(char32_t cp);

struct Entities {
  std::vector<std::string> urls;      // as written (http(s)://... or www....)
  std::vector<std::string> mentions;  // without '@', normalised
  std::vector<std::string> hashtags;  // without '#', normalised
  std::size_t emoji = 0;              // number of emoji code points
};
// Extracts urls, mentions, hashtags and counts emoji. Bounded by kMaxListItems per list.
Entities extract_entities(std::string_view text);

// Canonical form of a URL for comparing shares: scheme and "www." dropped, host lower-cased,
// tracking parameters (utm_*, fbclid, gclid, igshid, si, s, t, ref, ...) and fragment removed,
// trailing slash removed. "https://www.Example.nl/a/?utm_source=x#top" -> "example.nl/a".
std::string canonical_url(std::string_view url);

// Matching text: normalize_for_matching with urls, mentions, hashtags and emoji removed,
// punctuation turned into spaces. What is left is the words a person wrote.
std::string content_words(std::string_view text);

// Writing shape for the AI-text model: the folded text (as normalize_for_matching) with each link
// replaced by U+0001, each mention by U+0002, hashtags and emoji removed, ASCII digits as '0', words,
// ASCII punctuation, curly quotes, en and em dashes and single spaces kept; other symbols dropped. "Kijk: https://x.nl @Jan 2025 🙂 #tk"
// -> "kijk: \x01 \x02 0000". Casing, emoji and hashtags cannot move what is computed from it.
std::u32string writing_shape(std::string_view text);

// The folded text normalize_for_matching encodes, as code points; the *_of_folded functions take it,
// so a caller that needs several views of one post folds it once.
std::u32string fold_for_matching(std::string_view text);
std::u32string writing_shape_of_folded(const std::u32string& folded);
std::vector<std::string> word_tokens_of_folded(const std::u32string& folded);

// Word tokens of content_words(text).
std::vector<std::string> word_tokens(std::string_view text);

// The same tokens as views into buffers that are reused from call to call (no string per token).
struct WordTokens {
  std::vector<char> bytes;                // the tokens' UTF-8, back to back
  std::vector<std::uint32_t> ends;        // end of each token in bytes
  std::vector<std::string_view> views;    // the tokens; valid until the next call with this object
};
void word_tokens(std::string_view text, WordTokens& out);

// False only when extract_entities(text) certainly finds no hashtag (no "#" or U+FF03 in the text).
bool may_have_hashtags(std::string_view text);
// False only when extract_entities(text) certainly finds no url and no hashtag (no "#", U+FF03,
// "http://", "https://" or "www." in the text): callers that need only those may skip it.
bool may_have_urls_or_hashtags(std::string_view text);

}  // namespace helder
