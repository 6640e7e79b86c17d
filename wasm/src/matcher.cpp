#include "matcher.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <unordered_map>

namespace helder {

namespace {
constexpr std::uint32_t kNone = 0xffffffffu;
// Probe texts are long enough to make a backtracking pattern exceed Boost's bounds, short enough
// that probing a 500-rule pack stays cheap.
constexpr std::size_t kProbeBytes = 256;
}  // namespace

KeywordIndex::KeywordIndex() { clear(); }

void KeywordIndex::clear() {
  nodes_.assign(1, Node{});
  edges_.clear();
  outputs_.clear();
  pending_edges_.assign(1, {});
  pending_out_.assign(1, {});
  std::fill(std::begin(root_), std::end(root_), 0u);
  built_ = false;
}

void KeywordIndex::add(std::uint32_t rule, const std::string& keyword) {
  if (keyword.empty()) return;
  std::uint32_t node = 0;
  for (unsigned char c : keyword) {
    std::uint32_t next = kNone;
    for (const Edge& e : pending_edges_[node])
      if (e.byte == c) next = e.to;
    if (next == kNone) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_.push_back(Node{});
      pending_edges_.push_back({});
      pending_out_.push_back({});
      pending_edges_[node].push_back(Edge{c, next});
    }
    node = next;
  }
  auto& out = pending_out_[node];
  if (std::find(out.begin(), out.end(), rule) == out.end()) out.push_back(rule);
  built_ = false;
}

