// The election signal through its interface (signals.h) with the committed resources: packs load and
// are rejected whole when bad, the calendar decides the links by date, only allowlisted https links
// are shown, other meanings of the tricky words stay quiet, and a runaway pattern is switched off.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "election_calendar.h"
#include "matcher.h"
#include "post.h"
#include "rule_pack.h"
#include "signals.h"
#include "source_allowlist.h"
#include "test_support.h"

using namespace helder;
using nlohmann::json;

namespace {

using helder::test::read_file;

// Every committed pack, as readResources() would pass them (sorted repository paths).
std::vector<std::string> committed_packs() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(HELDER_SOURCE_DIR "/rules/election"))
    if (entry.path().extension() == ".json") names.push_back("rules/election/" + entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<ElectionSignal> loaded_signal() {
  auto signal = ElectionSignal::create();
  for (const std::string& name : committed_packs()) {
    ResourceResult r = signal->load_resource(name, read_file(std::string(HELDER_SOURCE_DIR "/") + name));
    REQUIRE(r.handled);
    REQUIRE(r.error == "");
  }
  for (const char* name : {"rules/election_calendar.json", "rules/sources.json"}) {
    ResourceResult r = signal->load_resource(name, read_file(std::string(HELDER_SOURCE_DIR "/") + name));
    REQUIRE(r.error == "");
  }
  return signal;
}

double at(const char* iso) {
  double t = 0;
  REQUIRE(parse_iso8601(iso, t));
  return t;
}

json annotate(ElectionSignal& signal, const std::string& text, const std::string& lang, const char* now, const std::string& ui = "en") {
  Post post;
  post.id = "p";
  post.text = text;
  SignalContext ctx;
  ctx.now = at(now);
  ctx.ui_lang = ui;
  signal.begin_batch();
  return signal.annotate(SignalInput{&post, lang}, ctx);
}

bool has_url(const json& block, const std::string& needle) {
  for (const auto& l : block["links"])
    if (l["url"].get<std::string>().find(needle) != std::string::npos) return true;
  return false;
}

// A one-rule pack around the given patterns.
std::string pack_with(const std::string& id, const json& patterns, const json& keywords = json::array({"a"})) {
  json rule{{"id", id}, {"languages", {"any"}}, {"kind", "process"}, {"keywords", keywords}, {"patterns", patterns},
            {"links", {"kiesraad"}}, {"why", {{"nl", "Uitleg."}, {"en", "Explanation."}}}};
  return json{{"pack", "test"}, {"version", 1}, {"rules", json::array({rule})}}.dump();
}

}  // namespace

TEST_CASE("Election resources are handled by the election signal and nothing else", "[election]") {
  auto signal = ElectionSignal::create();
  CHECK_FALSE(signal->load_resource("models/langid.json", "{}").handled);
  CHECK_FALSE(signal->load_resource("rules/ai.json", "{}").handled);
  CHECK_FALSE(signal->load_resource("rules/election/.json", "{}").handled);
  CHECK(signal->load_resource("rules/election/x.json", "{}").handled);
}

TEST_CASE("The calendar decides the links: run-up, the day itself, afterwards", "[election]") {
  auto signal = loaded_signal();
  const std::string text = "Waar moet ik mijn stempas inleveren voor de Statenverkiezingen?";
  json before = annotate(*signal, text, "nl", "2027-02-20T10:00:00Z");
  CHECK(before["topic"] == true);
  CHECK(before["election"]["phase"] == "before");
  CHECK(before["election"]["date"] == "2027-03-17");
  CHECK(before["election"]["date_fixed"] == true);
  CHECK(has_url(before, "elkestemtelt.nl"));
  CHECK_FALSE(has_url(before, "verkiezingsuitslagen.nl"));

  // 17 March 2027 in Amsterdam runs from 23:00 UTC on the 16th (CET).
  json day = annotate(*signal, text, "nl", "2027-03-16T23:30:00Z");
  CHECK(day["election"]["phase"] == "day");
  CHECK(has_url(day, "waarismijnstemlokaal.nl"));
  json late_before = annotate(*signal, text, "nl", "2027-03-16T22:30:00Z");
  CHECK(late_before["election"]["phase"] == "before");

  json after = annotate(*signal, text, "nl", "2027-03-25T10:00:00Z");
  CHECK(after["election"]["phase"] == "after");
  CHECK(has_url(after, "verkiezingsuitslagen.nl"));
}

