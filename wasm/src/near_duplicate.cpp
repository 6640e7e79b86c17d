#include "near_duplicate.h"

#include <algorithm>

namespace helder {
namespace {

// splitmix64: a cheap, well-mixed permutation for the MinHash family.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

}  // namespace

std::uint64_t hash64(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ mix(seed);
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return mix(h);
}

// One-permutation MinHash: each shingle is hashed once and goes to one of kMinHashSize bins, which
// keep their minimum; empty bins borrow from the next non-empty bin (rotation densification), so the
// equal-bin fraction still estimates Jaccard similarity at a 48th of the hashing cost.
bool minhash_signature(const std::vector<std::string>& tokens, std::size_t min_words, MinHashSignature& out) {
  return minhash_signature(std::vector<std::string_view>(tokens.begin(), tokens.end()), min_words, out);
}

bool minhash_signature(const std::vector<std::string_view>& tokens, std::size_t min_words, MinHashSignature& out) {
  if (tokens.size() < min_words || tokens.empty()) return false;
  const std::size_t n = std::min<std::size_t>(tokens.size(), 512);
  std::array<std::uint64_t, kMinHashSize> bins;
  bins.fill(~0ULL);
  auto add = [&bins](std::uint64_t h) {
    h = mix(h);
    std::size_t b = static_cast<std::size_t>((h >> 32) % kMinHashSize);
    std::uint64_t v = h & 0xffffffffULL;
    if (v < bins[b]) bins[b] = v;
  };
  std::uint64_t prev = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t w = hash64(tokens[i]);
    add(w);
    if (i > 0) add(prev * 31 + w + 0x51ed2701ULL);
    prev = w;
  }
  for (int k = 0; k < kMinHashSize; ++k) {
    int j = k, steps = 0;
    while (bins[static_cast<std::size_t>(j)] == ~0ULL && steps++ < kMinHashSize) j = (j + 1) % kMinHashSize;
    std::uint64_t v = bins[static_cast<std::size_t>(j)];
    // Borrowed values are offset by the distance, so two texts only agree on a bin when they
    // borrowed the same way.
    out[static_cast<std::size_t>(k)] = static_cast<std::uint16_t>((v >> 16) ^ static_cast<std::uint64_t>(steps * 0x9e37));
  }
  return true;
}

double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b) {
  int same = 0;
  for (int k = 0; k < kMinHashSize; ++k) same += a[k] == b[k];
  return static_cast<double>(same) / kMinHashSize;
}

LshIndex::LshIndex(std::size_t capacity) { reset(capacity); }

void LshIndex::reset(std::size_t capacity) {
  std::size_t buckets = 1024;
  // About one bucket per (post, band) entry, so chains hold few unrelated entries to skip.
  while (buckets < capacity * kLshBands && buckets < (1u << 22)) buckets <<= 1;
  heads_.assign(buckets, kNone);
  nodes_.assign(capacity * kLshBands, Node{kNone, 0});
  seq_.assign(capacity, 0);
}

std::uint64_t LshIndex::band_key(const MinHashSignature& sig, int band) const {
  std::uint64_t key = 0x7a3d0000ULL + static_cast<std::uint64_t>(band);
  for (int r = 0; r < kLshRows; ++r) key = (key << 16) ^ sig[band * kLshRows + r] ^ (key >> 40);
  return mix(key);
}

void LshIndex::insert(std::uint32_t slot, std::uint64_t seq, const MinHashSignature& sig) {
  if (slot >= seq_.size()) return;
  seq_[slot] = seq;
  for (int b = 0; b < kLshBands; ++b) {
    std::uint64_t key = band_key(sig, b);
    std::size_t bk = bucket(key);
    nodes_[slot * kLshBands + b] = Node{heads_[bk], static_cast<std::uint32_t>(key >> 32)};
    heads_[bk] = slot;
  }
}

void LshIndex::erase(std::uint32_t slot) {
  if (slot < seq_.size()) seq_[slot] = 0;
}

void LshIndex::candidates(const MinHashSignature& sig, std::size_t max_per_band, std::vector<std::uint32_t>& out) const {
  out.clear();
  // The 16 chains are walked side by side, one step of every live chain per round, so that the
  // cache misses of different bands overlap instead of queueing behind each other (each step of one
  // chain depends on the previous one; the chains do not depend on each other). Per chain the walk
  // is the same as walking it alone, and the result is sorted, so the order of rounds is invisible.
  struct Walk {
    std::uint32_t slot;
    std::uint32_t check;
    std::uint64_t last_seq;
    std::size_t seen, steps;
  };
  std::array<Walk, kLshBands> walks;
  int live = 0;
  for (int b = 0; b < kLshBands; ++b) {
    std::uint64_t key = band_key(sig, b);
    walks[static_cast<std::size_t>(b)] = Walk{heads_[bucket(key)], static_cast<std::uint32_t>(key >> 32), ~0ULL, 0, 0};
  }
  const std::size_t max_steps = 4 * max_per_band;
  do {
    live = 0;
    for (int b = 0; b < kLshBands; ++b) {
      Walk& w = walks[static_cast<std::size_t>(b)];
      // Chains run newest to oldest; a sequence number that does not decrease means the chain ran
      // into a slot that has since been reused, so everything further is stale.
      if (w.slot == kNone || w.seen >= max_per_band || w.steps >= max_steps) continue;
      ++w.steps;
      const std::uint64_t s = seq_[w.slot];
      if (s == 0 || s >= w.last_seq) {
        w.slot = kNone;
        continue;
      }
      w.last_seq = s;
      const Node& node = nodes_[w.slot * kLshBands + static_cast<std::uint32_t>(b)];
      if (node.key == w.check) {
        out.push_back(w.slot);
        ++w.seen;
      }
      w.slot = node.next;
      ++live;
    }
  } while (live > 0);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

std::size_t LshIndex::memory_bytes() const {
  return heads_.capacity() * 4 + nodes_.capacity() * sizeof(Node) + seq_.capacity() * 8;
}

}  // namespace helder
