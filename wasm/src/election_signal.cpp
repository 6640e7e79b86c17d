// Election signal: rule packs matched against the normalised text of a post, the calendar deciding
// which official links fit the date, and the allowlist deciding which links may be shown at all.
#include <algorithm>
#include <chrono>
#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "election_calendar.h"
#include "matcher.h"
#include "rule_pack.h"
#include "signals.h"
#include "source_allowlist.h"
#include "text_normalize.h"

namespace helder {
namespace {

using nlohmann::json;

// Matching time one batch may spend; posts after it get a note instead of an election block.
constexpr double kBatchBudgetMs = 1000;
constexpr std::size_t kMaxLinks = 4;

bool is_pack(const std::string& name) {
  return name.rfind("rules/election/", 0) == 0 && name.size() > 20 && name.compare(name.size() - 5, 5, ".json") == 0;
}

class RuleElection final : public ElectionSignal {
 public:
  ResourceResult load_resource(const std::string& name, const std::string& text) override {
    resolved_.clear();
    ResourceResult r;
    if (name == "rules/sources.json") {
      r.handled = true;
      r.kind = "sources";
      SourceAllowlist next;
      std::string error = next.load(text);
      if (error.empty()) error = check_links(calendar_, next);
      if (!error.empty()) return fail(r, name + ": " + error);
      allowlist_ = std::move(next);
      r.ok = true;
      return r;
    }
    if (name == "rules/election_calendar.json") {
      r.handled = true;
      r.kind = "election_calendar";
      ElectionCalendar next;
      std::string error = next.load(text);
      if (error.empty() && allowlist_.loaded()) error = check_links(next, allowlist_);
      if (error.empty()) error = check_pack_links(next);
      if (!error.empty()) return fail(r, name + ": " + error);
      calendar_ = std::move(next);
      r.ok = true;
      return r;
    }
    if (is_pack(name)) {
      r.handled = true;
      r.kind = "election_rules";
      std::string error;
      RulePack pack = parse_rule_pack(name, text, error);
      if (error.empty() && calendar_.loaded()) {
        for (const auto& rule : pack.rules)
          for (const auto& id : rule.links)
            if (id != "@election" && !calendar_.link(id)) error = name + ": rule " + rule.id + ": link \"" + id + "\" is not in the calendar's links";
      }
      if (!error.empty()) return fail(r, error);
      // A pattern that already blows up on a probe text is switched off now, with the reason in the
      // load result and in stats; the pack's other rules load.
      for (auto& rule : pack.rules) {
        std::string reason = probe_rule(rule);
        if (reason.empty()) continue;
        rule.disabled = true;
        rule.disabled_reason = reason;
        r.warnings.push_back(name + ": rule " + rule.id + ": " + reason);
      }
      packs_[name] = std::move(pack);
      std::vector<ElectionRule*> all;
      for (auto& [file, p] : packs_)
        for (auto& rule : p.rules) all.push_back(&rule);
      matcher_.set_rules(std::move(all));
      r.ok = true;
      return r;
    }
    return r;
  }

  void begin_batch() override {
    batch_start_ = std::chrono::steady_clock::now();
    budget_spent_ = false;
  }

  json annotate(const SignalInput& in, const SignalContext& ctx) override {
    static const json kEmpty{{"topic", false}, {"links", json::array()}, {"matched", json::array()}, {"councillor", false}};
    json block = kEmpty;
    if (packs_.empty() || in.post == nullptr) return block;
    if (!budget_spent_) {
      double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - batch_start_).count();
      budget_spent_ = spent > kBatchBudgetMs;
    }
    if (budget_spent_) {
      ++skipped_for_budget_;
      block["note"] = ctx.ui_lang == "nl" ? "niet gecontroleerd: de tijd voor deze reeks berichten was op" : "not checked: the time for this batch of posts ran out";
      return block;
    }
    const Post& post = *in.post;
    std::string text = normalize_for_matching(post.text);
    // The body is capped so that the hashtags (appended as " #tag") still fit under kMaxMatchBytes.
    if (text.size() > kMaxMatchBytes - 512) text.resize(kMaxMatchBytes - 512);
    // Speed: a text that cannot hold a hashtag is not decoded a second time.
    std::vector<std::string> hashtags;
    if (may_have_hashtags(post.text)) hashtags = extract_entities(post.text).hashtags;
    for (const auto& h : post.hashtags) {
      if (hashtags.size() >= kMaxListItems) break;
      std::string n = normalize_for_matching(h);
      if (!n.empty() && n[0] == '#') n.erase(0, 1);
      if (!n.empty() && std::find(hashtags.begin(), hashtags.end(), n) == hashtags.end()) hashtags.push_back(n);
    }
    for (const auto& h : hashtags) text += " #" + h;

