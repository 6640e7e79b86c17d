#include "post.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace helder {
namespace {

using nlohmann::json;

// Cuts a UTF-8 string to at most max_bytes without splitting a multi-byte sequence.
std::string cut_utf8(const std::string& text, std::size_t max_bytes, bool& cut) {
  cut = text.size() > max_bytes;
  if (!cut) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Reads an optional string field. Wrong type is an error naming the field.
bool read_string(const json& obj, const char* field, std::size_t max_bytes, std::string& out, PostParse& result,
                 bool required) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) {
    if (required) result.errors.push_back(std::string("missing field '") + field + "'");
    return !required;
  }
  if (!it->is_string()) {
    result.errors.push_back(std::string("field '") + field + "' must be a string, got " + it->type_name());
    return false;
  }
  bool cut = false;
  out = cut_utf8(it->get_ref<const std::string&>(), max_bytes, cut);
  if (cut) result.warnings.push_back(std::string("field '") + field + "' truncated to " + std::to_string(max_bytes) + " bytes");
  return true;
}

void read_string_list(const json& obj, const char* field, std::vector<std::string>& out, PostParse& result) {
  auto it = obj.find(field);
  if (it == obj.end() || it->is_null()) return;
  if (!it->is_array()) {
    result.warnings.push_back(std::string("field '") + field + "' ignored: must be a list of strings");
    return;
  }
  std::size_t skipped = 0;
  for (const auto& item : *it) {
    if (!item.is_string()) {
      ++skipped;
      continue;
    }
    if (out.size() >= kMaxListItems) {
      result.warnings.push_back(std::string("field '") + field + "' cut to " + std::to_string(kMaxListItems) + " items");
      break;
    }
    bool cut = false;
    out.push_back(cut_utf8(item.get_ref<const std::string&>(), kMaxFieldBytes, cut));
  }
  if (skipped) result.warnings.push_back(std::string("field '") + field + "': " + std::to_string(skipped) + " non-string items ignored");
}

bool digits(const std::string& s, std::size_t pos, std::size_t n, int& value) {
  if (pos + n > s.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's civil algorithm).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

bool parse_iso8601(const std::string& s, double& epoch_seconds) {
  int year, month, day, hour = 0, minute = 0, second = 0;
  if (s.size() > 64 || !digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day))
    return false;
  if (month < 1 || month > 12) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day < 1 || day > max_day) return false;
  std::size_t pos = 10;
  double fraction = 0;
  long offset_seconds = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != ' ' && s[pos] != 't') return false;
    ++pos;
    if (!digits(s, pos, 2, hour) || pos + 2 >= s.size() || s[pos + 2] != ':' || !digits(s, pos + 3, 2, minute))
      return false;
    pos += 5;
    if (pos < s.size() && s[pos] == ':') {
      if (!digits(s, pos + 1, 2, second)) return false;
      pos += 3;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        double scale = 0.1;
        std::size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - start < 9) {
          fraction += (s[pos] - '0') * scale;
          scale /= 10;
          ++pos;
        }
        if (pos == start) return false;
      }
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    if (pos < s.size()) {
      if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
      } else if (s[pos] == '+' || s[pos] == '-') {
        int oh, om = 0;
        int sign = s[pos] == '-' ? -1 : 1;
        if (!digits(s, pos + 1, 2, oh)) return false;
        pos += 3;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (pos < s.size()) {
          if (!digits(s, pos, 2, om)) return false;
          pos += 2;
        }
        if (oh > 23 || om > 59) return false;
        offset_seconds = sign * (oh * 3600L + om * 60L);
      } else {
        return false;
      }
    }
    if (pos != s.size()) return false;
  }
  long long days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  epoch_seconds = static_cast<double>(days * 86400LL + hour * 3600LL + minute * 60LL + second - offset_seconds) + fraction;
  return true;
}

std::string format_iso8601(double epoch_seconds) {
  if (!std::isfinite(epoch_seconds)) return "";
  long long t = static_cast<long long>(std::floor(epoch_seconds));
  long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  long long rem = t - days * 86400;
  // civil_from_days
  long long z = days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = static_cast<long long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", y, m, d, rem / 3600, (rem % 3600) / 60,
                rem % 60);
  return buffer;
}

PostParse parse_post(const json& value) {
  PostParse result;
  if (!value.is_object()) {
    result.errors.push_back(std::string("a post must be a JSON object, got ") + value.type_name());
    return result;
  }
  Post& post = result.post;
  bool ok = read_string(value, "id", kMaxFieldBytes, post.id, result, true);
  if (ok && post.id.empty()) {
    result.errors.push_back("field 'id' is empty");
    ok = false;
  }
  ok = read_string(value, "platform", kMaxFieldBytes, post.platform, result, true) && ok;
  ok = read_string(value, "author", kMaxFieldBytes, post.author, result, true) && ok;
  ok = read_string(value, "text", kMaxTextBytes, post.text, result, true) && ok;
  if (ok && value.at("text").get_ref<const std::string&>().size() > kMaxTextBytes) post.text_truncated = true;
  read_string(value, "author_name", kMaxFieldBytes, post.author_name, result, false);
  read_string(value, "lang", 16, post.lang_hint, result, false);
  read_string(value, "url", kMaxFieldBytes, post.url, result, false);
  read_string(value, "reply_to", kMaxFieldBytes, post.reply_to, result, false);
  read_string(value, "shared_object", kMaxFieldBytes, post.shared_object, result, false);
  read_string_list(value, "links", post.links, result);
  read_string_list(value, "hashtags", post.hashtags, result);

  auto time = value.find("time");
  if (time == value.end() || time->is_null()) {
    result.errors.push_back("missing field 'time'");
    ok = false;
  } else if (time->is_number()) {
    double t = time->get<double>();
    // Epoch milliseconds are a common mistake; accept seconds between 1990 and 2100 only.
    if (!std::isfinite(t) || t < 631152000.0 || t > 4102444800.0) {
      result.errors.push_back("field 'time' must be epoch seconds between 1990 and 2100");
      ok = false;
    } else {
      post.time = t;
    }
  } else if (time->is_string()) {
    if (!parse_iso8601(time->get_ref<const std::string&>(), post.time)) {
      result.errors.push_back("field 'time' is not an ISO-8601 timestamp");
      ok = false;
    }
  } else {
    result.errors.push_back(std::string("field 'time' must be an ISO-8601 string or epoch seconds, got ") +
                            time->type_name());
    ok = false;
  }
  result.ok = ok;
  return result;
}

}  // namespace helder
