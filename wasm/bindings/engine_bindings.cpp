// embind surface of the engine. Batches cross as strings (JSON lines) and typed arrays; errors come
// back as JSON with an "error" field, never as exceptions.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "engine.h"

namespace {

using emscripten::val;

// The AI features of the last batch, copied into a fresh Float32Array that JS owns.
val ai_features(const helder::Engine& engine) {
  const auto& features = engine.ai_features();
  val view = val(emscripten::typed_memory_view(features.size(), features.data()));
  return val::global("Float32Array").new_(view);
}

val export_state(const helder::Engine& engine) {
  std::vector<std::uint8_t> bytes = engine.export_state();
  val view = val(emscripten::typed_memory_view(bytes.size(), bytes.data()));
  return val::global("Uint8Array").new_(view);
}

std::string import_state(helder::Engine& engine, const val& bytes) {
  return engine.import_state(emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes));
}

}  // namespace

EMSCRIPTEN_BINDINGS(helder_engine) {
  emscripten::class_<helder::Engine>("Engine")
      .constructor<>()
      .function("loadResource", &helder::Engine::load_resource)
      .function("setNow", &helder::Engine::set_now)
      .function("setUiLang", &helder::Engine::set_ui_lang)
      .function("analyzeJsonl", &helder::Engine::analyze_jsonl)
      .function("aiFeatureDim", &helder::Engine::ai_feature_dim)
      .function("aiLevel", &helder::Engine::ai_level)
      .function("exportState", &export_state)
      .function("importState", &import_state)
      .function("forget", &helder::Engine::forget)
      .function("stats", &helder::Engine::stats);
  emscripten::function("aiFeatures", &ai_features);
}
