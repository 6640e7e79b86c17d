// AI-content signal. Not implemented yet: every post is "unavailable" (issue 5 fills this in).
#include "signals.h"

namespace helder {
namespace {

class NoAi final : public AiSignal {
 public:
  ResourceResult load_resource(const std::string&, const std::string&) override { return {}; }
  nlohmann::json annotate(const SignalInput&, std::vector<float>&) override {
    return {{"status", "unavailable"}, {"score", nullptr}, {"level", nullptr}};
  }
  int feature_dim() const override { return 0; }
  std::string level(double) const override { return ""; }
  nlohmann::json stats() const override { return nlohmann::json::object(); }
};

}  // namespace

std::unique_ptr<AiSignal> AiSignal::create() { return std::make_unique<NoAi>(); }

}  // namespace helder
