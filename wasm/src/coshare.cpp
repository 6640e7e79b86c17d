#include "coshare.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace helder {
namespace {

// Splits one CSV line; handles double-quoted fields with "" escapes.
bool split_csv(const std::string& line, std::vector<std::string>& out) {
  out.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  out.push_back(std::move(field));
  return !quoted;
}

using Row = CoshareInput::Row;

}  // namespace

CoshareResult coshare(const std::string& csv, double time_window, int min_participation, bool remove_loops) {
  CoshareInput input = parse_coshare_csv(csv);
  if (!input.error.empty()) {
    CoshareResult r;
    r.error = input.error;
    return r;
  }
  return coshare_core(input, time_window, min_participation, remove_loops);
}

CoshareInput parse_coshare_csv(const std::string& csv) {
  CoshareInput result;
  std::unordered_map<std::string, std::uint32_t> ids;
  auto intern = [&](const std::string& s) {
    auto [it, added] = ids.emplace(s, static_cast<std::uint32_t>(result.names.size()));
    if (added) result.names.push_back(s);
    return it->second;
  };
  std::vector<Row>& rows = result.rows;
  std::vector<std::string> fields;
  int col_object = -1, col_account = -1, col_content = -1, col_time = -1;
  std::size_t start = 0, line_no = 0;
  while (start < csv.size()) {
    std::size_t end = csv.find('\n', start);
    if (end == std::string::npos) end = csv.size();
    std::string line = csv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (line.empty() || line == "\r") continue;
    if (!split_csv(line, fields)) {
      result.error = "line " + std::to_string(line_no) + ": unclosed quote";
      return result;
    }
    if (col_object < 0) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i] == "object_id") col_object = static_cast<int>(i);
        if (fields[i] == "account_id") col_account = static_cast<int>(i);
        if (fields[i] == "content_id") col_content = static_cast<int>(i);
        if (fields[i] == "timestamp_share") col_time = static_cast<int>(i);
      }
      if (col_object < 0 || col_account < 0 || col_content < 0 || col_time < 0) {
        result.error = "line 1: the header must name object_id, account_id, content_id and timestamp_share";
        return result;
      }
      continue;
    }
    const std::size_t need = static_cast<std::size_t>(std::max({col_object, col_account, col_content, col_time}));
    if (fields.size() <= need) {
      result.error = "line " + std::to_string(line_no) + ": expected at least " + std::to_string(need + 1) + " fields";
      return result;
    }
    const std::string& t = fields[static_cast<std::size_t>(col_time)];
    char* stop = nullptr;
    double time = std::strtod(t.c_str(), &stop);
    if (t.empty() || stop == nullptr || *stop != '\0') continue;  // NA timestamp: the package drops such pairs
    rows.push_back(Row{intern(fields[static_cast<std::size_t>(col_object)]), intern(fields[static_cast<std::size_t>(col_account)]),
                       intern(fields[static_cast<std::size_t>(col_content)]), time});
  }
  return result;
}

CoshareResult coshare_core(const CoshareInput& input, double time_window, int min_participation, bool remove_loops) {
  CoshareResult result;
  const std::vector<Row>& rows = input.rows;
  const std::vector<std::string>& names = input.names;
  result.rows = rows.size();
  // A1: only accounts with at least min_participation rows.
  std::vector<std::uint32_t> per_account(names.size(), 0);
  for (const Row& r : rows) ++per_account[r.account];
  std::vector<Row> kept;
  for (const Row& r : rows)
    if (static_cast<int>(per_account[r.account]) >= min_participation) kept.push_back(r);
  // A2 + A3: pairs of rows of the same object within the window (inclusive), loops removed.
  std::vector<std::uint32_t> order(kept.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return kept[x].object != kept[y].object ? kept[x].object < kept[y].object : kept[x].time < kept[y].time;
  });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // indices into kept
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Row& a = kept[order[i]];
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      const Row& b = kept[order[j]];
      if (b.object != a.object || b.time - a.time > time_window) break;
      if (remove_loops && (a.object == a.content || a.object == b.content || a.content == b.content || a.account == b.account)) continue;
      pairs.emplace_back(order[i], order[j]);
    }
  }
  // A4: participation refinement.
  if (min_participation >= 1) {
    std::vector<char> in_c(names.size(), 0);
    for (const auto& [x, y] : pairs) in_c[kept[x].content] = in_c[kept[y].content] = 1;
    std::vector<std::uint32_t> k(names.size(), 0);
    for (const Row& r : kept)
      if (in_c[r.content]) ++k[r.account];
    std::vector<char> in_k(names.size(), 0);
    for (const Row& r : kept)
      if (in_c[r.content] && static_cast<int>(k[r.account]) >= min_participation) in_k[r.content] = 1;
    pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                               [&](const auto& p) { return !in_k[kept[p.first].content] && !in_k[kept[p.second].content]; }),
                pairs.end());
  }
  result.pairs = pairs.size();
  // B1 + B2: undirected account pairs, weight = number of pairs.
  std::unordered_map<std::uint64_t, std::uint64_t> weights;
  for (const auto& [x, y] : pairs) {
    std::uint32_t u = kept[x].account, v = kept[y].account;
    if (names[v] < names[u]) std::swap(u, v);
    ++weights[(static_cast<std::uint64_t>(u) << 32) | v];
  }
  for (const auto& [key, w] : weights)
    result.edges.push_back(CoshareEdge{names[key >> 32], names[key & 0xffffffffu], w});
  std::sort(result.edges.begin(), result.edges.end(), [](const CoshareEdge& p, const CoshareEdge& q) {
    return p.a != q.a ? p.a < q.a : p.b < q.b;
  });
  return result;
}

std::string coshare_csv(const CoshareResult& result) {
  std::string out = "account_a,account_b,weight\n";
  for (const auto& e : result.edges) out += e.a + "," + e.b + "," + std::to_string(e.weight) + "\n";
  return out;
}

}  // namespace helder
