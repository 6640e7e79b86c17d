// Time-window co-sharing as CooRTweet 2.1.3 defines it (detect_groups + edge aggregation), for the
// `helder coshare` command: rows (object_id, account_id, content_id, timestamp_share) in, weighted
// undirected account edges out. Reproduces the reference package's edge lists exactly (see
// ../shared/data/coordination/coortweet/ALGORITHM.md and tests/node/coshare.test.mjs).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace helder {

struct CoshareEdge {
  std::string a, b;  // a < b in byte order
  std::uint64_t weight = 0;
};

struct CoshareResult {
  std::string error;  // empty on success; names the line and problem otherwise
  std::size_t rows = 0, pairs = 0;
  std::vector<CoshareEdge> edges;  // sorted by (a, b)
};

// Parsed rows with interned ids (what the reference tool's "core" starts from).
struct CoshareInput {
  std::string error;
  std::vector<std::string> names;  // id -> string (objects, accounts and contents share one table)
  struct Row {
    std::uint32_t object, account, content;
    double time;
  };
  std::vector<Row> rows;
};

// `csv` has a header naming object_id, account_id, content_id and timestamp_share (any order).
CoshareInput parse_coshare_csv(const std::string& csv);
// The detection itself: pairs, participation filter, weighted edges.
CoshareResult coshare_core(const CoshareInput& input, double time_window, int min_participation, bool remove_loops = true);
// Both.
CoshareResult coshare(const std::string& csv, double time_window, int min_participation, bool remove_loops = true);

// The edges as "account_a,account_b,weight" lines with that header.
std::string coshare_csv(const CoshareResult& result);

}  // namespace helder
