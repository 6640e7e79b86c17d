#include "text_normalize.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "post.h"

namespace helder {
namespace {

struct FoldEntry {
  std::uint32_t code_point;
  std::uint32_t offset;
  std::uint32_t length;
};
struct WordRange {
  std::uint32_t first;
  std::uint32_t last;
};
#include "unicode_fold_table.inc"

constexpr char32_t kReplacement = 0xFFFD;

// Cyrillic and Greek letters (after case folding) that look like Latin letters. Campaigns swap them in
// to dodge exact matching. Folded only inside words made of Latin letters and such look-alikes, so
// ordinary Russian or Greek words keep their own letters.
struct Confusable {
  char32_t from;
  char to;
};
constexpr Confusable kConfusables[] = {
    {0x0430, 'a'}, {0x0431, 'b'}, {0x0432, 'b'}, {0x0435, 'e'}, {0x0437, '3'}, {0x043A, 'k'}, {0x043C, 'm'},
    {0x043D, 'h'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0442, 't'}, {0x0443, 'y'}, {0x0445, 'x'},
    {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x04CF, 'l'}, {0x0501, 'd'}, {0x051B, 'q'},
    {0x051D, 'w'}, {0x0261, 'g'}, {0x03B1, 'a'}, {0x03B2, 'b'}, {0x03B5, 'e'}, {0x03B7, 'n'}, {0x03B9, 'i'},
    {0x03BA, 'k'}, {0x03BD, 'v'}, {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C4, 't'}, {0x03C5, 'u'}, {0x03C7, 'x'},
    {0x03F2, 'c'}, {0x03F3, 'j'}, {0x0585, 'o'}, {0x0578, 'n'}, {0x057D, 'u'}, {0x0251, 'a'}, {0x0269, 'i'},
};

// The smallest code point in kConfusables: everything below (ASCII, Latin-1, Latin Extended) is
// answered without scanning the table.
constexpr char32_t kFirstConfusable = 0x0251;

char latin_look_alike(char32_t cp) {
  if (cp < kFirstConfusable) return 0;
  for (const auto& c : kConfusables)
    if (c.from == cp) return c.to;
  return 0;
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// Characters that only steer rendering: zero-width, joiners, bidi controls, variation selectors, BOM.
bool is_invisible(char32_t cp) {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         cp == 0xFEFF || cp == 0x00AD || cp == 0x034F || cp == 0x180E || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0xE0000 && cp <= 0xE0FFF);
}

void fold_code_point_searched(char32_t cp, std::u32string& out) {
  const auto* begin = std::begin(kFoldEntries);
  const auto* end = std::end(kFoldEntries);
  const auto* it = std::lower_bound(begin, end, cp, [](const FoldEntry& e, char32_t c) { return e.code_point < c; });
  if (it != end && it->code_point == cp) {
    for (std::uint32_t i = 0; i < it->length; ++i) out.push_back(kFoldPool[it->offset + i]);
  } else {
    out.push_back(cp);
  }
}

// Code points below kFastFold that fold to exactly one code point, looked up directly (built once
// from kFoldEntries itself, so the answer is the table's); 0 marks "use the table" (several or none).
constexpr char32_t kFastFold = 0x300;
const std::array<char32_t, kFastFold>& fast_fold_table() {
  static const std::array<char32_t, kFastFold> table = [] {
    std::array<char32_t, kFastFold> t{};
    for (char32_t cp = 0; cp < kFastFold; ++cp) t[cp] = cp;
    for (const auto& e : kFoldEntries) {
      if (e.code_point >= kFastFold) break;
      t[e.code_point] = e.length == 1 ? static_cast<char32_t>(kFoldPool[e.offset]) : 0;
    }
    t[0] = 0;  // U+0000 takes the table path (kept as is there)
    return t;
  }();
  return table;
}

void fold_code_point(char32_t cp, std::u32string& out) {
  if (cp < kFastFold) {
    if (char32_t to = fast_fold_table()[cp]) {
      out.push_back(to);
      return;
    }
  }
  fold_code_point_searched(cp, out);
}

bool is_latin_letter(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }

// Folds look-alikes in every word that consists only of Latin letters, look-alikes and digits.
void fold_confusable_words(std::u32string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_code_point(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool has_confusable = false, mixable = true;
    while (j < text.size() && is_word_code_point(text[j])) {
      char32_t c = text[j];
      if (c >= 0x80 && latin_look_alike(c)) {  // every look-alike is beyond ASCII
        has_confusable = true;
      } else if (!is_latin_letter(c) && !(c >= '0' && c <= '9')) {
        mixable = false;
      }
      ++j;
    }
    if (has_confusable && mixable) {
      for (std::size_t k = i; k < j; ++k)
        if (char to = latin_look_alike(text[k])) text[k] = static_cast<char32_t>(to);
    }
    i = j;
  }
}

// The first kMaxTextBytes of text, cut on a character boundary.
std::string_view bounded(std::string_view text) {
  if (text.size() <= kMaxTextBytes) return text;
  std::size_t end = kMaxTextBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::u32string fold(std::string_view text) {
  std::u32string decoded = decode_utf8(bounded(text));
  std::u32string folded;
  folded.reserve(decoded.size());
  bool pending_space = false;
  for (char32_t cp : decoded) {
    if (is_invisible(cp)) continue;
    if (is_space(cp)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) {
      folded.push_back(' ');
      pending_space = false;
    }
    fold_code_point(cp, folded);
  }
  fold_confusable_words(folded);
  return folded;
}

bool starts_with(const std::u32string& s, std::size_t pos, const char* ascii) {
  std::size_t n = std::strlen(ascii);
  if (pos + n > s.size()) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (s[pos + i] != static_cast<char32_t>(ascii[i])) return false;
  return true;
}

bool is_url_start(const std::u32string& s, std::size_t pos) {
  if (pos > 0 && (is_word_code_point(s[pos - 1]) || s[pos - 1] == '/' || s[pos - 1] == '.')) return false;
  return starts_with(s, pos, "https://") || starts_with(s, pos, "http://") || starts_with(s, pos, "www.");
}

// End of a URL that starts at pos: up to whitespace, minus trailing punctuation a sentence adds.
std::size_t url_end(const std::u32string& s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && !is_space(s[end]) && s[end] != '"' && s[end] != '<' && s[end] != '>' && end - pos < 2048)
    ++end;
  while (end > pos && (s[end - 1] == '.' || s[end - 1] == ',' || s[end - 1] == '!' || s[end - 1] == '?' ||
                       s[end - 1] == ')' || s[end - 1] == ';' || s[end - 1] == ':' || s[end - 1] == '\''))
    --end;
  return end;
}

bool is_tag_char(char32_t cp) { return is_word_code_point(cp) || cp == '_'; }

std::size_t tag_end(const std::u32string& s, std::size_t pos, bool allow_dots) {
  std::size_t end = pos;
  while (end < s.size() && end - pos < 140 &&
         (is_tag_char(s[end]) || (allow_dots && (s[end] == '.' || s[end] == '@') && end + 1 < s.size() &&
                                  is_tag_char(s[end + 1]))))
    ++end;
  return end;
}

bool is_tag_start(const std::u32string& s, std::size_t pos) {
  return (pos == 0 || !is_tag_char(s[pos - 1])) && pos + 1 < s.size() && is_tag_char(s[pos + 1]);
}

// One code point as UTF-8 (invalid ones as U+FFFD) at `out`, which has room for 4 bytes; returns
// the number of bytes written.
std::size_t put_utf8(char32_t cp, char* out) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// The same onto the end of a std::vector<char>.
void append_utf8(char32_t cp, std::vector<char>& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  char bytes[4];
  out.insert(out.end(), bytes, bytes + put_utf8(cp, bytes));
}

}  // namespace

std::u32string decode_utf8(std::string_view text, std::size_t max_code_points) {
  std::u32string out;
  out.reserve(std::min(text.size(), max_code_points));
  std::size_t i = 0;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size() && out.size() < max_code_points) {
    unsigned char b = bytes[i];
    char32_t cp;
    std::size_t need;
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      cp = b & 0x1F;
      need = 1;
    } else if ((b & 0xF0) == 0xE0) {
      cp = b & 0x0F;
      need = 2;
    } else if ((b & 0xF8) == 0xF0) {
      cp = b & 0x07;
      need = 3;
    } else {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    bool valid = true;
    for (std::size_t k = 1; k <= need; ++k) {
      if (i + k >= text.size() || (bytes[i + k] & 0xC0) != 0x80) {
        valid = false;
        break;
      }
      cp = (cp << 6) | (bytes[i + k] & 0x3F);
    }
    static const char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (!valid || cp < kMin[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(kReplacement);
      ++i;  // resynchronise on the next byte
      continue;
    }
    out.push_back(cp);
    i += need + 1;
  }
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out(text.size() * 4, '\0');  // at most 4 bytes per code point; written in place
  std::size_t n = 0;
  for (char32_t cp : text) n += put_utf8(cp, &out[n]);
  out.resize(n);
  return out;
}

bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  const auto* begin = std::begin(kWordRanges);
  const auto* end = std::end(kWordRanges);
  const auto* it = std::upper_bound(begin, end, cp, [](char32_t c, const WordRange& r) { return c < r.first; });
  if (it == begin) return false;
  --it;
  return cp <= it->last;
}

