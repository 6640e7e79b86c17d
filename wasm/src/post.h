// A post as it enters the engine, and the parser that turns one JSON value into it.
// The parser never throws: a malformed post yields errors naming the field and what is wrong.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace helder {

// Limits on untrusted input. Longer text is truncated (and flagged), longer lists are cut.
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;
inline constexpr std::size_t kMaxFieldBytes = 1024;
inline constexpr std::size_t kMaxListItems = 64;

struct Post {
  std::string id;
  std::string platform;
  std::string author;       // handle or account id, as the platform shows it
  std::string author_name;  // display name, may be empty
  std::string text;
  double time = 0;           // epoch seconds (UTC)
  std::string lang_hint;     // "lang" from the input, may be empty
  std::string url;
  std::vector<std::string> links;
  std::vector<std::string> hashtags;
  std::string reply_to;       // id of the post this replies to, may be empty
  std::string shared_object;  // what a repost/quote/share points at, may be empty
  bool text_truncated = false;
};

struct PostParse {
  bool ok = false;             // false: the post cannot be analysed (errors say why)
  Post post;
  std::vector<std::string> errors;    // problems (fatal when !ok)
  std::vector<std::string> warnings;  // recoverable: truncations, ignored fields
};

// Parses one input value (already decoded JSON). Never throws.
PostParse parse_post(const nlohmann::json& value);

// Parses an ISO-8601 timestamp ("2025-10-29T07:30:00Z", "+01:00" offsets, fractional seconds) to
// epoch seconds. Returns false when the string is not a valid timestamp.
bool parse_iso8601(const std::string& text, double& epoch_seconds);

// Formats epoch seconds as "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso8601(double epoch_seconds);

}  // namespace helder