void KeywordIndex::build() {
  // Flatten edges (sorted by byte) and outputs.
  edges_.clear();
  outputs_.clear();
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    auto& pe = pending_edges_[i];
    std::sort(pe.begin(), pe.end(), [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
    nodes_[i].edge_begin = static_cast<std::uint32_t>(edges_.size());
    nodes_[i].edge_count = static_cast<std::uint32_t>(pe.size());
    edges_.insert(edges_.end(), pe.begin(), pe.end());
    nodes_[i].out_begin = static_cast<std::uint32_t>(outputs_.size());
    nodes_[i].out_count = static_cast<std::uint32_t>(pending_out_[i].size());
    outputs_.insert(outputs_.end(), pending_out_[i].begin(), pending_out_[i].end());
  }
  std::fill(std::begin(root_), std::end(root_), 0u);
  for (std::uint32_t k = 0; k < nodes_[0].edge_count; ++k) root_[edges_[nodes_[0].edge_begin + k].byte] = edges_[nodes_[0].edge_begin + k].to;
  // Breadth-first: failure and dictionary links.
  std::deque<std::uint32_t> queue;
  for (std::uint32_t k = 0; k < nodes_[0].edge_count; ++k) {
    std::uint32_t child = edges_[nodes_[0].edge_begin + k].to;
    nodes_[child].fail = 0;
    nodes_[child].dict = 0;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    std::uint32_t node = queue.front();
    queue.pop_front();
    for (std::uint32_t k = 0; k < nodes_[node].edge_count; ++k) {
      const Edge e = edges_[nodes_[node].edge_begin + k];
      std::uint32_t f = nodes_[node].fail;
      std::uint32_t target = step(f, e.byte);
      while (target == kNone && f != 0) {
        f = nodes_[f].fail;
        target = step(f, e.byte);
      }
      if (target == kNone || target == e.to) target = 0;
      nodes_[e.to].fail = target;
      nodes_[e.to].dict = nodes_[target].out_count > 0 ? target : nodes_[target].dict;
      queue.push_back(e.to);
    }
  }
  pending_edges_.clear();
  pending_out_.clear();
  // The dense table: delta(node, c) = the child on c, else delta(fail(node), c); root: child or root.
  // Rows in breadth-first order; failure links always point at a shallower node, whose row is filled.
  dense_.clear();
  dense16_.clear();
  row_node_.clear();
  emits_.clear();
  std::fill(std::begin(byte_class_), std::end(byte_class_), static_cast<unsigned char>(0));
  classes_ = 1;
  for (const Edge& e : edges_)
    if (byte_class_[e.byte] == 0) byte_class_[e.byte] = static_cast<unsigned char>(classes_ < 255 ? classes_++ : 0);
  if (classes_ < 255 && nodes_.size() * classes_ <= kMaxDenseEntries) {
    std::vector<std::uint32_t> row_of(nodes_.size(), 0);
    row_node_.push_back(0);
    for (std::size_t r = 0; r < row_node_.size(); ++r) {
      const Node& n = nodes_[row_node_[r]];
      for (std::uint32_t k = 0; k < n.edge_count; ++k) {
        const std::uint32_t child = edges_[n.edge_begin + k].to;
        row_of[child] = static_cast<std::uint32_t>(row_node_.size());
        row_node_.push_back(child);
      }
    }
    std::vector<std::uint32_t> table(nodes_.size() * classes_, 0);
    emits_.assign(nodes_.size(), 0);
    for (std::size_t r = 0; r < row_node_.size(); ++r) {
      const Node& n = nodes_[row_node_[r]];
      emits_[r] = n.out_count > 0 || n.dict != 0;
      std::uint32_t* row = &table[r * classes_];
      if (r != 0) {
        const std::uint32_t* fail_row = &table[static_cast<std::size_t>(row_of[n.fail]) * classes_];
        std::copy(fail_row, fail_row + classes_, row);
      }
      for (std::uint32_t k = 0; k < n.edge_count; ++k) {
        const Edge& e = edges_[n.edge_begin + k];
        row[byte_class_[e.byte]] = row_of[e.to];
      }
    }
    if (nodes_.size() <= 0xFFFF)
      dense16_.assign(table.begin(), table.end());
    else
      dense_ = std::move(table);
  }
  built_ = true;
}

std::uint32_t KeywordIndex::step(std::uint32_t node, unsigned char c) const {
  if (node == 0) return root_[c] ? root_[c] : kNone;
  const Node& n = nodes_[node];
  const Edge* begin = edges_.data() + n.edge_begin;
  const Edge* end = begin + n.edge_count;
  if (n.edge_count <= 8) {
    for (const Edge* e = begin; e != end; ++e)
      if (e->byte == c) return e->to;
    return kNone;
  }
  const Edge* it = std::lower_bound(begin, end, c, [](const Edge& e, unsigned char b) { return e.byte < b; });
  return it != end && it->byte == c ? it->to : kNone;
}

void KeywordIndex::candidates(const std::string& text, std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& stamp,
                              std::uint32_t epoch) const {
  if (!built_ || nodes_.size() == 1) return;
  if (!dense16_.empty()) return scan(dense16_, text, out, stamp, epoch);
  if (!dense_.empty()) return scan(dense_, text, out, stamp, epoch);
  std::uint32_t state = 0;
  for (unsigned char c : text) {
    std::uint32_t next = step(state, c);
    while (next == kNone && state != 0) {
      state = nodes_[state].fail;
      next = step(state, c);
    }
    state = next == kNone ? 0 : next;
    emit(state, out, stamp, epoch);
  }
}

void KeywordIndex::emit(std::uint32_t node, std::vector<std::uint32_t>& out, std::vector<std::uint32_t>& stamp,
                        std::uint32_t epoch) const {
  for (std::uint32_t o = nodes_[node].out_count ? node : nodes_[node].dict; o != 0; o = nodes_[o].dict) {
    const Node& n = nodes_[o];
    for (std::uint32_t k = 0; k < n.out_count; ++k) {
      std::uint32_t rule = outputs_[n.out_begin + k];
      if (rule < stamp.size() && stamp[rule] != epoch) {
        stamp[rule] = epoch;
        out.push_back(rule);
      }
    }
  }
}

template <typename State>
void KeywordIndex::scan(const std::vector<State>& table, const std::string& text, std::vector<std::uint32_t>& out,
                        std::vector<std::uint32_t>& stamp, std::uint32_t epoch) const {
  const State* t = table.data();
  const std::size_t classes = classes_;
  std::size_t row = 0;
  for (unsigned char c : text) {
    row = t[row * classes + byte_class_[c]];
    if (emits_[row]) emit(row_node_[row], out, stamp, epoch);
  }
}

// ---- Required literals of a pattern (a second, exact prefilter) -------------------------------
//
// From a pattern's source we derive, once at load, a condition every text it can match must meet:
// a conjunction of clauses, each a set of literals of which at least one must occur in the text
// (e.g. "\bstem(mings)?pas\b.{0,60}\b(kandidaat|lijst)\b" needs {stempas, stemmingspas} and
// {kandidaat, lijst}). Unknown syntax gives no condition (the pattern always runs). Literals are
// ASCII-lowercased: patterns are compiled icase, and the condition is only used on a text without
// ASCII capitals (the normalised text; see RuleMatcher::match).
namespace {

constexpr std::size_t kMaxExact = 32;      // strings a sub-expression may spell out exactly
constexpr std::size_t kMaxLiteralBytes = 48;
constexpr std::size_t kKeptLiteralBytes = 12;  // of each literal, this many first bytes are looked for
constexpr std::size_t kMaxClauses = 6;     // clauses kept per pattern (dropping one only weakens it)
constexpr std::size_t kMaxClauseLiterals = 64;

using Clause = std::vector<std::string>;  // at least one of these occurs
using Cnf = std::vector<Clause>;          // every clause holds

struct Info {
  bool exact = false;             // `strings` is the full set of texts the node can match
  std::vector<std::string> strings;
  Cnf cnf;                        // when !exact: what any text the node matches contains
  bool repeats = false;           // contains a quantifier other than '?'
};

Info zero_width() {
  Info i;
  i.exact = true;
  i.strings = {""};
  return i;
}
Info any_char() { return Info{}; }
Info literal(char c) {
  Info i;
  i.exact = true;
  i.strings = {std::string(1, c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c)};
  return i;
}

void dedupe(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// An exact set as a clause; no clause (nothing required) if it can match the empty text.
Cnf to_cnf(const Info& i) {
  if (!i.exact) return i.cnf;
  for (const auto& s : i.strings)
    if (s.empty()) return {};
  Clause c = i.strings;
  return {c};
}

// Drops literals that contain another literal of the clause (the shorter one occurs whenever they do).
void simplify(Clause& c) {
  dedupe(c);
  Clause kept;
  for (const auto& s : c) {
    bool redundant = false;
    for (const auto& t : c)
      if (&t != &s && t.size() < s.size() && s.find(t) != std::string::npos) redundant = true;
    if (!redundant) kept.push_back(s);
  }
  c = std::move(kept);
}

Cnf and_cnf(Cnf a, const Cnf& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Cnf or_cnf(const Cnf& a, const Cnf& b) {
  Cnf out;
  if (a.empty() || b.empty()) return out;
  for (std::size_t x = 0; x < a.size() && x < 3; ++x)
    for (std::size_t y = 0; y < b.size() && y < 3; ++y) {
      Clause c = a[x];
      c.insert(c.end(), b[y].begin(), b[y].end());
      simplify(c);
      if (c.size() <= kMaxClauseLiterals) out.push_back(c);
    }
  return out;
}

void fix_exact(Info& i) {
  if (!i.exact) return;
  dedupe(i.strings);
  bool too_long = false;
  for (const auto& s : i.strings) too_long = too_long || s.size() > kMaxLiteralBytes;
  if (i.strings.size() > kMaxExact || too_long) {
    i.cnf = too_long ? Cnf{} : to_cnf(i);
    i.exact = false;
    i.strings.clear();
  }
}

Info concat(Info a, const Info& b) {
  Info r;
  r.repeats = a.repeats || b.repeats;
  if (a.exact && b.exact && a.strings.size() * b.strings.size() <= kMaxExact) {
    r.exact = true;
    for (const auto& x : a.strings)
      for (const auto& y : b.strings) r.strings.push_back(x + y);
    fix_exact(r);
    return r;
  }
  r.cnf = and_cnf(to_cnf(a), to_cnf(b));
  return r;
}

Info alternate(const Info& a, const Info& b) {
  Info r;
  r.repeats = a.repeats || b.repeats;
  if (a.exact && b.exact) {
    r.exact = true;
    r.strings = a.strings;
    r.strings.insert(r.strings.end(), b.strings.begin(), b.strings.end());
    fix_exact(r);
    return r;
  }
  r.cnf = or_cnf(to_cnf(a), to_cnf(b));
  return r;
}

class PatternParser {
 public:
  explicit PatternParser(const std::string& s) : s_(s) {}
  // False when the syntax is not understood (then nothing is required and tame is false).
  bool parse(Info& out) {
    if (!alternation(out, 0) || pos_ != s_.size()) return false;
    return true;
  }
  bool tame() const { return tame_; }

 private:
  bool alternation(Info& out, int depth) {
    if (depth > 32) return false;
    Info acc;
    if (!sequence(acc, depth)) return false;
    while (pos_ < s_.size() && s_[pos_] == '|') {
      ++pos_;
      Info next;
      if (!sequence(next, depth)) return false;
      acc = alternate(acc, next);
    }
    out = std::move(acc);
    return true;
  }

  bool sequence(Info& out, int depth) {
    Info acc = zero_width();
    while (pos_ < s_.size() && s_[pos_] != '|' && s_[pos_] != ')') {
      Info atom;
      bool single = false;  // one character wide (may repeat without nesting concerns)
      if (!parse_atom(atom, single, depth)) return false;
      if (!quantified(atom, single)) return false;
      acc = concat(std::move(acc), atom);
    }
    out = std::move(acc);
    return true;
  }

  bool parse_atom(Info& atom, bool& single, int depth) {
    const unsigned char c = static_cast<unsigned char>(s_[pos_]);
    if (c == '(') {
      ++pos_;
      if (pos_ < s_.size() && s_[pos_] == '?') {
        if (pos_ + 1 < s_.size() && s_[pos_ + 1] == ':') {
          pos_ += 2;
        } else {
          return false;  // lookaround, inline flags, named groups, comments: not understood
        }
      }
      if (!alternation(atom, depth + 1)) return false;
      if (pos_ >= s_.size() || s_[pos_] != ')') return false;
      ++pos_;
      return true;
    }
    if (c == '[') return char_class(atom, single);
    if (c == '.') {
      ++pos_;
      atom = any_char();
      single = true;
      return true;
    }
    if (c == '^' || c == '$') {
      ++pos_;
      atom = zero_width();
      return true;
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == '}' || c == ']') return false;
    if (c == '\\') {
      if (pos_ + 1 >= s_.size()) return false;
      const unsigned char e = static_cast<unsigned char>(s_[pos_ + 1]);
      pos_ += 2;
      if (e == 'b' || e == 'B') {
        atom = zero_width();
        return true;
      }
      if (e == 'd' || e == 'D' || e == 'w' || e == 'W' || e == 's' || e == 'S') {
        atom = any_char();
        single = true;
        return true;
      }
      if (e == 'n' || e == 't' || e == 'r' || e == 'f') {
        atom = literal(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : '\f');
        single = true;
        return true;
      }
      if (e < 0x80 && !std::isalnum(e) && e != '<' && e != '>' && e != '`' && e != '\'') {
        atom = literal(static_cast<char>(e));
        single = true;
        return true;
      }
      return false;  // \x.., \p{..}, back-references, \Q..\E, \A, \z, ...: not understood
    }
    ++pos_;
    single = true;
    atom = c < 0x80 ? literal(static_cast<char>(c)) : any_char();  // a byte of a UTF-8 sequence: no literal
    return true;
  }

  bool char_class(Info& atom, bool& single) {
    std::size_t p = pos_ + 1;
    if (p < s_.size() && s_[p] == '^') ++p;
    if (p < s_.size() && s_[p] == ']') ++p;
    while (p < s_.size() && s_[p] != ']') {
      if (s_[p] == '\\') {
        p += 2;
      } else if (s_[p] == '[' && p + 1 < s_.size() && (s_[p + 1] == ':' || s_[p + 1] == '=' || s_[p + 1] == '.')) {
        const std::size_t close = s_.find(std::string(1, s_[p + 1]) + "]", p + 2);
        if (close == std::string::npos) return false;
        p = close + 2;
      } else {
        ++p;
      }
    }
    if (p >= s_.size()) return false;
    pos_ = p + 1;
    atom = any_char();
    single = true;
    return true;
  }

  // Applies a quantifier after the atom, if any. Tame: repetition only of single characters, and
  // '?' only of groups without repetition inside (no nested or overlapping repeats that could
  // backtrack without bound).
  bool quantified(Info& atom, bool single) {
    if (pos_ >= s_.size()) return true;
    std::size_t min = 0, max = 0;
    bool unbounded = false;
    const char q = s_[pos_];
    if (q == '?') {
      min = 0, max = 1, ++pos_;
    } else if (q == '*') {
      min = 0, unbounded = true, ++pos_;
    } else if (q == '+') {
      min = 1, unbounded = true, ++pos_;
    } else if (q == '{') {
      std::size_t p = pos_ + 1;
      auto number = [&](std::size_t& v) {
        const std::size_t start = p;
        v = 0;
        while (p < s_.size() && std::isdigit(static_cast<unsigned char>(s_[p])) && p - start < 6) v = v * 10 + (s_[p++] - '0');
        return p > start;
      };
      if (!number(min)) return false;
      if (p < s_.size() && s_[p] == ',') {
        ++p;
        if (p < s_.size() && s_[p] == '}') {
          unbounded = true;
        } else if (!number(max)) {
          return false;
        }
      } else {
        max = min;
      }
      if (p >= s_.size() || s_[p] != '}') return false;
      pos_ = p + 1;
    } else {
      return true;
    }
    if (pos_ < s_.size() && (s_[pos_] == '?' || s_[pos_] == '+')) ++pos_;  // lazy or possessive
    if (pos_ < s_.size() && (s_[pos_] == '*' || s_[pos_] == '+' || s_[pos_] == '?' || s_[pos_] == '{')) return false;
    const bool optional_only = !unbounded && max <= 1;
    if (!single && !(optional_only && !atom.repeats)) tame_ = false;
    Info r;
    r.repeats = atom.repeats || !optional_only;
    if (min == 0) {
      if (optional_only && atom.exact) {
        r.exact = true;
        r.strings = atom.strings;
        r.strings.push_back("");
        fix_exact(r);
      }
      // else: may match nothing, requires nothing
    } else if (!unbounded && max == 1) {
      r = atom;  // {1}
    } else {
      r.cnf = to_cnf(atom);  // at least once
    }
    atom = std::move(r);
    return true;
  }

  const std::string& s_;
  std::size_t pos_ = 0;
  bool tame_ = true;
};

}  // namespace

PatternFilter pattern_filter(const std::string& source) {
  PatternFilter f;
  PatternParser parser(source);
  Info info;
  if (!parser.parse(info)) return f;
  f.tame = parser.tame();
  Cnf cnf = to_cnf(info);
  for (auto& clause : cnf) {
    // A literal's first bytes occur wherever it does: shorter literals keep the automaton small.
    for (auto& lit : clause)
      if (lit.size() > kKeptLiteralBytes) lit.resize(kKeptLiteralBytes);
    simplify(clause);
    bool useful = !clause.empty() && clause.size() <= kMaxClauseLiterals;
    for (const auto& lit : clause) useful = useful && !lit.empty();
    if (useful) f.clauses.push_back(clause);
  }
  // The most selective clauses first (longest shortest literal), a few kept.
  auto strength = [](const Clause& c) {
    std::size_t shortest = 1000;
    for (const auto& l : c) shortest = std::min(shortest, l.size());
    return shortest;
  };
  std::stable_sort(f.clauses.begin(), f.clauses.end(), [&](const Clause& a, const Clause& b) { return strength(a) > strength(b); });
  std::vector<Clause> kept;
  for (auto& c : f.clauses) {
    if (kept.size() >= kMaxClauses) break;
    if (strength(c) < 2) continue;  // single characters occur in almost every post
    if (std::find(kept.begin(), kept.end(), c) == kept.end()) kept.push_back(c);
  }
  f.clauses = std::move(kept);
  return f;
}

void RuleMatcher::set_rules(std::vector<ElectionRule*> rules) {
  rules_ = std::move(rules);
  index_.clear();
  literals_.clear();
  keyword_rules_.clear();
  needs_.assign(rules_.size(), {});
  exclude_needs_.assign(rules_.size(), {});
  std::unordered_map<std::string, std::uint32_t> ids;
  auto id_of = [&](const std::string& literal) {
    auto [it, added] = ids.emplace(literal, static_cast<std::uint32_t>(literals_.size()));
    if (added) {
      literals_.push_back(literal);
      keyword_rules_.emplace_back();
      index_.add(it->second, literal);
    }
    return it->second;
  };
  for (std::uint32_t i = 0; i < rules_.size(); ++i) {
    for (const auto& k : rules_[i]->keywords) {
      if (k.empty()) continue;
      auto& list = keyword_rules_[id_of(k)];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
    for (auto [list, needs] : {std::pair{&rules_[i]->patterns, &needs_[i]}, std::pair{&rules_[i]->exclude, &exclude_needs_[i]}}) {
      for (const auto& pattern : *list) {
        std::vector<std::vector<std::uint32_t>> clauses;
        PatternFilter f = pattern_filter(pattern.str());
        if (f.tame)
          for (const auto& clause : f.clauses) {
            std::vector<std::uint32_t> c;
            for (const auto& lit : clause) c.push_back(id_of(lit));
            clauses.push_back(std::move(c));
          }
        needs->push_back(std::move(clauses));
      }
    }
  }
  index_.build();
  stamp_.assign(rules_.size(), 0);
  literal_stamp_.assign(literals_.size(), 0);
  epoch_ = 0;
}

bool RuleMatcher::needs_met(const std::vector<std::vector<std::uint32_t>>& clauses) const {
  for (const auto& clause : clauses) {
    bool met = false;
    for (std::uint32_t lit : clause)
      if (literal_stamp_[lit] == epoch_) {
        met = true;
        break;
      }
    if (!met) return false;
  }
  return true;
}

bool RuleMatcher::search(ElectionRule& rule, const std::vector<boost::regex>& patterns, bool exclusions, const std::string& text,
                         const std::vector<std::vector<std::vector<std::uint32_t>>>* needs) {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (needs && i < needs->size() && !needs_met((*needs)[i])) {
      ++literal_skips_;  // a literal this (tame) pattern or exclusion needs is not in the text: it cannot match
      continue;
    }
    ++regex_runs_;
    if (exclusions) ++exclusion_runs_;
    try {
      // match_any: any match will do (we never read the match), which lets Boost stop early.
      if (boost::regex_search(text.begin(), text.end(), results_, patterns[i],
                              boost::match_default | boost::match_not_dot_newline | boost::match_any))
        return true;
    } catch (const std::exception& e) {
      rule.disabled = true;
      rule.disabled_reason = std::string(exclusions ? "exclude " : "pattern ") + std::to_string(i) +
                             " exceeded the matching bounds on a post and the rule was switched off: " + e.what();
      return exclusions;  // a broken exclusion must not let the rule through
    }
  }
  return false;
}

std::vector<ElectionRule*> RuleMatcher::match(const std::string& text, const std::string& lang, bool use_prefilter) {
  std::vector<ElectionRule*> hits;
  scratch_.clear();
  // Pattern literals are lowercase and patterns icase: their absence proves no match only in a text
  // without ASCII capitals (the normalised text never has any).
  bool lowercase = use_prefilter;
  if (use_prefilter) {
    for (char c : text)
      if (c >= 'A' && c <= 'Z') {
        lowercase = false;
        break;
      }
    if (++epoch_ == 0) {  // wrapped: reset the stamps
      std::fill(stamp_.begin(), stamp_.end(), 0u);
      std::fill(literal_stamp_.begin(), literal_stamp_.end(), 0u);
      epoch_ = 1;
    }
    found_.clear();
    index_.candidates(text, found_, literal_stamp_, epoch_);
    for (std::uint32_t lit : found_)
      for (std::uint32_t rule : keyword_rules_[lit])
        if (stamp_[rule] != epoch_) {
          stamp_[rule] = epoch_;
          scratch_.push_back(rule);
        }
    std::sort(scratch_.begin(), scratch_.end());
  } else {
    for (std::uint32_t i = 0; i < rules_.size(); ++i) scratch_.push_back(i);
  }
  for (std::uint32_t i : scratch_) {
    ElectionRule& rule = *rules_[i];
    if (rule.disabled) continue;
    bool lang_ok = false;
    for (const auto& l : rule.languages) lang_ok = lang_ok || l == "any" || l == lang;
    if (!lang_ok) continue;
    if (search(rule, rule.patterns, false, text, lowercase ? &needs_[i] : nullptr) && !rule.disabled &&
        !search(rule, rule.exclude, true, text, lowercase ? &exclude_needs_[i] : nullptr))
      hits.push_back(&rule);
  }
  return hits;
}

std::string probe_rule(const ElectionRule& rule) {
  std::vector<std::string> probes;
  auto run_of = [](const std::string& unit) {
    std::string s;
    while (s.size() + unit.size() <= kProbeBytes) s += unit;
    return s;
  };
  std::string firsts = "a 1";
  for (std::size_t k = 0; k < rule.keywords.size() && k < 4; ++k) {
    probes.push_back(run_of(rule.keywords[k] + " "));
    if (firsts.find(rule.keywords[k][0]) == std::string::npos) firsts.push_back(rule.keywords[k][0]);
  }
  for (char c : firsts) probes.push_back(run_of(std::string(1, c)));
  for (const auto* list : {&rule.patterns, &rule.exclude}) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      for (const auto& probe : probes) {
        try {
          boost::regex_search(probe, (*list)[i], boost::match_default | boost::match_not_dot_newline);
        } catch (const std::exception& e) {
          return std::string(list == &rule.patterns ? "pattern " : "exclude ") + std::to_string(i) +
                 " exceeded the matching bounds on a probe text and the rule was switched off at load: " + e.what();
        }
      }
    }
  }
  return "";
}

}  // namespace helder
