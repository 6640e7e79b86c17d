// The engine: one long-lived object per context (offscreen document, CLI run). It owns the loaded
// resources (rule packs, calendars, thresholds, language profile), the store of recently seen posts
// and the clock, and turns batches of JSON lines into annotation lines (the contract in schemas/).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "language_id.h"
#include "post.h"

namespace helder {

class Engine {
 public:
  Engine();
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Loads one resource by its repository path ("rules/election/voting.json", "models/langid.json",
  // ...). Returns {"ok": bool, "error": str, "kind": str}. A bad resource is rejected whole and the
  // previous one stays in use.
  std::string load_resource(const std::string& name, const std::string& text);

  // The time used for the election calendar (epoch seconds). 0: the system clock.
  void set_now(double epoch_seconds) { now_ = epoch_seconds; }
  // Language of the human-readable summaries and links: "nl" or "en".
  void set_ui_lang(const std::string& lang) { ui_lang_ = lang == "nl" ? "nl" : "en"; }

  // One JSON value per input line (blank lines are skipped). Returns one output line per non-blank
  // input line, in input order: an annotation, or {"line": n, "error": "..."} when the line has no
  // usable id. Posts are fed to the stateful detectors in time order within the batch.
  // For posts the AI model must score, the annotation carries "ai": {"status": "pending", "row": k}
  // and row k of ai_features() holds the model input; the JS layer (wasm/js/engine.mjs) runs the
  // model and fills the block.
  std::string analyze_jsonl(const std::string& jsonl);

  const std::vector<float>& ai_features() const { return ai_features_; }
  int ai_feature_dim() const;
  // Level ("low" | "uncertain" | "likely") for a calibrated probability, from rules/ai.json.
  std::string ai_level(double probability) const;

  // The coordination store as bytes (for persistence) and back. Import leaves the state untouched
  // on error and returns the reason ("" on success).
  std::vector<std::uint8_t> export_state() const;
  std::string import_state(const std::vector<std::uint8_t>& bytes);
  void forget();
  std::string stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  double now_ = 0;
  std::string ui_lang_ = "en";
  std::vector<float> ai_features_;
};

}  // namespace helder
