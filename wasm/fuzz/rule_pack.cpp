// libFuzzer target: the election rule-pack loader (schema checks in C++ and Boost.Regex compiling) on
// arbitrary bytes, then the load-time probe and the bounded matcher on what loaded. A pack is either
// rejected with a reason that names the file, or loads; matching never throws and never hangs
// (Boost's complexity bound turns a runaway pattern into a switched-off rule).
#include <cstddef>
#include <cstdint>
#include <string>

#include "matcher.h"
#include "rule_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 65536) return 0;
  const std::string file = "rules/election/fuzz.json";
  std::string error;
  helder::RulePack pack = helder::parse_rule_pack(file, std::string(reinterpret_cast<const char*>(data), size), error);
  if (!error.empty()) {
    // Rejected whole, naming the file.
    if (!pack.rules.empty() || error.rfind(file + ": ", 0) != 0) __builtin_trap();
    return 0;
  }
  if (pack.rules.empty()) __builtin_trap();
  // Probing costs ~10 probe texts per pattern: keep an iteration fast by probing the first rules only.
  for (std::size_t i = 0; i < pack.rules.size() && i < 4; ++i) {
    std::string reason = helder::probe_rule(pack.rules[i]);
    if (!reason.empty()) {
      pack.rules[i].disabled = true;
      pack.rules[i].disabled_reason = reason;
    }
  }
  std::vector<helder::ElectionRule*> rules;
  for (auto& r : pack.rules) rules.push_back(&r);
  helder::RuleMatcher matcher;
  matcher.set_rules(rules);
  std::string long_text(3000, 'a');
  for (const std::string& text : {std::string("vergeet je stempas niet #ps2027"), std::string("where is my polling station"), long_text}) {
    for (const char* lang : {"nl", "en", "und"}) {
      auto hits = matcher.match(text, lang);
      if (hits.size() > pack.rules.size()) __builtin_trap();
      for (auto* h : hits)
        if (h->disabled) __builtin_trap();
    }
  }
  for (const auto& r : pack.rules)
    if (r.disabled && r.disabled_reason.empty()) __builtin_trap();
  return 0;
}
