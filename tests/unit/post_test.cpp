#include <catch2/catch.hpp>

#include "post.h"

using namespace helder;
using nlohmann::json;

TEST_CASE("ISO-8601 timestamps parse to epoch seconds", "[post]") {
  auto [text, expected] = GENERATE(table<std::string, double>({
      {"1970-01-01T00:00:00Z", 0},
      {"2025-10-29T07:30:00Z", 1761723000},
      {"2025-10-29T08:30:00+01:00", 1761723000},
      {"2025-10-29T07:30:00.250Z", 1761723000.25},
      {"2024-02-29", 1709164800},
      {"2027-03-17T21:00:00-0200", 1805324400},
  }));
  double t = -1;
  CAPTURE(text);
  REQUIRE(parse_iso8601(text, t));
  CHECK(t == Approx(expected));
}

TEST_CASE("Invalid timestamps are refused", "[post]") {
  auto text = GENERATE(as<std::string>{}, "", "2025-13-01", "2025-02-30", "2023-02-29", "yesterday",
                       "2025-10-29T25:00:00Z", "2025-10-29T07:30:00Zjunk", "20251029");
  double t = 0;
  CAPTURE(text);
  CHECK_FALSE(parse_iso8601(text, t));
}

TEST_CASE("Epoch seconds format back to ISO-8601", "[post]") {
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(format_iso8601(1761723000) == "2025-10-29T07:30:00Z");
}

TEST_CASE("A complete post parses", "[post]") {
  json value = {{"id", "p1"},    {"platform", "x"},          {"author", "anna"},
                {"text", "Hoi"}, {"time", "2025-10-29T07:30:00Z"}, {"links", {"https://a.nl", 5}},
                {"hashtags", {"TK2025"}}};
  PostParse p = parse_post(value);
  REQUIRE(p.ok);
  CHECK(p.post.id == "p1");
  CHECK(p.post.time == 1761723000);
  CHECK(p.post.links == std::vector<std::string>{"https://a.nl"});
  CHECK(p.warnings.size() == 1);  // the number in links
}

TEST_CASE("Malformed posts are refused with a reason naming the field", "[post]") {
  auto [value, reason] = GENERATE(table<json, std::string>({
      {json::array(), "must be a JSON object"},
      {json{{"platform", "x"}, {"author", "a"}, {"text", "t"}, {"time", 1.7e9}}, "missing field 'id'"},
      {json{{"id", 5}, {"platform", "x"}, {"author", "a"}, {"text", "t"}, {"time", 1.7e9}}, "'id' must be a string"},
      {json{{"id", "p"}, {"platform", "x"}, {"author", "a"}, {"text", "t"}, {"time", 1.7e12}}, "epoch seconds"},
      {json{{"id", "p"}, {"platform", "x"}, {"author", "a"}, {"text", "t"}, {"time", "soon"}}, "ISO-8601"},
      {json{{"id", "p"}, {"platform", "x"}, {"author", "a"}, {"time", 1.7e9}}, "missing field 'text'"},
      {json{{"id", "p"}, {"platform", "x"}, {"author", "a"}, {"text", json::object()}, {"time", 1.7e9}}, "'text' must be a string"},
  }));
  PostParse p = parse_post(value);
  CAPTURE(value.dump());
  CHECK_FALSE(p.ok);
  REQUIRE_FALSE(p.errors.empty());
  CHECK_THAT(p.errors.front(), Catch::Contains(reason));
}

TEST_CASE("Oversized text is truncated on a character boundary and flagged", "[post]") {
  std::string text;
  while (text.size() < kMaxTextBytes + 10) text += "\u00E9";  // two bytes each
  text = "a" + text;                                           // so the cut falls inside a character
  PostParse p = parse_post(json{{"id", "p"}, {"platform", "x"}, {"author", "a"}, {"text", text}, {"time", 1.7e9}});
  REQUIRE(p.ok);
  CHECK(p.post.text_truncated);
  CHECK(p.post.text.size() <= kMaxTextBytes);
  CHECK((static_cast<unsigned char>(p.post.text.back()) & 0xC0) == 0x80);  // ends on a complete é
}

#include "engine.h"

TEST_CASE("Invalid UTF-8 inside a post line is replaced, and the post is still annotated", "[engine]") {
  Engine engine;
  std::string line = "{\"id\":\"u\",\"platform\":\"x\",\"author\":\"a\",\"text\":\"stem\xFF\xFEmorgen \xED\xA0\x80\",\"time\":1762000000}";
  json out = json::parse(engine.analyze_jsonl(line));
  CHECK(out["id"] == "u");
  CHECK_THAT(out["errors"].dump(), Catch::Contains("U+FFFD"));
}

TEST_CASE("A lone surrogate escape from JavaScript is replaced, and the post is still annotated", "[engine]") {
  Engine engine;
  json out = json::parse(engine.analyze_jsonl(R"({"id":"s","platform":"x","author":"a\ud800","text":"a\udc00b \ud83d\ude00","time":1762000000})"));
  CHECK(out["id"] == "s");
  CHECK_THAT(out["errors"].dump(), Catch::Contains("U+FFFD"));
}