    if (text.size() > kMaxMatchBytes) text.resize(kMaxMatchBytes);
    std::vector<ElectionRule*> hits = matcher_.match(text, in.lang);
    if (hits.empty()) return block;
    // Claims first (they carry the explanation), then the voting process, then topics, local last.
    auto rank = [](const ElectionRule* r) { return r->kind == "claim" ? 0 : r->kind == "process" ? 1 : r->kind == "topic" ? 2 : 3; };
    std::stable_sort(hits.begin(), hits.end(), [&](auto* a, auto* b) { return rank(a) < rank(b); });

    const bool nl = ctx.ui_lang == "nl";
    bool topic = false, councillor = false;
    std::vector<std::string> link_ids, councillor_ids;
    std::vector<std::string> kinds;
    for (const auto* r : hits) {
      block["matched"].push_back(r->id);
      councillor = councillor || r->councillor;
      if (r->kind == "local") {
        for (const auto& id : r->links) councillor_ids.push_back(id);
        continue;
      }
      topic = true;
      for (const auto& k : r->elections) kinds.push_back(k);
    }
    ElectionChoice choice;
    if (topic) {
      choice = calendar_.choose(ctx.now, kinds, hashtags);
      for (const auto* r : hits) {
        if (r->kind == "local") continue;
        for (const auto& id : r->links) {
          if (id != "@election") {
            link_ids.push_back(id);
          } else if (choice.election) {
            const auto& e = *choice.election;
            const auto& ids = choice.phase == ElectionPhase::kBefore ? e.before : choice.phase == ElectionPhase::kDay ? e.day : e.after;
            link_ids.insert(link_ids.end(), ids.begin(), ids.end());
          }
        }
      }
    }
    block["topic"] = topic;
    block["links"] = resolve(link_ids, nl);
    block["councillor"] = councillor;
    if (councillor) block["councillor_links"] = resolve(councillor_ids, nl);
    const ElectionRule* first = hits.front();
    std::string why = nl ? first->why_nl : first->why_en;
    if (topic) block["kind"] = first->kind;
    if (choice.election) {
      const auto& e = *choice.election;
      std::string date = format_date_long(e.date, nl ? "nl" : "en");
      // Elections held on the same day are named together (17 March 2027: provincial, water-board and
      // island-council elections), unless the post named one by kind or hashtag.
      const bool by_tag = std::any_of(e.hashtags.begin(), e.hashtags.end(),
                                      [&](const std::string& h) { return std::find(hashtags.begin(), hashtags.end(), h) != hashtags.end(); });
      std::vector<std::string> names;
      for (const auto& other : calendar_.elections()) {
        if (other.date != e.date || (by_tag && &other != &e)) continue;
        if (&other != &e && !kinds.empty() && std::find(kinds.begin(), kinds.end(), other.kind) == kinds.end()) continue;
        names.push_back(nl ? other.name_nl : other.name_en);
      }
      std::string name;
      for (std::size_t i = 0; i < names.size(); ++i)
        name += (i == 0 ? "" : i + 1 == names.size() ? (nl ? " en " : " and ") : ", ") + names[i];
      std::string when;
      if (choice.phase == ElectionPhase::kDay)
        when = nl ? "Vandaag: " + name + "." : "Today: " + name + ".";
      else if (choice.phase == ElectionPhase::kAfter)
        when = nl ? "Verkiezingsdag was " + date + " (" + name + "); de Kiesraad publiceert de officiële uitslag."
                  : "Election day was " + date + " (" + name + "); the Kiesraad publishes the official results.";
      else if (e.fixed)
        when = nl ? "Volgende verkiezing: " + name + ", " + date + "." : "Next election: " + name + ", " + date + ".";
      else
        when = nl ? "Verwacht: " + name + ", rond " + date + " — deze datum is nog niet officieel vastgesteld."
                  : "Expected: " + name + ", around " + date + " — this date is not yet official.";
      why += " " + when;
      block["election"] = json{{"id", e.id},
                               {"date", e.date},
                               {"date_fixed", e.fixed},
                               {"phase", choice.phase == ElectionPhase::kBefore ? "before" : choice.phase == ElectionPhase::kDay ? "day" : "after"}};
    }
    block["why"] = why;
    return block;
  }