bool is_emoji_code_point(char32_t cp) {
  return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
         (cp >= 0x1F1E6 && cp <= 0x1F1FF) || cp == 0x200D || cp == 0x20E3 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0x2190 && cp <= 0x21FF) || (cp >= 0x2300 && cp <= 0x23FF) || cp == 0x00A9 || cp == 0x00AE ||
         cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139 || cp == 0x3030 || cp == 0x303D;
}

std::string normalize_for_matching(std::string_view text) {
  // Speed: ASCII text (most posts) is folded byte by byte, the same steps as fold() without decoding
  // (no ASCII code point is invisible or a look-alike); any other byte takes the full path.
  const std::string_view in = bounded(text);
  const auto& t = fast_fold_table();
  std::string out(in.size(), '\0');  // the output is never longer; written in place (no call per byte)
  std::size_t n = 0;
  bool pending_space = false;
  for (char ch : in) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 || t[b] == 0 || t[b] >= 0x80) return encode_utf8(fold(text));
    if (is_invisible(b)) continue;
    if (is_space(b)) {
      pending_space = n > 0;
      continue;
    }
    if (pending_space) {
      out[n++] = ' ';
      pending_space = false;
    }
    out[n++] = static_cast<char>(t[b]);
  }
  out.resize(n);
  return out;
}

