#include "matcher.h"

#include <algorithm>
#include <deque>

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
  std::uint32_t state = 0;
  for (unsigned char c : text) {
    std::uint32_t next = step(state, c);
    while (next == kNone && state != 0) {
      state = nodes_[state].fail;
      next = step(state, c);
    }
    state = next == kNone ? 0 : next;
    for (std::uint32_t o = nodes_[state].out_count ? state : nodes_[state].dict; o != 0; o = nodes_[o].dict) {
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
}

void RuleMatcher::set_rules(std::vector<ElectionRule*> rules) {
  rules_ = std::move(rules);
  index_.clear();
  for (std::uint32_t i = 0; i < rules_.size(); ++i)
    for (const auto& k : rules_[i]->keywords) index_.add(i, k);
  index_.build();
  stamp_.assign(rules_.size(), 0);
  epoch_ = 0;
}

bool RuleMatcher::search(ElectionRule& rule, const std::vector<boost::regex>& patterns, bool exclusions, const std::string& text) {
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    ++regex_runs_;
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
  if (use_prefilter) {
    if (++epoch_ == 0) {  // wrapped: reset the stamps
      std::fill(stamp_.begin(), stamp_.end(), 0u);
      epoch_ = 1;
    }
    index_.candidates(text, scratch_, stamp_, epoch_);
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
    if (search(rule, rule.patterns, false, text) && !rule.disabled && !search(rule, rule.exclude, true, text)) hits.push_back(&rule);
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