  json stats() const override {
    json disabled = json::array();
    std::size_t rules = 0;
    for (const auto& [file, pack] : packs_) {
      rules += pack.rules.size();
      for (const auto& r : pack.rules)
        if (r.disabled) disabled.push_back(json{{"file", file}, {"rule", r.id}, {"reason", r.disabled_reason}});
    }
    return json{{"packs", packs_.size()},
                {"rules", rules},
                {"calendar", calendar_.elections().size()},
                {"sources", allowlist_.size()},
                {"disabled_rules", disabled},
                {"posts_skipped_for_time", skipped_for_budget_},
                {"regex_runs", matcher_.regex_runs()}};
  }

 private:
  static ResourceResult fail(ResourceResult r, const std::string& error) {
    r.ok = false;
    r.error = error;
    return r;
  }

  static std::string check_links(const ElectionCalendar& calendar, const SourceAllowlist& allowlist) {
    if (!allowlist.loaded()) return "";
    for (const auto& [id, link] : calendar.links())
      if (!allowlist.allows(link.url)) return "link " + id + " (" + link.url.substr(0, 200) + ") is not https on an allowlisted domain";
    return "";
  }

  std::string check_pack_links(const ElectionCalendar& calendar) const {
    for (const auto& [file, pack] : packs_)
      for (const auto& rule : pack.rules)
        for (const auto& id : rule.links)
          if (id != "@election" && !calendar.link(id)) return file + ": rule " + rule.id + " names link \"" + id + "\" that this calendar lacks";
    return "";
  }

  json resolve(const std::vector<std::string>& ids, bool nl) const {
    json links = json::array();
    std::vector<const std::string*> urls;
    for (const auto& id : ids) {
      const ResolvedLink& link = resolved(id);
      if (!link.usable) continue;  // never an unofficial link
      if (std::find_if(urls.begin(), urls.end(), [&](const std::string* u) { return *u == link.url; }) != urls.end()) continue;
      urls.push_back(&link.url);
      links.push_back(nl ? link.nl : link.en);
      if (links.size() >= kMaxLinks) break;
    }
    return links;
  }

  // A calendar link as the block shows it, checked against the allowlist once (speed: not per post).
  // The cache is emptied whenever a resource loads.
  struct ResolvedLink {
    bool usable = false;
    std::string url;
    json nl, en;
  };
  const ResolvedLink& resolved(const std::string& id) const {
    auto it = resolved_.find(id);
    if (it != resolved_.end()) return it->second;
    ResolvedLink r;
    const OfficialLink* link = calendar_.link(id);
    if (link && allowlist_.allows(link->url)) {
      r.usable = true;
      r.url = link->url;
      r.nl = json{{"url", link->url}, {"title", link->title_nl}, {"source", link->source}};
      r.en = json{{"url", link->url}, {"title", link->title_en}, {"source", link->source}};
    }
    return resolved_.emplace(id, std::move(r)).first->second;
  }

  mutable std::unordered_map<std::string, ResolvedLink> resolved_;
  std::map<std::string, RulePack> packs_;
  RuleMatcher matcher_;
  ElectionCalendar calendar_;
  SourceAllowlist allowlist_;
  std::chrono::steady_clock::time_point batch_start_ = std::chrono::steady_clock::now();
  bool budget_spent_ = false;
  std::size_t skipped_for_budget_ = 0;
};

}  // namespace

std::unique_ptr<ElectionSignal> ElectionSignal::create() { return std::make_unique<RuleElection>(); }

}  // namespace helder