TEST_CASE("The election a post names decides which election's date and links are shown", "[election]") {
  auto signal = loaded_signal();
  auto [text, lang, id, fixed] = GENERATE(table<std::string, std::string, std::string, bool>({
      {"Stemmen voor het waterschap, waarom zou je dat doen?", "nl", "ws2027", true},
      {"Wie staan er op de kandidatenlijst voor de eilandsraad van Saba?", "nl", "er2027", true},
      {"Wie wordt de grootste bij de Statenverkiezingen?", "nl", "ps2027", true},
      {"Nog drie jaar tot de gemeenteraadsverkiezingen", "nl", "gr2030", false},
      {"De volgende Tweede Kamerverkiezing komt eraan, ga stemmen", "nl", "tk2030", false},
      {"Who are the candidates for the European Parliament election in the Netherlands?", "en", "ep2029", false},
      {"How do water board elections work in the Netherlands?", "en", "ws2027", true},
      {"#GR2030 wie doet er mee?", "nl", "gr2030", false},
  }));
  CAPTURE(text);
  json b = annotate(*signal, text, lang, "2027-02-20T10:00:00Z");
  REQUIRE(b["topic"] == true);
  CHECK(b["election"]["id"] == id);
  CHECK(b["election"]["date_fixed"] == fixed);
  CHECK(b["election"]["phase"] == "before");
}

TEST_CASE("A date that is not officially fixed is said to be expected", "[election]") {
  auto signal = loaded_signal();
  json b = annotate(*signal, "Who is standing in the European Parliament election in the Netherlands?", "en", "2029-03-01T10:00:00Z");
  REQUIRE(b["topic"] == true);
  CHECK(b["election"]["id"] == "ep2029");
  CHECK(b["election"]["date_fixed"] == false);
  CHECK(b["why"].get<std::string>().find("not yet official") != std::string::npos);
  json nl = annotate(*signal, "Wie staan er op de kandidatenlijst voor het Europees Parlement?", "nl", "2029-03-01T10:00:00Z", "nl");
  CHECK(nl["why"].get<std::string>().find("niet officieel vastgesteld") != std::string::npos);
}

TEST_CASE("Link titles and the explanation follow the UI language", "[election]") {
  auto signal = loaded_signal();
  const std::string text = "Vergeet je identiteitsbewijs niet als je gaat stemmen bij het stembureau";
  json nl = annotate(*signal, text, "nl", "2027-03-01T10:00:00Z", "nl");
  json en = annotate(*signal, text, "nl", "2027-03-01T10:00:00Z", "en");
  REQUIRE(nl["links"].size() == en["links"].size());
  REQUIRE_FALSE(nl["links"].empty());
  CHECK(nl["links"][0]["url"] == en["links"][0]["url"]);
  CHECK(nl["links"][0]["title"] != en["links"][0]["title"]);
  CHECK(nl["why"] != en["why"]);
}

TEST_CASE("Other meanings of the tricky words do not fire", "[election]") {
  auto signal = loaded_signal();
  auto [text, lang] = GENERATE(table<std::string, std::string>({
      {"Wat heeft die zangeres een prachtige stem, kippenvel bij het koor", "nl"},
      {"Stem nu op de verkiezing van de beste speler van het seizoen!", "nl"},
      {"De uitslag van de wedstrijd was 3-1, wat een finale", "nl"},
      {"Ik heb een rare uitslag op mijn arm, moet ik naar de huisarts?", "nl"},
      {"My voice is gone after singing all night", "en"},
      {"Vote for your favourite player of the season in the app", "en"},
      {"Heb je de uitslag van je tentamen al?", "nl"},
  }));
  CAPTURE(text);
  json b = annotate(*signal, text, lang, "2027-03-01T10:00:00Z");
  CHECK(b["topic"] == false);
  CHECK(b["links"].empty());
}

