// Election rule packs (rules/election/*.json; schema in rules/schema/election_pack.schema.json).
// A pack is validated whole and its regexes compiled once; any problem rejects the whole pack with
// the file, the rule id and the reason, and the caller keeps the packs it had.
#pragma once

#include <boost/regex.hpp>
#include <memory>
#include <string>
#include <vector>

namespace helder {

// Bounds on packs (an imported pack is untrusted).
inline constexpr std::size_t kMaxRulesPerPack = 2000;
inline constexpr std::size_t kMaxPatternsPerRule = 32;
inline constexpr std::size_t kMaxPatternBytes = 1000;

struct ElectionRule {
  std::string id;
  std::string pack;  // file the rule came from
  std::vector<std::string> languages;  // nl, en, und, other, any
  std::string kind;                    // process | claim | topic | local
  std::vector<std::string> keywords;   // normalised; the rule runs its regexes only if one occurs
  std::vector<boost::regex> patterns;
  std::vector<boost::regex> exclude;
  std::vector<std::string> links;      // link ids of the calendar, or "@election"
  std::vector<std::string> elections;  // election kinds "@election" may pick
  bool councillor = false;
  std::string why_nl, why_en;
  // Set when matching blew a bound: the rule is skipped from then on.
  bool disabled = false;
  std::string disabled_reason;
};

struct RulePack {
  std::string file;
  std::string id;
  std::vector<ElectionRule> rules;
};

// Parses and validates one pack. On error `error` reads "<file>: rule <id>: <reason>" (or
// "<file>: <reason>") and the returned pack is empty.
RulePack parse_rule_pack(const std::string& file, const std::string& json_text, std::string& error);

}  // namespace helder
