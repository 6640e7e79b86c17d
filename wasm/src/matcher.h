// Matching election rules against the normalised text of a post, fast and bounded.
//
// Speed: every rule names literal keywords (normalised), and a rule's regexes run only when one of
// them occurs in the text. All keywords of all loaded rules go into one Aho-Corasick automaton, so a
// single pass over the text finds the few candidate rules; with a 500-rule pack most posts run no
// regex at all. The same pass also finds the literals each pattern needs (derived from the pattern
// at load, see pattern_filter): a candidate rule's pattern whose needed literals are not all in the
// text cannot match, and is not run. Only tame patterns are skipped that way (no nested or
// overlapping repetition); any other pattern runs as before, so a pattern that can blow the matching
// bounds still meets them on the post that would trigger them. Exclusions (run only for a rule whose
// pattern matched) are filtered the same way.
//
// Safety (an imported pack is untrusted, and so is every post): the text is capped at
// kMaxMatchBytes, Boost.Regex bounds the work of one search (BOOST_REGEX_MAX_STATE_COUNT; it throws
// instead of backtracking for ever), and a rule whose pattern throws is switched off with the reason,
// at load (a probe on adversarial texts) or when a post triggers it, while the other rules keep
// working. A time budget per batch is kept by the caller (election_signal.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rule_pack.h"

namespace helder {

// Only this much of a post's normalised text is matched.
inline constexpr std::size_t kMaxMatchBytes = 4096;

// Aho-Corasick over bytes with sparse edges (memory stays linear in the keywords' total length).
class KeywordIndex {
 public:
  KeywordIndex();
  void clear();
  // Registers `keyword` (non-empty) for `rule`. Call build() after the last add().
  void add(std::uint32_t rule, const std::string& keyword);
  void build();
  // Appends to `out` every rule with at least one keyword in `text`, each once. `stamp` must hold
  // one entry per rule (scratch owned by the caller); `epoch` must differ from every earlier call's.
  void candidates(const std::string& text, std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& stamp,
                  std::uint32_t epoch) const;
  std::size_t nodes() const { return nodes_.size(); }
  // Bytes of the transition table (0: sparse edges only).
  std::size_t table_bytes() const {
    return dense_.size() * sizeof(std::uint32_t) + dense16_.size() * sizeof(std::uint16_t) + emits_.size() + row_node_.size() * sizeof(std::uint32_t);
  }

 private:
  struct Node {
    std::uint32_t fail = 0;
    std::uint32_t dict = 0;        // nearest proper suffix node with outputs (0: none)
    std::uint32_t edge_begin = 0;  // into edges_ (after build)
    std::uint32_t edge_count = 0;
    std::uint32_t out_begin = 0;   // into outputs_ (after build)
    std::uint32_t out_count = 0;
  };
  struct Edge {
    unsigned char byte;
    std::uint32_t to;
  };
  std::uint32_t step(std::uint32_t node, unsigned char c) const;

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> outputs_;
  std::uint32_t root_[256];
  // Speed: the automaton as a full transition table over byte classes (the bytes keywords use, plus
  // one class for all others), built when it stays under kMaxDenseEntries; empty: the sparse edges.
  // Rows are numbered breadth-first (the shallow states a scan mostly visits sit together) and hold
  // 16-bit state numbers (half the memory) when there are fewer than 65,536 states.
  static constexpr std::size_t kMaxDenseEntries = std::size_t{1} << 20;
  unsigned char byte_class_[256];
  std::uint32_t classes_ = 0;
  std::vector<std::uint32_t> dense_;    // [row * classes_ + class] -> row (32-bit states)
  std::vector<std::uint16_t> dense16_;  // the same with 16-bit states
  std::vector<std::uint32_t> row_node_; // row -> node
  std::vector<unsigned char> emits_;    // [row]: the node or a dictionary suffix has outputs
  template <typename State>
  void scan(const std::vector<State>& table, const std::string& text, std::vector<std::uint32_t>& out,
            std::vector<std::uint32_t>& stamp, std::uint32_t epoch) const;
  void emit(std::uint32_t node, std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& stamp, std::uint32_t epoch) const;
  // Build-time only.
  std::vector<std::vector<Edge>> pending_edges_;
  std::vector<std::vector<std::uint32_t>> pending_out_;
  bool built_ = false;
};

// What a pattern needs of a text: every clause has at least one literal (ASCII-lowercased) that
// occurs in any text the pattern matches (icase). No clauses: nothing known. `tame`: no nested or
// overlapping repetition (only single characters repeat; groups are at most optional).
struct PatternFilter {
  bool tame = false;
  std::vector<std::vector<std::string>> clauses;
};
PatternFilter pattern_filter(const std::string& source);

// The loaded rules of all packs, in a fixed order, with their keyword index.
class RuleMatcher {
 public:
  // Replaces the rule set (pointers into packs the caller keeps alive and unchanged until the next
  // set_rules). Rebuilds the keyword index.
  void set_rules(std::vector<ElectionRule*> rules);
  std::size_t size() const { return rules_.size(); }

  // Rules whose language fits and whose pattern matches `text` (already normalised and capped),
  // no exclusion matching, in rule order. With use_prefilter=false every rule's regexes run (the
  // benchmark's baseline). Counts regex runs in regex_runs().
  std::vector<ElectionRule*> match(const std::string& text, const std::string& lang, bool use_prefilter = true);
  std::uint64_t regex_runs() const { return regex_runs_; }
  std::size_t literals() const { return literals_.size(); }
  const KeywordIndex& index() const { return index_; }
  // Pattern runs saved because a needed literal was missing.
  std::uint64_t literal_skips() const { return literal_skips_; }
  // Of regex_runs(), the runs of exclusions (after a pattern matched).
  std::uint64_t exclusion_runs() const { return exclusion_runs_; }

 private:
  // True when one of `patterns` matches; a pattern that exceeds the matching bounds switches `rule`
  // off (reason recorded) and counts as a match for exclusions, as no match for patterns.
  bool search(ElectionRule& rule, const std::vector<boost::regex>& patterns, bool exclusions, const std::string& text,
              const std::vector<std::vector<std::vector<std::uint32_t>>>* needs = nullptr);

  std::uint32_t literal_id(const std::string& literal);
  bool needs_met(const std::vector<std::vector<std::uint32_t>>& clauses) const;

  std::vector<ElectionRule*> rules_;
  KeywordIndex index_;  // over literals: keywords and the literals patterns need
  std::vector<std::string> literals_;
  std::vector<std::vector<std::uint32_t>> keyword_rules_;  // literal -> rules that name it as a keyword
  // [rule][pattern] -> clauses of literal ids (empty: the pattern always runs); the same for exclusions.
  std::vector<std::vector<std::vector<std::vector<std::uint32_t>>>> needs_, exclude_needs_;
  std::vector<std::uint32_t> stamp_;          // per rule
  std::vector<std::uint32_t> literal_stamp_;  // per literal: == epoch_ when it occurs in the text
  std::uint32_t epoch_ = 0;
  std::vector<std::uint32_t> scratch_;
  std::vector<std::uint32_t> found_;
  std::uint64_t literal_skips_ = 0;
  std::uint64_t exclusion_runs_ = 0;
  boost::match_results<std::string::const_iterator> results_;  // reused: no allocation per search
  std::uint64_t regex_runs_ = 0;
};

// Runs each of the rule's patterns and exclusions on adversarial probe texts (long runs of one
// character, repeated keywords). Returns "" or the reason the rule must be switched off.
std::string probe_rule(const ElectionRule& rule);

}  // namespace helder
