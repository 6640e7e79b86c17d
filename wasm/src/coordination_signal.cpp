// Coordination signal. Not implemented yet: every post gets level "none" (issue 3 fills this in).
#include "signals.h"

namespace helder {
namespace {

class NoCoordination final : public CoordinationSignal {
 public:
  ResourceResult load_resource(const std::string&, const std::string&) override { return {}; }
  std::vector<nlohmann::json> annotate(const std::vector<SignalInput>& posts, const SignalContext&) override {
    nlohmann::json none{{"level", "none"}, {"score", 0.0}, {"cluster", nullptr}, {"signals", nlohmann::json::array()}};
    return std::vector<nlohmann::json>(posts.size(), none);
  }
  std::vector<std::uint8_t> export_state() const override { return {}; }
  std::string import_state(const std::vector<std::uint8_t>&) override { return ""; }
  void forget() override {}
  nlohmann::json stats() const override { return nlohmann::json::object(); }
};

}  // namespace

std::unique_ptr<CoordinationSignal> CoordinationSignal::create() { return std::make_unique<NoCoordination>(); }

}  // namespace helder
