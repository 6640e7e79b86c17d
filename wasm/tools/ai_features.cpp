// helder-ai_features: the engine's AI-model features for training (models/ai/train.py).
//   helder-ai_features < texts.jsonl > features.f32
// Input: one JSON string (a text) per line. Output: for each line kAiFeatureDim little-endian
// float32 values, then the word and character counts as two more floats.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ai_features.h"

int main() {
  std::string line;
  std::vector<float> row;
  std::size_t n = 0;
  while (std::getline(std::cin, line)) {
    nlohmann::json v = nlohmann::json::parse(line, nullptr, false);
    std::string text = v.is_string() ? v.get<std::string>() : "";
    row.clear();
    helder::AiTextInfo info = helder::ai_features(text, row);
    row.push_back(static_cast<float>(info.words));
    row.push_back(static_cast<float>(info.chars));
    std::fwrite(row.data(), sizeof(float), row.size(), stdout);
    ++n;
  }
  std::fprintf(stderr, "helder-ai_features: %zu rows of %d features\n", n, helder::kAiFeatureDim);
  return 0;
}