Entities extract_entities(std::string_view text) {
  Entities entities;
  std::u32string s = decode_utf8(bounded(text));
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = s[i];
    if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && is_url_start(s, i)) {
      std::size_t end = url_end(s, i);
      if (entities.urls.size() < kMaxListItems) entities.urls.push_back(encode_utf8(s.substr(i, end - i)));
      i = std::max(end, i + 1);
      continue;
    }
    if ((c == '#' || c == 0xFF03) && is_tag_start(s, i)) {
      std::size_t end = tag_end(s, i + 1, false);
      if (entities.hashtags.size() < kMaxListItems)
        entities.hashtags.push_back(normalize_for_matching(encode_utf8(s.substr(i + 1, end - i - 1))));
      i = end;
      continue;
    }
    if ((c == '@' || c == 0xFF20) && is_tag_start(s, i)) {
      std::size_t end = tag_end(s, i + 1, true);
      if (entities.mentions.size() < kMaxListItems)
        entities.mentions.push_back(normalize_for_matching(encode_utf8(s.substr(i + 1, end - i - 1))));
      i = end;
      continue;
    }
    if (is_emoji_code_point(c) && c != 0x200D && !(c >= 0xFE00 && c <= 0xFE0F)) ++entities.emoji;
    ++i;
  }
  return entities;
}

