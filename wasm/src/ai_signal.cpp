// AI-content signal: the engine decides whether a post can be judged (length, language) and
// computes its features; ONNX Runtime Web (wasm/js/ai_model.mjs) turns them into a calibrated
// probability, and level() maps it with the thresholds in rules/ai.json.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "ai_features.h"
#include "signals.h"
#include "text_normalize.h"

namespace helder {
namespace {

using nlohmann::json;

class ModelAi final : public AiSignal {
 public:
  ResourceResult load_resource(const std::string& name, const std::string& text) override {
    ResourceResult r;
    if (name != "rules/ai.json") return r;
    r.handled = true;
    r.kind = "ai_rules";
    json doc = json::parse(text, nullptr, false);
    std::string error;
    auto number = [&](const char* key, double lo, double hi) {
      if (!error.empty()) return 0.0;
      if (!doc.is_object() || !doc.contains(key) || !doc[key].is_number()) {
        error = std::string("\"") + key + "\" is missing or not a number";
        return 0.0;
      }
      double v = doc[key].get<double>();
      if (!(v >= lo && v <= hi)) error = std::string("\"") + key + "\" is out of range";
      return v;
    };
    if (doc.is_discarded() || !doc.is_object()) error = "not a JSON object";
    double likely = number("likely", 0.5, 1.0), uncertain = number("uncertain", 0.0, 1.0);
    double min_words = number("min_words", 1, 200), min_chars = number("min_chars", 1, 2000);
    double dim = number("feature_dim", 1, 1 << 20);
    std::vector<std::string> languages;
    if (error.empty()) {
      if (!doc.contains("languages") || !doc["languages"].is_array() || doc["languages"].empty()) error = "\"languages\" must be a list";
      else
        for (const auto& l : doc["languages"])
          if (l.is_string()) languages.push_back(l.get<std::string>());
    }
    if (error.empty() && uncertain > likely) error = "\"uncertain\" must not exceed \"likely\"";
    if (error.empty() && static_cast<int>(dim) != kAiFeatureDim)
      error = "\"feature_dim\" is " + std::to_string(static_cast<int>(dim)) + " but this engine computes " + std::to_string(kAiFeatureDim);
    if (!error.empty()) {
      r.error = name + ": " + error;
      return r;
    }
    likely_ = likely;
    uncertain_ = uncertain;
    min_words_ = static_cast<std::size_t>(min_words);
    min_chars_ = static_cast<std::size_t>(min_chars);
    languages_ = languages;
    loaded_ = true;
    r.ok = true;
    return r;
  }

  json annotate(const SignalInput& in, std::vector<float>& features) override {
    if (!loaded_ || in.post == nullptr) return block("unavailable");
    const std::u32string folded = fold_for_matching(in.post->text);  // once, for the gate and the features
    std::vector<std::string> tokens = word_tokens_of_folded(folded);
    AiTextInfo info = ai_text_info(tokens);
    if (info.words < min_words_ || info.chars < min_chars_) return block("too_short");
    if (std::find(languages_.begin(), languages_.end(), in.lang) == languages_.end())
      return block(in.lang == "und" ? "too_short" : "unsupported_language");
    const std::size_t row = features.size() / kAiFeatureDim;
    ai_features(in.post->text, std::move(tokens), writing_shape_of_folded(folded), features);
    return json{{"status", "pending"}, {"row", row}};
  }

  int feature_dim() const override { return kAiFeatureDim; }

  std::string level(double p) const override {
    if (!loaded_) return "";
    return p >= likely_ ? "likely" : p >= uncertain_ ? "uncertain" : "low";
  }

  json stats() const override { return json{{"loaded", loaded_}, {"likely", likely_}, {"uncertain", uncertain_}}; }

 private:
  static json block(const char* status) { return json{{"status", status}, {"score", nullptr}, {"level", nullptr}}; }
  bool loaded_ = false;
  double likely_ = 1, uncertain_ = 1;
  std::size_t min_words_ = 8, min_chars_ = 30;
  std::vector<std::string> languages_;
};

}  // namespace

std::unique_ptr<AiSignal> AiSignal::create() { return std::make_unique<ModelAi>(); }

}  // namespace helder