TEST_CASE("Common claims about the voting process get the official explanation", "[election]") {
  auto signal = loaded_signal();
  auto [text, lang, rule] = GENERATE(table<std::string, std::string, std::string>({
      {"Dit jaar kun je gewoon online stemmen via de app van de overheid", "nl", "claim.online_voting"},
      {"Let op: met potlood ingevulde stemmen worden later uitgegumd!", "nl", "claim.pencil"},
      {"Een gevouwen stempas is ongeldig, neem hem plat mee", "nl", "claim.folded"},
      {"De computer bepaalt de uitslag van de verkiezingen, niet de kiezer", "nl", "claim.computer"},
  }));
  CAPTURE(text);
  json b = annotate(*signal, text, lang, "2027-03-01T10:00:00Z", "nl");
  REQUIRE(b["topic"] == true);
  CHECK(b["kind"] == "claim");
  CHECK(b["matched"][0] == rule);
  const std::string why = b["why"];
  // Information added, not a verdict on the post.
  for (const char* word : {"nep", "fake", "desinformatie", "disinformation", "onwaar", "false"}) CHECK(why.find(word) == std::string::npos);
}

TEST_CASE("Posts about the municipal council carry the councillor flag and the support page", "[election]") {
  auto signal = loaded_signal();
  json b = annotate(*signal, "Vanavond stemt de gemeenteraad over het nieuwe woningbouwplan", "nl", "2027-01-10T10:00:00Z");
  CHECK(b["councillor"] == true);
  REQUIRE(b.contains("councillor_links"));
  REQUIRE_FALSE(b["councillor_links"].empty());
  CHECK(b["councillor_links"][0]["url"].get<std::string>().find("desinformatieingemeente.nl") != std::string::npos);
  json n = annotate(*signal, "Lekker weekje vakantie gehad", "nl", "2027-01-10T10:00:00Z");
  CHECK(n["councillor"] == false);
  CHECK_FALSE(n.contains("councillor_links"));
}

TEST_CASE("Every URL the signal shows is https and on the allowlist", "[election]") {
  auto signal = loaded_signal();
  SourceAllowlist allow;
  REQUIRE(allow.load(read_file(HELDER_SOURCE_DIR "/rules/sources.json")).empty());
  for (const char* now : {"2025-10-29T12:00:00Z", "2026-11-22T12:00:00Z", "2027-03-17T12:00:00Z", "2027-04-01T12:00:00Z", "2029-06-07T12:00:00Z", "2031-01-01T12:00:00Z"}) {
    for (const char* text : {"Stempas kwijt, wat nu?", "Where is my polling station?", "De gemeenteraad en de uitslag van de verkiezingen",
                             "#PS2027 ga stemmen", "Kun je per brief stemmen vanuit het buitenland?", "Can I vote online in the Dutch election?"}) {
      json b = annotate(*signal, text, "nl", now);
      for (const auto* list : {&b["links"], b.contains("councillor_links") ? &b["councillor_links"] : &b["links"]})
        for (const auto& l : *list) {
          CAPTURE(now, text, l.dump());
          CHECK(l["url"].get<std::string>().rfind("https://", 0) == 0);
          CHECK(allow.allows(l["url"].get<std::string>()));
        }
    }
  }
}

TEST_CASE("The allowlist accepts only https on listed domains and their subdomains", "[election]") {
  SourceAllowlist allow;
  REQUIRE(allow.load(R"({"sources":[{"domain":"kiesraad.nl","source":"Kiesraad"}]})").empty());
  CHECK(allow.allows("https://www.kiesraad.nl/verkiezingen"));
  CHECK(allow.allows("https://kiesraad.nl"));
  CHECK(allow.allows("HTTPS://KIESRAAD.NL/"));
  CHECK(allow.allows("https://kiesraad.nl:443/"));
  CHECK_FALSE(allow.allows("http://www.kiesraad.nl/"));
  CHECK_FALSE(allow.allows("https://kiesraad.nl.example.com/"));
  CHECK_FALSE(allow.allows("https://notkiesraad.nl/"));
  CHECK_FALSE(allow.allows("https://user@kiesraad.nl/"));
  CHECK_FALSE(allow.allows("https://kiesraad.nl:8443/"));
  CHECK_FALSE(allow.allows("javascript:alert(1)"));
  CHECK_FALSE(allow.allows("https://kiesraad.nl\\@evil.example/"));
  SourceAllowlist bad;
  CHECK_FALSE(bad.load(R"({"sources":[{"domain":"Kiesraad.NL","source":"x"}]})").empty());
  CHECK_FALSE(bad.load(R"({"sources":[]})").empty());
  CHECK_FALSE(bad.loaded());
}

