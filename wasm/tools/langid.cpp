// helder-langid: language identification from the command line, the training script's view of the
// engine. Reads one JSON string per line on stdin.
//   helder-langid --words                 prints the folded content words of each text (for training)
//   helder-langid --profile models/langid.json   prints "lang<TAB>confidence" for each text
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "language_id.h"
#include "text_normalize.h"

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  helder::LanguageIdentifier identifier;
  if (mode == "--profile" && argc == 3) {
    std::ifstream in(argv[2]);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string error = identifier.load_profile(buffer.str());
    if (!error.empty()) {
      std::cerr << error << "\n";
      return 1;
    }
  } else if (mode != "--words") {
    std::cerr << "usage: helder-langid --words | --profile PROFILE.json  (JSON strings on stdin, one per line)\n";
    return 2;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    auto value = nlohmann::json::parse(line, nullptr, false);
    std::string text = value.is_string() ? value.get<std::string>() : "";
    if (mode == "--words") {
      std::cout << helder::content_words(text) << "\n";
    } else {
      auto guess = identifier.identify(text);
      std::cout << guess.lang << "\t" << guess.confidence << "\n";
    }
  }
  return 0;
}
