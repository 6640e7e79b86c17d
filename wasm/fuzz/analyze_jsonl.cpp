// libFuzzer target: arbitrary bytes as a batch of post lines through the whole engine (the JSON
// reader, post parsing, normalisation, language id and every signal). Nothing may crash, and every
// non-blank input line must give exactly one output line.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "engine.h"

namespace {
helder::Engine& engine() {
  static helder::Engine* instance = [] {
    auto* e = new helder::Engine();
    std::ifstream in(HELDER_SOURCE_DIR "/models/langid.json");
    std::stringstream buffer;
    buffer << in.rdbuf();
    e->load_resource("models/langid.json", buffer.str());
    return e;
  }();
  return *instance;
}

std::size_t count_lines(const std::string& s) {
  std::size_t n = 0, start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string_view line(s.data() + start, end - start);
    bool blank = true;
    for (char c : line) blank = blank && (c == ' ' || c == '\t' || c == '\r');
    if (!blank) ++n;
    start = end + 1;
  }
  return n;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string output = engine().analyze_jsonl(input);
  if (count_lines(output) != count_lines(input)) __builtin_trap();
  return 0;
}
