// The literal prefilter of election patterns: what it derives, and that it never hides a match.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "matcher.h"
#include "rule_pack.h"
#include "test_support.h"
#include "text_normalize.h"

using namespace helder;

namespace {

bool needs_met(const PatternFilter& f, const std::string& text) {
  for (const auto& clause : f.clauses) {
    bool met = false;
    for (const auto& lit : clause) met = met || text.find(lit) != std::string::npos;
    if (!met) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("A pattern's needed literals are derived from its source", "[election][matcher]") {
  PatternFilter f = pattern_filter("\\bstem(mings)?pas(sen|je)?\\b");
  CHECK(f.tame);
  REQUIRE(f.clauses.size() == 1);
  CHECK(f.clauses[0] == std::vector<std::string>{"stemmingspas", "stempas"});
  f = pattern_filter("\\b(Online|via (het )?internet)\\b.{0,50}\\b(stemmen|stemt)\\b");
  CHECK(f.tame);
  REQUIRE(f.clauses.size() == 2);
  CHECK(std::find(f.clauses.begin(), f.clauses.end(), std::vector<std::string>{"stemmen", "stemt"}) != f.clauses.end());
  CHECK(std::find(f.clauses.begin(), f.clauses.end(), std::vector<std::string>{"online", "via het inte", "via internet"}) != f.clauses.end());
  f = pattern_filter("#(tk|ps)(20)?\\d\\d\\b");
  CHECK(f.tame);
  REQUIRE(f.clauses.size() == 1);
  CHECK(f.clauses[0] == std::vector<std::string>{"#ps", "#tk"});
  // Nested or overlapping repetition is not tame: such a pattern always runs (and meets the bounds).
  CHECK_FALSE(pattern_filter("(a+)+b").tame);
  CHECK_FALSE(pattern_filter("stempas (q+q+)+y").tame);
  CHECK_FALSE(pattern_filter("(x|x)*y").tame);
  // Syntax it does not know: nothing derived.
  CHECK(pattern_filter("(?=stem)stempas").clauses.empty());
  CHECK(pattern_filter("\\x41bc").clauses.empty());
  CHECK(pattern_filter("(stem)\\1").clauses.empty());
  // Optional parts require nothing.
  CHECK(pattern_filter("(stempas)?\\w+").clauses.empty());
  CHECK(pattern_filter("a|stempas").clauses.empty());
}

TEST_CASE("A text a committed pattern matches always has the literals it needs", "[election][matcher]") {
  std::vector<std::string> texts;
  for (const char* f : {"/tests/election/tune.txt", "/tests/election/heldout.txt", "/tests/election/heldout_b.txt"}) {
    std::istringstream in(helder::test::read_file(std::string(HELDER_SOURCE_DIR) + f));
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::size_t tab = line.find('\t', line.find('\t') + 1);
      if (tab != std::string::npos) texts.push_back(normalize_for_matching(line.substr(tab + 1)));
    }
  }
  REQUIRE(texts.size() > 100);
  std::size_t matches = 0, checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(HELDER_SOURCE_DIR) + "/rules/election")) {
    std::string error;
    RulePack pack = parse_rule_pack("rules/election/" + entry.path().filename().string(), helder::test::read_file(entry.path().string()), error);
    REQUIRE(error.empty());
    for (const auto& rule : pack.rules)
      for (const auto* list : {&rule.patterns, &rule.exclude})
        for (const auto& re : *list) {
          PatternFilter f = pattern_filter(re.str());
          for (const auto& text : texts) {
            ++checked;
            if (!boost::regex_search(text, re, boost::match_default | boost::match_not_dot_newline)) continue;
            ++matches;
            CAPTURE(re.str(), text);
            CHECK(needs_met(f, text));
          }
        }
  }
  CHECK(matches > 100);
  CHECK(checked > 10000);
}
