#include "election_calendar.h"

#include <algorithm>
#include <nlohmann/json.hpp>


namespace helder {
namespace {

using nlohmann::json;

constexpr double kDay = 86400;

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
long days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// Epoch seconds (UTC) of 01:00 UTC on the last Sunday of `month` in `year`.
double last_sunday_0100_utc(int year, unsigned month) {
  unsigned last_day = month == 3 || month == 10 ? 31 : 30;
  long days = days_from_civil(year, month, last_day);
  long weekday = (days + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
  if (weekday < 0) weekday += 7;
  return static_cast<double>(days - weekday) * kDay + 3600;
}

bool parse_ymd(const std::string& s, int& y, unsigned& m, unsigned& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  y = std::stoi(s.substr(0, 4));
  m = static_cast<unsigned>(std::stoi(s.substr(5, 2)));
  d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  static const unsigned kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= kDays[m - 1];
}

bool string_list(const json& v, std::vector<std::string>& out, std::size_t max_items) {
  if (!v.is_array() || v.size() > max_items) return false;
  for (const auto& s : v) {
    if (!s.is_string() || s.get<std::string>().empty() || s.get<std::string>().size() > 64) return false;
    out.push_back(s.get<std::string>());
  }
  return true;
}

bool bilingual(const json& v, std::string& nl, std::string& en) {
  if (!v.is_object() || !v.contains("nl") || !v.contains("en") || !v["nl"].is_string() || !v["en"].is_string()) return false;
  nl = v["nl"].get<std::string>();
  en = v["en"].get<std::string>();
  return !nl.empty() && !en.empty() && nl.size() <= 500 && en.size() <= 500;
}

}  // namespace

int amsterdam_utc_offset(double t) {
  int year = 1970 + static_cast<int>(t / (365.2425 * kDay));
  // Correct the estimate near new year.
  if (t < static_cast<double>(days_from_civil(year, 1, 1)) * kDay) --year;
  if (t >= static_cast<double>(days_from_civil(year + 1, 1, 1)) * kDay) ++year;
  bool summer = t >= last_sunday_0100_utc(year, 3) && t < last_sunday_0100_utc(year, 10);
  return summer ? 7200 : 3600;
}

std::string format_date_long(const std::string& ymd, const std::string& lang) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (!parse_ymd(ymd, y, m, d)) return ymd;
  static const char* kNl[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"};
  static const char* kEn[] = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"};
  return std::to_string(d) + " " + (lang == "nl" ? kNl[m - 1] : kEn[m - 1]) + " " + std::to_string(y);
}

std::string ElectionCalendar::load(const std::string& text) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return "not a JSON object";
  std::map<std::string, OfficialLink> links;
  if (!doc.contains("links") || !doc["links"].is_object() || doc["links"].size() > 500) return "\"links\" must be an object of at most 500 links";
  for (const auto& [id, v] : doc["links"].items()) {
    OfficialLink link;
    if (!v.is_object() || !v.contains("url") || !v["url"].is_string() || !v.contains("source") || !v["source"].is_string())
      return "link " + id + ": needs \"url\", \"title\" and \"source\"";
    link.url = v["url"].get<std::string>();
    link.source = v["source"].get<std::string>();
    if (link.url.rfind("https://", 0) != 0) return "link " + id + ": the URL must be https";
    if (!v.contains("title") || !bilingual(v["title"], link.title_nl, link.title_en)) return "link " + id + ": \"title\" needs \"nl\" and \"en\"";
    links[id] = link;
  }
  std::vector<Election> elections;
  if (!doc.contains("elections") || !doc["elections"].is_array() || doc["elections"].empty() || doc["elections"].size() > 200)
    return "\"elections\" must be a non-empty array of at most 200";
  static const std::vector<std::string> kKinds = {"tk", "ps", "ws", "er", "gr", "ep", "ek"};
  for (const auto& v : doc["elections"]) {
    Election e;
    if (!v.is_object() || !v.contains("id") || !v["id"].is_string()) return "an election has no \"id\"";
    e.id = v["id"].get<std::string>();
    const std::string where = "election " + e.id.substr(0, 64) + ": ";
    if (!v.contains("kind") || !v["kind"].is_string() ||
        std::find(kKinds.begin(), kKinds.end(), v["kind"].get<std::string>()) == kKinds.end())
      return where + "\"kind\" must be one of tk, ps, ws, er, gr, ep, ek";
    e.kind = v["kind"].get<std::string>();
    int y = 0;
    unsigned m = 0, d = 0;
    if (!v.contains("date") || !v["date"].is_string() || !parse_ymd(v["date"].get<std::string>(), y, m, d))
      return where + "\"date\" must be YYYY-MM-DD";
    e.date = v["date"].get<std::string>();
    if (!v.contains("fixed") || !v["fixed"].is_boolean()) return where + "\"fixed\" must be true or false";
    e.fixed = v["fixed"].get<bool>();
    if (!v.contains("name") || !bilingual(v["name"], e.name_nl, e.name_en)) return where + "\"name\" needs \"nl\" and \"en\"";
    if (v.contains("hashtags") && !string_list(v["hashtags"], e.hashtags, 16)) return where + "\"hashtags\" must be a list of short strings";
    for (auto& h : e.hashtags)
      for (auto& c : h)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (auto [key, list] : {std::pair<const char*, std::vector<std::string>*>{"before", &e.before}, {"day", &e.day}, {"after", &e.after}}) {
      if (!v.contains(key) || !string_list(v[key], *list, 8)) return where + "\"" + key + "\" must be a list of link ids";
      for (const auto& id : *list)
        if (!links.count(id)) return where + "\"" + key + "\" names unknown link \"" + id.substr(0, 64) + "\"";
    }
    double local_midnight = static_cast<double>(days_from_civil(y, m, d)) * kDay;
    e.day_start = local_midnight - amsterdam_utc_offset(local_midnight);
    e.day_end = e.day_start + kDay;
    elections.push_back(std::move(e));
  }
  double after_days = doc.value("after_days", 30.0), run_up_days = doc.value("run_up_days", 120.0);
  if (after_days < 0 || after_days > 365 || run_up_days < 0 || run_up_days > 3650) return "\"after_days\"/\"run_up_days\" out of range";
  links_ = std::move(links);
  elections_ = std::move(elections);
  after_days_ = after_days;
  run_up_days_ = run_up_days;
  return "";
}

const OfficialLink* ElectionCalendar::link(const std::string& id) const {
  auto it = links_.find(id);
  return it == links_.end() ? nullptr : &it->second;
}

ElectionChoice ElectionCalendar::choose(double now, const std::vector<std::string>& kinds, const std::vector<std::string>& hashtags) const {
  auto phase_of = [&](const Election& e) {
    return now < e.day_start ? ElectionPhase::kBefore : now < e.day_end ? ElectionPhase::kDay : ElectionPhase::kAfter;
  };
  for (const auto& e : elections_)
    for (const auto& h : e.hashtags)
      if (std::find(hashtags.begin(), hashtags.end(), h) != hashtags.end()) return {&e, phase_of(e)};
  auto wanted = [&](const Election& e) { return kinds.empty() || std::find(kinds.begin(), kinds.end(), e.kind) != kinds.end(); };
  const Election* today = nullptr;
  const Election* recent = nullptr;
  const Election* next = nullptr;
  for (const auto& e : elections_) {
    if (!wanted(e)) continue;
    if (now >= e.day_start && now < e.day_end) {
      if (!today) today = &e;
    } else if (now >= e.day_end && now < e.day_end + after_days_ * kDay) {
      if (!recent || e.day_end > recent->day_end) recent = &e;
    } else if (now < e.day_start) {
      if (!next || e.day_start < next->day_start) next = &e;
    }
  }
  if (today) return {today, ElectionPhase::kDay};
  if (recent) return {recent, ElectionPhase::kAfter};
  if (next && (!kinds.empty() || next->day_start - now <= run_up_days_ * kDay)) return {next, ElectionPhase::kBefore};
  return {};
}

}  // namespace helder
