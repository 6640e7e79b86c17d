#include "source_allowlist.h"

#include <nlohmann/json.hpp>

namespace helder {

std::string https_host(const std::string& url) {
  static const std::string kScheme = "https://";
  if (url.size() > 2048 || url.size() <= kScheme.size()) return "";
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    char c = url[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kScheme[i]) return "";
  }
  std::size_t end = url.find_first_of("/?#", kScheme.size());
  std::string authority = url.substr(kScheme.size(), end == std::string::npos ? std::string::npos : end - kScheme.size());
  if (authority.empty() || authority.find('@') != std::string::npos) return "";
  std::size_t colon = authority.find(':');
  if (colon != std::string::npos) {
    if (authority.substr(colon + 1) != "443") return "";
    authority.resize(colon);
  }
  std::string host;
  for (char c : authority) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return "";
    host.push_back(c);
  }
  if (host.front() == '.' || host.back() == '.' || host.find("..") != std::string::npos) return "";
  return host;
}

std::string SourceAllowlist::load(const std::string& json_text) {
  nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return "not a JSON object";
  auto it = doc.find("sources");
  if (it == doc.end() || !it->is_array() || it->empty()) return "\"sources\" must be a non-empty array";
  if (it->size() > 500) return "more than 500 sources";
  std::vector<std::string> domains;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& s = (*it)[i];
    if (!s.is_object() || !s.contains("domain") || !s["domain"].is_string() || !s.contains("source") || !s["source"].is_string())
      return "source " + std::to_string(i) + ": needs \"domain\" and \"source\" strings";
    std::string domain = s["domain"].get<std::string>();
    if (https_host("https://" + domain + "/") != domain || domain.find('.') == std::string::npos)
      return "source " + std::to_string(i) + ": \"" + domain.substr(0, 100) + "\" is not a lower-case domain name";
    domains.push_back(domain);
  }
  domains_ = std::move(domains);
  return "";
}

bool SourceAllowlist::allows(const std::string& url) const {
  std::string host = https_host(url);
  if (host.empty()) return false;
  for (const auto& d : domains_) {
    if (host == d) return true;
    if (host.size() > d.size() && host.compare(host.size() - d.size(), d.size(), d) == 0 && host[host.size() - d.size() - 1] == '.')
      return true;
  }
  return false;
}

}  // namespace helder
