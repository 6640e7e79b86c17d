// The three signals as the engine sees them. Each is a class defined in its own files
// (coordination_signal.cpp, election_signal.cpp, ai_signal.cpp); the engine owns one of each, routes
// resources to them, and asks them for their block of the annotation. Keeping them behind this
// narrow surface lets each signal grow without touching the others.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "post.h"

namespace helder {

// What a signal sees of one post: the parsed post and the engine's language decision.
struct SignalInput {
  const Post* post = nullptr;
  std::string lang;  // "nl", "en", "other" or "und"
};

// Outcome of offering a resource to a signal.
struct ResourceResult {
  bool handled = false;  // false: not this signal's resource
  bool ok = false;
  std::string kind;
  std::string error;  // names the file, rule and reason when !ok
  // Loaded, but with parts switched off (for example a rule whose pattern exceeds the matching
  // bounds); each names the file, rule and reason.
  std::vector<std::string> warnings;
};

// Settings every signal may read.
struct SignalContext {
  double now = 0;            // epoch seconds; 0 means the system clock
  std::string ui_lang = "en";  // language of summaries and link titles
};

class CoordinationSignal {
 public:
  static std::unique_ptr<CoordinationSignal> create();
  virtual ~CoordinationSignal() = default;
  virtual ResourceResult load_resource(const std::string& name, const std::string& text) = 0;
  // Posts of one batch in time order. Returns one "coordination" block per post, same order.
  virtual std::vector<nlohmann::json> annotate(const std::vector<SignalInput>& posts, const SignalContext& ctx) = 0;
  virtual std::vector<std::uint8_t> export_state() const = 0;
  // Leaves the state untouched and returns the reason on error; "" on success.
  virtual std::string import_state(const std::vector<std::uint8_t>& bytes) = 0;
  virtual void forget() = 0;
  virtual nlohmann::json stats() const = 0;
};

class ElectionSignal {
 public:
  static std::unique_ptr<ElectionSignal> create();
  virtual ~ElectionSignal() = default;
  virtual ResourceResult load_resource(const std::string& name, const std::string& text) = 0;
  // Called once before the posts of a batch (starts the batch's time budget).
  virtual void begin_batch() {}
  // Returns the "election" block for one post.
  virtual nlohmann::json annotate(const SignalInput& post, const SignalContext& ctx) = 0;
  virtual nlohmann::json stats() const = 0;
};

class AiSignal {
 public:
  static std::unique_ptr<AiSignal> create();
  virtual ~AiSignal() = default;
  virtual ResourceResult load_resource(const std::string& name, const std::string& text) = 0;
  // Returns the "ai" block for one post. When the model must score it, the block is
  // {"status": "pending", "row": k} and the post's features are appended to `features`
  // (feature_dim() floats per row); the JS layer runs the model and fills the block.
  virtual nlohmann::json annotate(const SignalInput& post, std::vector<float>& features) = 0;
  virtual int feature_dim() const = 0;
  // "low" | "uncertain" | "likely" for a calibrated probability; "" when no thresholds are loaded.
  virtual std::string level(double probability) const = 0;
  virtual nlohmann::json stats() const = 0;
};

}  // namespace helder
