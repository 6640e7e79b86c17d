// Election signal. Not implemented yet: no post is an election topic (issue 4 fills this in).
#include "signals.h"

namespace helder {
namespace {

class NoElection final : public ElectionSignal {
 public:
  ResourceResult load_resource(const std::string&, const std::string&) override { return {}; }
  nlohmann::json annotate(const SignalInput&, const SignalContext&) override {
    return {{"topic", false}, {"links", nlohmann::json::array()}, {"matched", nlohmann::json::array()}, {"councillor", false}};
  }
  nlohmann::json stats() const override { return nlohmann::json::object(); }
};

}  // namespace

std::unique_ptr<ElectionSignal> ElectionSignal::create() { return std::make_unique<NoElection>(); }

}  // namespace helder
