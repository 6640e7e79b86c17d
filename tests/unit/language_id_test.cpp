#include <catch2/catch.hpp>

#include "language_id.h"
#include "test_support.h"

using namespace helder;

using helder::test::read_file;

TEST_CASE("The committed language profile tells Dutch, English and other languages apart", "[langid]") {
  LanguageIdentifier id;
  REQUIRE(id.load_profile(read_file(HELDER_SOURCE_DIR "/models/langid.json")).empty());
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"Vergeet je stempas niet mee te nemen naar het stembureau morgen!", "nl"},
      {"Ik vind dat de gemeente veel te weinig doet aan woningbouw", "nl"},
      {"Don't forget to bring your ID to the polling station tomorrow", "en"},
      {"The council should invest more in public transport, honestly", "en"},
      {"Morgen wird gewählt, und wir sind nicht zufrieden mit der Regierung", "other"},
      {"Nous ne sommes pas contents avec le gouvernement cette semaine", "other"},
      {"Завтра выборы, не забудьте проголосовать", "other"},
      {"Eens!", "und"},
      {"\U0001F600\U0001F600\U0001F600", "und"},
  }));
  CAPTURE(text);
  CHECK(id.identify(text).lang == expected);
}

TEST_CASE("A bad language profile is refused and the old one kept", "[langid]") {
  LanguageIdentifier id;
  REQUIRE(id.load_profile(read_file(HELDER_SOURCE_DIR "/models/langid.json")).empty());
  CHECK_FALSE(id.load_profile("{not json").empty());
  CHECK_FALSE(id.load_profile(R"({"languages": {"nl": {"log_prior": 0}}})").empty());
  CHECK(id.identify("Vergeet je stempas niet mee te nemen naar het stembureau").lang == "nl");
}