std::string canonical_url(std::string_view url_in) {
  std::string url(url_in.substr(0, std::min<std::size_t>(url_in.size(), 2048)));
  auto lower = [](std::string s) {
    for (auto& ch : s)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return s;
  };
  std::size_t pos = 0;
  std::string head = lower(url.substr(0, 8));
  if (head.rfind("https://", 0) == 0) pos = 8;
  else if (head.rfind("http://", 0) == 0) pos = 7;
  std::string rest = url.substr(pos);
  std::size_t fragment = rest.find('#');
  if (fragment != std::string::npos) rest.resize(fragment);
  std::size_t path_start = rest.find_first_of("/?");
  std::string host = lower(rest.substr(0, path_start));
  std::string path = path_start == std::string::npos ? "" : rest.substr(path_start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  if (host.rfind("m.", 0) == 0) host = host.substr(2);
  // Default ports carry no information.
  if (host.size() > 3 && host.compare(host.size() - 3, 3, ":80") == 0) host.resize(host.size() - 3);
  if (host.size() > 4 && host.compare(host.size() - 4, 4, ":443") == 0) host.resize(host.size() - 4);
  std::string query;
  std::size_t q = path.find('?');
  if (q != std::string::npos) {
    query = path.substr(q + 1);
    path.resize(q);
  }
  static const char* kTracking[] = {"fbclid", "gclid", "igshid", "igsh", "si", "ref", "ref_src", "ref_url", "s", "t",
                                    "mc_cid", "mc_eid", "yclid", "msclkid", "_ga", "feature", "share", "src"};
  std::string kept;
  std::size_t start = 0;
  int params = 0;
  while (start <= query.size() && !query.empty() && params < 256) {
    ++params;
    std::size_t amp = query.find('&', start);
    std::string param = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    std::string key = lower(param.substr(0, param.find('=')));
    bool tracking = key.rfind("utm_", 0) == 0 || key.empty();
    for (const char* t : kTracking) tracking = tracking || key == t;
    if (!tracking) kept += (kept.empty() ? "" : "&") + param;
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  std::string out = host + path;
  if (!kept.empty()) out += "?" + kept;
  return out;
}

namespace {

// The walk every word view of a text shares, over folded text: sink.link() for each link,
// sink.tag(c) for each hashtag ('#') or mention ('@'), sink.other(c) for every other code point, in
// order.
template <typename Sink>
void walk_text(const std::u32string& s, Sink& sink) {
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t c = s[i];
    if ((c == 'h' || c == 'w') && is_url_start(s, i)) {
      i = std::max(url_end(s, i), i + 1);
      sink.link();
      continue;
    }
    if ((c == '#' || c == '@') && is_tag_start(s, i)) {
      i = tag_end(s, i + 1, c == '@');
      sink.tag(c);
      continue;
    }
    sink.other(c);
    ++i;
  }
}

// Words of folded text: sink.letter(c) for each code point of a word, sink.end_word() wherever
// content_words() puts (or would collapse into) a space, and once at the end. So the words are
// exactly content_words(text) split on its single spaces.
template <typename Sink>
void walk_words(const std::u32string& s, Sink& sink) {
  struct Words {
    Sink& sink;
    void link() { sink.end_word(); }
    void tag(char32_t) { sink.end_word(); }
    void other(char32_t c) {
      if (is_word_code_point(c)) {
        sink.letter(c);
      } else {
        sink.end_word();
      }
    }
  } words{sink};
  walk_text(s, words);
  sink.end_word();
}

}  // namespace

std::string content_words(std::string_view text) {
  struct Sink {
    std::u32string out;
    void letter(char32_t c) { out.push_back(c); }
    void end_word() {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    }
  } sink;
  walk_words(fold(text), sink);
  while (!sink.out.empty() && sink.out.back() == ' ') sink.out.pop_back();
  return encode_utf8(sink.out);
}

std::u32string fold_for_matching(std::string_view text) { return fold(text); }

std::u32string writing_shape(std::string_view text) { return writing_shape_of_folded(fold(text)); }

std::u32string writing_shape_of_folded(const std::u32string& folded) {
  struct Sink {
    std::u32string out;
    void put(char32_t c) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) return;
      out.push_back(c);
    }
    void link() { put(0x01); }
    void tag(char32_t c) {
      if (c == '@') put(0x02);
    }
    void other(char32_t c) {
      if (c >= '0' && c <= '9') {
        put('0');
      } else if (c == ' ' || is_word_code_point(c) || (c > 0x20 && c < 0x7F) || c == 0x2018 || c == 0x2019 ||
                 c == 0x201C || c == 0x201D || c == 0x2013 || c == 0x2014) {
        put(c);
      }
    }
  } sink;
  sink.out.reserve(folded.size());
  walk_text(folded, sink);
  while (!sink.out.empty() && sink.out.back() == ' ') sink.out.pop_back();
  return std::move(sink.out);
}

std::vector<std::string> word_tokens(std::string_view text) { return word_tokens_of_folded(fold(text)); }

std::vector<std::string> word_tokens_of_folded(const std::u32string& folded) {
  struct Sink {
    std::vector<std::string> tokens;
    std::vector<char> word;  // UTF-8 of the current word (vector: its push_back inlines, in wasm too)
    void letter(char32_t c) { append_utf8(c, word); }
    void end_word() {
      if (!word.empty()) {
        tokens.emplace_back(word.data(), word.size());
        word.clear();
      }
    }
  } sink;
  sink.word.reserve(64);
  walk_words(folded, sink);
  return std::move(sink.tokens);
}

void word_tokens(std::string_view text, WordTokens& out) {
  struct Sink {
    WordTokens& out;
    void letter(char32_t c) { append_utf8(c, out.bytes); }
    void end_word() {
      const std::size_t start = out.ends.empty() ? 0 : out.ends.back();
      if (out.bytes.size() > start) out.ends.push_back(static_cast<std::uint32_t>(out.bytes.size()));
    }
  } sink{out};
  out.bytes.clear();
  out.ends.clear();
  walk_words(fold(text), sink);
  out.views.clear();
  std::size_t start = 0;
  for (std::uint32_t end : out.ends) {
    out.views.emplace_back(out.bytes.data() + start, end - start);
    start = end;
  }
}

bool may_have_hashtags(std::string_view text) {
  return text.find('#') != std::string_view::npos ||
         text.find("\xEF\xBC\x83") != std::string_view::npos;  // U+FF03 FULLWIDTH NUMBER SIGN
}

bool may_have_urls_or_hashtags(std::string_view text) {
  return may_have_hashtags(text) || text.find("http://") != std::string_view::npos ||
         text.find("https://") != std::string_view::npos || text.find("www.") != std::string_view::npos;
}

}  // namespace helder
