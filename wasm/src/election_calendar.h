// The election calendar (rules/election_calendar.json): the official links Helder can show, and the
// Dutch elections around now with their dates, so that what is shown follows the date: the run-up
// ("how and where to vote"), the day itself ("where is my polling station") and afterwards
// ("official results").
#pragma once

#include <map>
#include <string>
#include <vector>

namespace helder {

struct OfficialLink {
  std::string url;
  std::string title_nl, title_en;
  std::string source;
};

struct Election {
  std::string id;    // "ps2027"
  std::string kind;  // tk, ps, ws, er, gr, ep, ek
  std::string date;  // YYYY-MM-DD (Europe/Amsterdam)
  bool fixed = false;  // false: expected date, not yet official
  std::string name_nl, name_en;
  std::vector<std::string> hashtags;  // lower case, without '#'
  std::vector<std::string> before, day, after;  // link ids per phase
  double day_start = 0, day_end = 0;            // epoch seconds of the local day
};

enum class ElectionPhase { kBefore, kDay, kAfter };

struct ElectionChoice {
  const Election* election = nullptr;
  ElectionPhase phase = ElectionPhase::kBefore;
};

class ElectionCalendar {
 public:
  // Replaces the calendar on success; on error keeps the previous one and returns the reason.
  std::string load(const std::string& json_text);
  bool loaded() const { return !elections_.empty(); }

  const OfficialLink* link(const std::string& id) const;
  const std::map<std::string, OfficialLink>& links() const { return links_; }
  const std::vector<Election>& elections() const { return elections_; }

  // The election a post is about at time `now`: one named by a hashtag in `hashtags` first; else,
  // among `kinds` (all kinds when empty), today's election, then one that ended at most after_days
  // ago, then the next one ahead (within run_up_days when no kind was asked for).
  ElectionChoice choose(double now, const std::vector<std::string>& kinds, const std::vector<std::string>& hashtags) const;

 private:
  std::map<std::string, OfficialLink> links_;
  std::vector<Election> elections_;
  double after_days_ = 30;
  double run_up_days_ = 120;
};

// Offset of Europe/Amsterdam from UTC in seconds at a UTC instant (CET/CEST by the EU rule).
int amsterdam_utc_offset(double epoch_seconds);
// "17 maart 2027" / "17 March 2027" from "2027-03-17".
std::string format_date_long(const std::string& ymd, const std::string& lang);

}  // namespace helder
