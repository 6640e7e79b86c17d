// The official sources Helder may link to (rules/sources.json). A URL is shown only when it is https
// and its host is an allowlisted domain or a subdomain of one.
#pragma once

#include <string>
#include <vector>

namespace helder {

class SourceAllowlist {
 public:
  // Replaces the list on success; on error keeps the previous one and returns the reason.
  std::string load(const std::string& json_text);
  bool loaded() const { return !domains_.empty(); }
  // True when `url` is https://<allowed host>[:443]/... with no user info.
  bool allows(const std::string& url) const;
  std::size_t size() const { return domains_.size(); }

 private:
  std::vector<std::string> domains_;
};

// Lower-cased host of an https URL, "" when the URL is not https or is malformed.
std::string https_host(const std::string& url);

}  // namespace helder
