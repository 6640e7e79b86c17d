#include <catch2/catch.hpp>

#include "post.h"
#include "text_normalize.h"

using namespace helder;

TEST_CASE("Normalisation undoes the tricks campaigns use to dodge exact matching", "[normalize]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"Stem NU", "stem nu"},
      {"  spaties\t\nen\u00A0tabs  ", "spaties en tabs"},
      {"Financi\u00EBle steun", "financiele steun"},           // diaeresis dropped
      {"\uFF33\uFF54\uFF45\uFF4D", "stem"},                    // full-width letters
      {"st\u200Bem\u200Dpas", "stempas"},                      // zero-width space and joiner
      {"\u202Eabc\u202C", "abc"},                              // bidi override
      {"\u041F\u0440\u0438\u0432\u0435\u0442", "\u043F\u0440\u0438\u0432\u0435\u0442"},  // a real Russian word keeps its letters
      {"\u0421\u0442\u0435m", "ctem"},                         // Cyrillic look-alikes in a mixed word fold
      {"V\u043Et\u0435 n\u043Ew", "vote now"},                 // Cyrillic o and e inside Latin words
      {"\u039A\u0399\u0395\u03A3", "\u03BA\u03B9\u03B5\u03C3"},  // a real Greek word keeps its letters
      {"\u03BFnline", "online"},                               // Greek omicron in a Latin word
      {"ﬁnale", "finale"},                                     // ligature
      {"STRAẞE", "strasse"},                                   // sharp s case-folds
      {"soft\u00ADhyphen", "softhyphen"},
  }));
  CAPTURE(input);
  CHECK(normalize_for_matching(input) == expected);
}

TEST_CASE("Invalid UTF-8 becomes replacement characters and nothing is lost after it", "[normalize]") {
  CHECK(decode_utf8("a\xFF" "b") == U"a\uFFFDb");
  CHECK(decode_utf8("\xE2" "A") == U"\uFFFDA");
  CHECK(decode_utf8("\xC0\xAF") == U"\uFFFD\uFFFD");           // overlong '/'
  CHECK(decode_utf8("\xED\xA0\x80") == U"\uFFFD\uFFFD\uFFFD");  // UTF-16 surrogate encoded in UTF-8
  CHECK(encode_utf8(decode_utf8("h\u00E9 \U0001F600")) == "h\u00E9 \U0001F600");
}

TEST_CASE("Entities are extracted from post text", "[normalize]") {
  Entities e = extract_entities("Lees dit! https://example.nl/a?utm_source=x, via @Kiesraad #TK2025 #Stem_Nu \U0001F600\U0001F44D");
  REQUIRE(e.urls.size() == 1);
  CHECK(e.urls[0] == "https://example.nl/a?utm_source=x");
  REQUIRE(e.mentions.size() == 1);
  CHECK(e.mentions[0] == "kiesraad");
  REQUIRE(e.hashtags.size() == 2);
  CHECK(e.hashtags[0] == "tk2025");
  CHECK(e.hashtags[1] == "stem_nu");
  CHECK(e.emoji == 2);
  CHECK(extract_entities("mail a@b and c#d are not tags").hashtags.empty());
}

TEST_CASE("Canonical URLs drop scheme, www, tracking parameters and fragments", "[normalize]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"https://www.Example.nl/a/?utm_source=x&utm_medium=y#top", "example.nl/a"},
      {"http://example.nl/a?id=5&fbclid=abc", "example.nl/a?id=5"},
      {"example.nl/a/", "example.nl/a"},
      {"https://m.example.nl:443/x?si=123&t=9", "example.nl/x"},
      {"https://news.example.com/p?story=1&utm_campaign=z", "news.example.com/p?story=1"},
  }));
  CAPTURE(input);
  CHECK(canonical_url(input) == expected);
}

TEST_CASE("Content words keep what a person wrote and drop links, tags and emoji", "[normalize]") {
  CHECK(content_words("Lees dit: STEM op 17 maart!!! \U0001F5F3 https://t.co/x #PS2027 @user") == "lees dit stem op 17 maart");
  CHECK(word_tokens("Eens!") == std::vector<std::string>{"eens"});
  CHECK(word_tokens("").empty());
}

TEST_CASE("The writing shape keeps punctuation and spacing but not casing, links, tags or emoji", "[normalize][ai]") {
  CHECK(encode_utf8(writing_shape("Kijk:  https://t.co/x?utm=1 @Jan 2025 \U0001F642 #TK2025 Dit is HET!")) ==
        "kijk: \x01 \x02 0000 dit is het!");
  // Casing, emoji and hashtags cannot change it.
  CHECK(writing_shape("LEES DIT, nu... \U0001F525\U0001F525 #ps2027") == writing_shape("lees dit, nu..."));
  // Curly quotes and dashes are kept (writing style), other symbols are dropped.
  CHECK(encode_utf8(writing_shape("\u201CJa\u201D \u2013 it\u2019s \u00A9 \u2605 ok")) == "\u201Cja\u201D \u2013 it\u2019s ok");
  CHECK(writing_shape("").empty());
  CHECK(writing_shape(std::string(2 * 1024 * 1024, 'b')).size() <= kMaxTextBytes);
}

TEST_CASE("Normalisation is bounded on huge input", "[normalize]") {
  std::string huge(2 * 1024 * 1024, 'a');
  CHECK(normalize_for_matching(huge).size() <= kMaxTextBytes);
  std::string zero_width_flood;
  for (int i = 0; i < 100000; ++i) zero_width_flood += "\u200B";
  CHECK(normalize_for_matching(zero_width_flood).empty());
}

namespace {
std::vector<std::string> split_on_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}
}  // namespace

TEST_CASE("word_tokens is content_words split on spaces, and the entity pre-check never misses", "[normalize]") {
  // Pieces that exercise every branch: links, tags, mentions, emoji, look-alikes, invisibles,
  // fullwidth and accented letters, invalid UTF-8, punctuation and whitespace runs.
  const std::vector<std::string> pieces = {"Stem", "NU!", "https://www.Example.nl/a?utm_source=x", "www.site.nl", "#Verkiezingen", "＃tag",
                                           "@Iemand.nl", "😡", "\xD0\xB0msterdam", "zero\xE2\x80\x8Bwidth", "Ｓtem", "café", "Straße", "ǅ",
                                           "\xFF\xFE", "...", " \t\n ", "e-mail", "h", "w", "#", "@", "x_y", "١٢٣", "ß", "İstanbul", "ﬁne"};
  std::uint64_t state = 88172645463325252ULL;
  auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  WordTokens reused;
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    const int k = static_cast<int>(next() % 12);
    for (int i = 0; i < k; ++i) text += pieces[next() % pieces.size()] + (next() % 3 ? " " : "");
    INFO(text);
    CHECK(word_tokens(text) == split_on_spaces(content_words(text)));
    word_tokens(text, reused);  // the same object every time, as the coordination signal uses it
    CHECK(std::vector<std::string>(reused.views.begin(), reused.views.end()) == word_tokens(text));
    if (!may_have_urls_or_hashtags(text)) {
      const Entities e = extract_entities(text);
      CHECK(e.urls.empty());
      CHECK(e.hashtags.empty());
    }
  }
}
