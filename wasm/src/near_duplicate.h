// Near-duplicate text: MinHash signatures over word unigrams and bigrams of the folded text, and an
// LSH index (banding) over a fixed-capacity ring of slots, so that finding the earlier posts whose
// text is nearly the same costs about the same with 1,000 or 1,000,000 posts seen: a bounded number
// of bucket entries is visited per band, newest first.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace helder {

inline constexpr int kMinHashSize = 48;
inline constexpr int kLshBands = 16;
inline constexpr int kLshRows = kMinHashSize / kLshBands;  // 3

using MinHashSignature = std::array<std::uint16_t, kMinHashSize>;

// 64-bit FNV-1a, used for ids, accounts, objects and shingles.
std::uint64_t hash64(std::string_view s, std::uint64_t seed = 0);

// Signature of a text's word tokens (from word_tokens()). Returns false when there are fewer than
// `min_words` tokens: too little text to be evidence of copying.
bool minhash_signature(const std::vector<std::string>& tokens, std::size_t min_words, MinHashSignature& out);
bool minhash_signature(const std::vector<std::string_view>& tokens, std::size_t min_words, MinHashSignature& out);

// Fraction of equal positions: an estimate of the Jaccard similarity of the two shingle sets.
double estimated_similarity(const MinHashSignature& a, const MinHashSignature& b);

// LSH index over slots 0..capacity-1 of a ring. Each slot carries a sequence number; a slot that is
// overwritten gets a newer one, which is how stale chain entries are recognised and skipped.
class LshIndex {
 public:
  explicit LshIndex(std::size_t capacity = 0);
  void reset(std::size_t capacity);
  // Registers the signature in `slot` with sequence number `seq` (greater than any before).
  void insert(std::uint32_t slot, std::uint64_t seq, const MinHashSignature& sig);
  // Marks the slot empty (its chains are cut at it).
  void erase(std::uint32_t slot);
  // Slots whose signatures share at least one band with `sig`, newest first per band, at most
  // `max_per_band` per band, without duplicates.
  void candidates(const MinHashSignature& sig, std::size_t max_per_band, std::vector<std::uint32_t>& out) const;
  std::size_t memory_bytes() const;

 private:
  static constexpr std::uint32_t kNone = 0xffffffffu;
  std::uint64_t band_key(const MinHashSignature& sig, int band) const;
  std::size_t bucket(std::uint64_t key) const { return static_cast<std::size_t>(key & (heads_.size() - 1)); }
  // One chain link per (slot, band); the link and the key check sit side by side, so a step along a
  // chain touches one cache line instead of two.
  struct Node {
    std::uint32_t next;  // older slot in the same bucket
    std::uint32_t key;   // high bits of the band key (skips bucket collisions)
  };
  std::vector<std::uint32_t> heads_;  // bucket -> newest slot
  std::vector<Node> nodes_;           // slot * bands + band
  std::vector<std::uint64_t> seq_;    // slot -> sequence number, 0 when empty
};

}  // namespace helder
