// embind surface of the engine. Batches cross as strings (JSON lines) and typed arrays; errors come
// back as JSON with an "error" field, never as exceptions.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "coshare.h"
#include "signals.h"
#include "synthetic_feed.h"
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

// CooRTweet-style co-sharing edges for `helder coshare`: CSV text in, CSV text out, or
// "error: ..." when the input cannot be read.
std::string coshare_edges(const std::string& csv, double window, int min_participation, bool remove_loops) {
  helder::CoshareResult r = helder::coshare(csv, window, min_participation, remove_loops);
  return r.error.empty() ? helder::coshare_csv(r) : "error: " + r.error;
}

// Seconds of the detection core alone (CSV parsed beforehand), median of `repeats`, for the
// benchmark against the reference tool's core timings.
double coshare_core_seconds(const std::string& csv, double window, int min_participation, int repeats) {
  helder::CoshareInput input = helder::parse_coshare_csv(csv);
  std::vector<double> seconds;
  for (int i = 0; i < std::max(1, repeats); ++i) {
    double t0 = emscripten_get_now();
    helder::CoshareResult r = helder::coshare_core(input, window, min_participation);
    seconds.push_back((emscripten_get_now() - t0) / 1000.0);
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

// Benchmark of the coordination signal alone inside wasm: feeds `count` synthetic posts (generated
// in C++, so no JS cost is measured) in batches of 1,000 and returns
// {"seconds", "posts", "stats"} as JSON.
class CoordinationBench {
 public:
  std::string load(const std::string& rules) {
    auto r = signal_->load_resource("rules/coordination.json", rules);
    return r.ok ? "" : r.error;
  }
  std::string feed(double count) {
    double seconds = 0;
    std::size_t n = static_cast<std::size_t>(count);
    for (std::size_t done = 0; done < n; done += 1000) {
      std::vector<helder::Post> posts = helder::synthetic_posts(std::min<std::size_t>(1000, n - done), fed_ + done);
      std::vector<helder::SignalInput> in;
      for (const auto& p : posts) in.push_back(helder::SignalInput{&p, "nl"});
      double t0 = emscripten_get_now();
      signal_->annotate(in, helder::SignalContext{});
      seconds += (emscripten_get_now() - t0) / 1000.0;
    }
    fed_ += n;
    return nlohmann::json{{"seconds", seconds}, {"posts", n}, {"stats", signal_->stats()}}.dump();
  }

  // The same in two steps, so that JS can time the run alone (wall and CPU time): prepare()
  // generates the next `count` posts, run() feeds them in batches of 1,000 and returns
  // {"seconds", "posts", "stats"}.
  void prepare(double count) {
    prepared_ = helder::synthetic_posts(static_cast<std::size_t>(count), fed_);
    fed_ += prepared_.size();
  }
  std::string run() {
    double t0 = emscripten_get_now();
    for (std::size_t done = 0; done < prepared_.size(); done += 1000) {
      std::vector<helder::SignalInput> in;
      for (std::size_t i = done; i < std::min(prepared_.size(), done + 1000); ++i) in.push_back(helder::SignalInput{&prepared_[i], "nl"});
      signal_->annotate(in, helder::SignalContext{});
    }
    double seconds = (emscripten_get_now() - t0) / 1000.0;
    std::size_t n = prepared_.size();
    prepared_.clear();
    prepared_.shrink_to_fit();
    return nlohmann::json{{"seconds", seconds}, {"posts", n}, {"stats", signal_->stats()}}.dump();
  }

 private:
  std::unique_ptr<helder::CoordinationSignal> signal_ = helder::CoordinationSignal::create();
  std::size_t fed_ = 0;
  std::vector<helder::Post> prepared_;
};

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
  emscripten::function("coshare", &coshare_edges);
  emscripten::class_<CoordinationBench>("CoordinationBench").constructor<>().function("load", &CoordinationBench::load).function("feed", &CoordinationBench::feed).function("prepare", &CoordinationBench::prepare).function("run", &CoordinationBench::run);
  emscripten::function("coshareCoreSeconds", &coshare_core_seconds);
}
