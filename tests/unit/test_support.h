// Small helpers shared by the unit tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace helder::test {

// The whole file as a string ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace helder::test