TEST_CASE("A calendar link off the allowlist rejects the calendar and the previous one stays", "[election]") {
  auto signal = loaded_signal();
  json cal = json::parse(read_file(HELDER_SOURCE_DIR "/rules/election_calendar.json"));
  cal["links"]["kiesraad"]["url"] = "https://kiesraad.example.com/";
  ResourceResult r = signal->load_resource("rules/election_calendar.json", cal.dump());
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("rules/election_calendar.json") != std::string::npos);
  CHECK(r.error.find("kiesraad") != std::string::npos);
  cal["links"]["kiesraad"]["url"] = "http://www.kiesraad.nl/";
  CHECK_FALSE(signal->load_resource("rules/election_calendar.json", cal.dump()).ok);
  json b = annotate(*signal, "Stempas kwijt, wat nu?", "nl", "2027-02-01T10:00:00Z");
  CHECK(b["topic"] == true);
  CHECK(signal->stats()["calendar"].get<int>() >= 7);
}

TEST_CASE("A bad pack is rejected whole, naming file, rule and reason", "[election]") {
  auto [text, expect] = GENERATE(table<std::string, std::string>({
      {"{", "rules/election/t.json: not valid JSON"},
      {R"({"pack":"t","version":1,"rules":[]})", "\"rules\" must be an array"},
      {R"({"pack":"t","version":2,"rules":[{}]})", "\"version\" must be 1"},
      {R"({"pack":"t","version":1,"extra":1,"rules":[{}]})", "unknown field \"extra\""},
      {pack_with("r.bad", json::array({"(unclosed"})), "rule r.bad: \"patterns\" 0 does not compile"},
      {pack_with("r.empty", json::array()), "rule r.empty: \"patterns\" must not be empty"},
      {pack_with("r.kw", json::array({"x"}), json::array()), "rule r.kw: \"keywords\" must not be empty"},
      {pack_with("R.Upper", json::array({"x"})), "rule #0: \"id\" must be an id"},
      {pack_with("r.long", json::array({std::string(1200, 'a')})), "rule r.long: \"patterns\" has an empty or too long item"},
  }));
  CAPTURE(text);
  std::string error;
  RulePack pack = parse_rule_pack("rules/election/t.json", text, error);
  CHECK(pack.rules.empty());
  CHECK(error.rfind("rules/election/t.json: ", 0) == 0);
  CHECK(error.find(expect) != std::string::npos);
}

TEST_CASE("A rejected pack leaves the last good version of that pack in use", "[election]") {
  auto signal = loaded_signal();
  const std::string text = "Heb je je stempas al binnen?";
  json good = annotate(*signal, text, "nl", "2027-02-01T10:00:00Z");
  REQUIRE(good["topic"] == true);
  json pack = json::parse(read_file(HELDER_SOURCE_DIR "/rules/election/voting_process.json"));
  pack["rules"][0]["why"].erase("en");
  ResourceResult r = signal->load_resource("rules/election/voting_process.json", pack.dump());
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("rules/election/voting_process.json: rule nl.stempas: \"why\" needs") == 0);
  CHECK(annotate(*signal, text, "nl", "2027-02-01T10:00:00Z") == good);
}

TEST_CASE("A catastrophic pattern is switched off at load with a reason while the other rules keep working", "[election][regex]") {
  auto signal = loaded_signal();
  // (a+)+b backtracks exponentially on a run of a's without a b: the load-time probe finds it.
  ResourceResult r = signal->load_resource("rules/election/zz_hostile.json", pack_with("hostile.nested", json::array({"(a+)+b"})));
  REQUIRE(r.ok);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].find("rules/election/zz_hostile.json: rule hostile.nested: pattern 0 exceeded the matching bounds") == 0);
  json stats = signal->stats();
  REQUIRE(stats["disabled_rules"].size() == 1);
  CHECK(stats["disabled_rules"][0]["rule"] == "hostile.nested");
  CHECK(stats["disabled_rules"][0]["file"] == "rules/election/zz_hostile.json");
  CHECK(stats["disabled_rules"][0]["reason"].get<std::string>().find("switched off at load") != std::string::npos);
  // The post that would have frozen it is answered, and the other rules still match.
  json b = annotate(*signal, "stempas " + std::string(3000, 'a'), "nl", "2027-02-01T10:00:00Z");
  CHECK(b["topic"] == true);
  CHECK(b["matched"] == json::array({"nl.stempas"}));
}

