// A deterministic synthetic feed for benchmarks: varied Dutch-like texts (12-25 words from a
// 3,000-word vocabulary), some links and hashtags, and about 5% copies of campaign texts with small
// edits, from many accounts. Used by the native and wasm coordination benchmarks only.
#pragma once

#include <cstdint>
#include <vector>

#include "post.h"

namespace helder {

std::vector<Post> synthetic_posts(std::size_t count, std::size_t first_index, std::uint64_t seed = 42);

}  // namespace helder