TEST_CASE("A pattern that blows up only on a real post is switched off then, and the rest keep working", "[election][regex]") {
  auto signal = loaded_signal();
  // The probe texts are runs of 'a', ' ', '1', the keywords' first letters and the keywords; a run
  // of q's is not among them, so this rule loads and blows up on the first long post full of q's.
  ResourceResult r = signal->load_resource("rules/election/zz_hostile.json",
                                           pack_with("hostile.late", json::array({"stempas (q+q+)+y"}), json::array({"stempas"})));
  REQUIRE(r.ok);
  REQUIRE(r.warnings.empty());
  CHECK(annotate(*signal, "stempas qqqy", "nl", "2027-02-01T10:00:00Z")["matched"] == json::array({"nl.stempas", "hostile.late"}));
  json b = annotate(*signal, "stempas " + std::string(3000, 'q'), "nl", "2027-02-01T10:00:00Z");
  CHECK(b["topic"] == true);
  CHECK(b["matched"] == json::array({"nl.stempas"}));
  json stats = signal->stats();
  REQUIRE(stats["disabled_rules"].size() == 1);
  CHECK(stats["disabled_rules"][0]["rule"] == "hostile.late");
  CHECK(stats["disabled_rules"][0]["reason"].get<std::string>().find("exceeded the matching bounds on a post") != std::string::npos);
  // Switched off from then on; the other rules keep answering.
  CHECK(annotate(*signal, "stempas qqqy", "nl", "2027-02-01T10:00:00Z")["matched"] == json::array({"nl.stempas"}));
}

TEST_CASE("The keyword index finds every rule whose keyword occurs, overlapping and nested", "[election][matcher]") {
  KeywordIndex index;
  auto [keywords, text, expected] = GENERATE(table<std::vector<std::string>, std::string, std::vector<std::uint32_t>>({
      {{"he", "she", "his", "hers"}, "ushers", {0, 1, 3}},
      {{"stem", "stempas", "pas"}, "mijn stempas", {0, 1, 2}},
      {{"stem", "stempas", "pas"}, "stemlokaal", {0}},
      {{"abc", "bcd", "c"}, "xbcdx", {1, 2}},
      {{"aaa"}, "aa", {}},
      {{"a"}, "", {}},
      {{"#"}, "vandaag #ps2027", {0}},
  }));
  CAPTURE(text);
  index.clear();
  for (std::uint32_t i = 0; i < keywords.size(); ++i) index.add(i, keywords[i]);
  index.build();
  std::vector<std::uint32_t> out, stamp(keywords.size(), 0);
  index.candidates(text, out, stamp, 1);
  std::sort(out.begin(), out.end());
  CHECK(out == expected);
}

TEST_CASE("Elections on the same day are named together unless the post names one", "[election]") {
  auto signal = loaded_signal();
  std::string all = annotate(*signal, "Heb je je stempas al?", "nl", "2027-02-20T10:00:00Z")["why"];
  CHECK(all.find("provincial elections, water board elections and island council elections") != std::string::npos);
  CHECK(all.find("17 March 2027") != std::string::npos);
  std::string ws = annotate(*signal, "Stemmen voor het waterschap, waarom zou je?", "nl", "2027-02-20T10:00:00Z")["why"];
  CHECK(ws.find("water board elections, 17 March 2027") != std::string::npos);
  CHECK(ws.find("provincial") == std::string::npos);
  std::string tag = annotate(*signal, "Morgen stemmen #PS2027", "nl", "2027-03-16T10:00:00Z")["why"];
  CHECK(tag.find("Next election: provincial elections, 17 March 2027.") != std::string::npos);
  std::string after = annotate(*signal, "Heb je je stempas al?", "nl", "2027-03-20T10:00:00Z", "nl")["why"];
  CHECK(after.find("Verkiezingsdag was 17 maart 2027") != std::string::npos);
}
