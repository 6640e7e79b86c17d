// Coordination signal: near-duplicate text across accounts (MinHash + LSH over a bounded ring of
// recently seen posts), time-window co-sharing of the same object (link, reposted post, hashtag
// sequence), bursts, reply swarms, and account patterns as weak supporting evidence. Thresholds come
// from rules/coordination.json. Every signal carries counts and a time span; nothing is a verdict.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "coordination_config.h"
#include "near_duplicate.h"
#include "signals.h"
#include "text_normalize.h"

namespace helder {
namespace {

using nlohmann::json;

constexpr int kMaxObjects = 4;
constexpr std::size_t kMaxClusterAccounts = 64;

struct Entry {
  std::uint64_t seq = 0;  // 0: empty slot
  std::uint64_t post = 0, author = 0, reply_to = 0, tagseq = 0;
  double time = 0;
  std::uint64_t cluster = 0;  // near-duplicate cluster (0: none)
  std::array<std::uint64_t, kMaxObjects> objects{};
  std::uint8_t n_objects = 0;
  std::uint8_t pattern_bits = 0;  // 1: name + digits handle, 2: display name unlike handle
  bool has_sig = false;
  // This post is the only one of its near-duplicate cluster, which it founded, and the cluster has
  // not been pruned: the cluster is this entry ({1 post, this account, this time}) and has no
  // ClusterInfo of its own until a second post joins. Most posts never get a second one.
  bool singleton = false;
  MinHashSignature sig{};
};

struct ClusterInfo {
  std::vector<std::uint64_t> accounts;
  std::uint32_t posts = 0;
  double first = 0, last = 0;
};

struct Share {
  std::uint64_t author;
  double time;
};

struct Reply {
  std::uint64_t author, cluster, tagseq;
  double time;
};

std::string hex(std::uint64_t v, int digits = 10) {
  static const char* kHex = "0123456789abcdef";
  std::string s(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, v >>= 4) s[static_cast<std::size_t>(i)] = kHex[v & 15];
  return s;
}

std::string span_text(double seconds, bool nl) {
  long s = std::lround(std::max(0.0, seconds));
  auto unit = [&](long n, const char* one_nl, const char* many_nl, const char* one_en, const char* many_en) {
    return std::to_string(n) + " " + (nl ? (n == 1 ? one_nl : many_nl) : (n == 1 ? one_en : many_en));
  };
  if (s < 120) return unit(s, "seconde", "seconden", "second", "seconds");
  if (s < 120 * 60) return unit((s + 30) / 60, "minuut", "minuten", "minute", "minutes");
  if (s < 48 * 3600) return unit((s + 1800) / 3600, "uur", "uur", "hour", "hours");
  return unit((s + 43200) / 86400, "dag", "dagen", "day", "days");
}

std::uint8_t account_pattern_bits(const Post& post, int min_digits) {
  std::uint8_t bits = 0;
  const std::string& h = post.author;
  std::size_t digits = 0;
  while (digits < h.size() && h[h.size() - 1 - digits] >= '0' && h[h.size() - 1 - digits] <= '9') ++digits;
  std::size_t letters = 0;
  for (std::size_t i = 0; i + digits < h.size(); ++i)
    if ((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z')) ++letters;
  if (static_cast<int>(digits) >= min_digits && letters >= 2) bits |= 1;
  if (!post.author_name.empty()) {
    const std::string handle = normalize_for_matching(h);
    const std::vector<std::string> words = word_tokens(post.author_name);
    bool related = false;
    std::size_t name_size = words.empty() ? 0 : words.size() - 1;  // content_words() joins with spaces
    for (const auto& w : words) {
      name_size += w.size();
      if (w.size() >= 3 && handle.find(w.substr(0, 3)) != std::string::npos) related = true;
    }
    if (!related && name_size >= 3 && handle.size() >= 3) bits |= 2;
  }
  return bits;
}

// All state of the signal; replaced whole on import or forget.
class CoordinationState {
 public:
  explicit CoordinationState(const CoordinationConfig& c) : cfg_(c) {
    for (const auto& w : cfg_.stock_words) stock_words_.insert(w);  // views into cfg_'s own strings
    capacity_ = c.capacity();
    ring_.assign(capacity_, Entry());
    lsh_.reset(capacity_);
  }

  // Not copyable: stock_words_ points into this object's cfg_.
  CoordinationState(const CoordinationState&) = delete;
  CoordinationState& operator=(const CoordinationState&) = delete;

  // Adds one post; returns its slot.
  std::uint32_t insert(const Post& post) {
    Entry e;
    e.seq = ++seq_;
    e.post = hash64(post.id, 1);
    e.author = hash64(post.author, 2);
    e.reply_to = post.reply_to.empty() ? 0 : hash64(post.reply_to, 1);
    e.time = post.time;
    e.pattern_bits = account_pattern_bits(post, cfg_.min_trailing_digits);
    add_objects(post, e);
    word_tokens(post.text, tokens_);
    if (!is_stock(tokens_.views)) e.has_sig = minhash_signature(tokens_.views, cfg_.nd_min_words, e.sig);
    return place(e);
  }

  // An entry read back from an exported store: a fresh sequence number, its cluster found again.
  void place_imported(Entry e) {
    e.seq = ++seq_;
    e.cluster = 0;
    place(e);
  }

  std::uint32_t place(Entry e) {
    std::uint32_t slot = static_cast<std::uint32_t>(next_slot_);
    next_slot_ = (next_slot_ + 1) % capacity_;
    if (ring_[slot].seq != 0) lsh_.erase(slot);
    // A singleton cluster outlives its post until prune() drops it by time, as a ClusterInfo would.
    if (ring_[slot].singleton) {
      evicted_singletons_.push_back(ring_[slot].time);
      --singletons_;
    }
    newest_time_ = std::max(newest_time_, e.time);
    std::uint32_t via = kNoSlot;
    if (e.has_sig) e.cluster = cluster_for(e, via);
    if (e.cluster && via == kNoSlot && e.cluster == own_cluster(e) && clusters_.find(e.cluster) == clusters_.end()) {
      // A new cluster of one post: kept in the entry (see Entry::singleton).
      e.singleton = true;
      ++singletons_;
      ++cluster_accounts_;
    } else if (e.cluster) {
      if (via != kNoSlot && ring_[via].singleton && clusters_.find(e.cluster) == clusters_.end()) {
        // The second post of a singleton cluster: its ClusterInfo is made from the first post.
        Entry& first = ring_[via];
        ClusterInfo& c = clusters_[e.cluster];
        c.accounts.push_back(first.author);
        c.posts = 1;
        c.first = c.last = first.time;
        first.singleton = false;
        --singletons_;  // cluster_accounts_ already counts its account
      }
      ClusterInfo& c = clusters_[e.cluster];
      if (c.posts == 0) c.first = c.last = e.time;
      if (c.accounts.size() < kMaxClusterAccounts && std::find(c.accounts.begin(), c.accounts.end(), e.author) == c.accounts.end()) {
        c.accounts.push_back(e.author);
        ++cluster_accounts_;
      }
      ++c.posts;
      c.first = std::min(c.first, e.time);
      c.last = std::max(c.last, e.time);
    }
    for (int k = 0; k < e.n_objects; ++k) record_share(e.objects[static_cast<std::size_t>(k)], e.author, e.time);
    if (e.reply_to) {
      auto& list = replies_[e.reply_to];
      list.push_back(Reply{e.author, e.cluster, e.tagseq, e.time});
      if (list.size() > 256) list.erase(list.begin());
    }
    auto& times = author_times_[e.author];
    times.push_back(e.time);
    if (times.size() > static_cast<std::size_t>(cfg_.rapid_posts) + 1) times.erase(times.begin());
    ring_[slot] = e;
    if (e.has_sig) lsh_.insert(slot, e.seq, e.sig);
    ++count_;
    if (count_ % std::max<std::size_t>(64, capacity_ / 8) == 0) prune();
    if (count_ % 64 == 0) enforce_limit();
    return slot;
  }

  const Entry& entry(std::uint32_t slot) const { return ring_[slot]; }
  // Called at the end of every batch as well as every 64 posts, so no batch ends over the limit.
  void keep_within_limit() { enforce_limit(); }
  const ClusterInfo* cluster(std::uint64_t id) const {
    auto it = clusters_.find(id);
    return it == clusters_.end() ? nullptr : &it->second;
  }
  const std::vector<Share>* shares(std::uint64_t object) const {
    auto it = shares_.find(object);
    return it == shares_.end() ? nullptr : &it->second;
  }
  const std::vector<Reply>* replies(std::uint64_t post) const {
    auto it = replies_.find(post);
    return it == replies_.end() ? nullptr : &it->second;
  }
  int repeated_objects(std::uint64_t a, std::uint64_t b) const {
    auto it = pairs_.find(pair_key(a, b));
    return it == pairs_.end() ? 0 : static_cast<int>(it->second.objects);
  }
  const std::vector<double>* author_times(std::uint64_t author) const {
    auto it = author_times_.find(author);
    return it == author_times_.end() ? nullptr : &it->second;
  }

  // Entries oldest first (for export).
  std::vector<const Entry*> entries_in_order() const {
    std::vector<const Entry*> out;
    for (const auto& e : ring_)
      if (e.seq) out.push_back(&e);
    std::sort(out.begin(), out.end(), [](const Entry* a, const Entry* b) { return a->seq < b->seq; });
    return out;
  }

  std::size_t stored() const { return std::min<std::size_t>(count_, capacity_); }
  std::size_t capacity() const { return capacity_; }
  std::size_t memory_bytes() const {
    // Estimated from counts (O(1)): hash-table nodes cost their payload plus about 48 bytes. Singleton
    // clusters are counted as if each had its ClusterInfo (as before they were kept in the entry), so
    // the estimate, and with it when the limit trims the side tables, is unchanged: an upper bound.
    std::size_t bytes = ring_.capacity() * sizeof(Entry) + lsh_.memory_bytes();
    bytes += clusters() * (sizeof(ClusterInfo) + 48) + cluster_accounts_ * 8;
    // Vectors may hold up to twice their size; each hash-table node costs about 64 bytes.
    bytes += shares_.size() * 64 + 2 * share_count_ * sizeof(Share);
    bytes += replies_.size() * (64 + 2 * sizeof(Reply)) + pairs_.size() * 64;
    bytes += author_times_.size() * (64 + 2 * 8 * static_cast<std::size_t>(cfg_.rapid_posts + 1));
    // The allocator's own overhead (headers, fragmentation) on top, measured against process RSS
    // with bench-coordination under a 1,000,000-post stream.
    return bytes + bytes / 6;
  }
  std::size_t clusters() const { return clusters_.size() + singletons_ + evicted_singletons_.size(); }

 private:
  struct PairInfo {
    std::uint32_t objects = 0;
    std::uint64_t last_object = 0;
    double last_time = 0;
  };

  static std::uint64_t pair_key(std::uint64_t a, std::uint64_t b) {
    if (a > b) std::swap(a, b);
    return a * 0x9e3779b97f4a7c15ULL ^ (b + 0x632be59bd9b4e019ULL + (a << 6) + (a >> 2));
  }

  void add_objects(const Post& post, Entry& e) {
    // Only urls and hashtags are used here: most posts have neither, and skip the extraction.
    const Entities entities = may_have_urls_or_hashtags(post.text) ? extract_entities(post.text) : Entities{};
    std::vector<std::string> links = post.links;
    for (const auto& u : entities.urls)
      if (links.size() < kMaxListItems) links.push_back(u);
    std::vector<std::uint64_t> objs;
    for (const auto& l : links) {
      std::string c = canonical_url(l);
      if (!c.empty()) objs.push_back(hash64("url:" + c));
    }
    if (!post.shared_object.empty()) objs.push_back(hash64("obj:" + post.shared_object));
    std::vector<std::string> tags = entities.hashtags;
    for (const auto& h : post.hashtags) {
      std::string n = normalize_for_matching(h);
      if (!n.empty() && n[0] == '#') n.erase(0, 1);
      if (!n.empty() && std::find(tags.begin(), tags.end(), n) == tags.end()) tags.push_back(n);
    }
    if (tags.size() >= 2) {
      std::string seqtext = "tags:";
      for (const auto& t : tags) seqtext += t + " ";
      e.tagseq = hash64(seqtext);
      objs.push_back(e.tagseq);
    }
    std::sort(objs.begin(), objs.end());
    objs.erase(std::unique(objs.begin(), objs.end()), objs.end());
    for (std::size_t i = 0; i < objs.size() && i < kMaxObjects; ++i) e.objects[i] = objs[i];
    e.n_objects = static_cast<std::uint8_t>(std::min<std::size_t>(objs.size(), kMaxObjects));
  }

  bool is_stock(const std::vector<std::string_view>& tokens) const {
    if (tokens.empty()) return true;
    std::size_t stock = 0;
    for (const auto& t : tokens) stock += stock_words_.count(t);
    return static_cast<double>(stock) >= cfg_.stock_share * static_cast<double>(tokens.size());
  }

  static constexpr std::uint32_t kNoSlot = 0xffffffffu;
  static std::uint64_t own_cluster(const Entry& e) { return (e.seq * 0x9e3779b97f4a7c15ULL) | 1; }

  // The cluster of the most similar earlier post (ties: the smaller cluster id), or a new one; `via`
  // is that post's slot (kNoSlot for a new cluster).
  std::uint64_t cluster_for(const Entry& e, std::uint32_t& via) {
    lsh_.candidates(e.sig, static_cast<std::size_t>(cfg_.nd_max_candidates), candidates_);
    double best = 0;
    std::uint64_t cluster = 0;
    via = kNoSlot;
    for (std::uint32_t slot : candidates_) {
      const Entry& c = ring_[slot];
      if (!c.seq || !c.has_sig || std::fabs(c.time - e.time) > cfg_.nd_window_s) continue;
      double sim = estimated_similarity(c.sig, e.sig);
      if (sim >= cfg_.nd_similarity && (sim > best || (sim == best && c.cluster < cluster))) {
        best = sim;
        cluster = c.cluster;
        via = slot;
      }
    }
    if (cluster) return cluster;
    via = kNoSlot;
    return own_cluster(e);
  }

  void record_share(std::uint64_t object, std::uint64_t author, double time) {
    auto& list = shares_[object];
    for (const Share& s : list) {
      if (s.author == author || std::fabs(s.time - time) > cfg_.cs_window_s) continue;
      PairInfo& p = pairs_[pair_key(author, s.author)];
      if (p.last_object != object) {
        ++p.objects;
        p.last_object = object;
      }
      p.last_time = std::max(p.last_time, time);
    }
    list.push_back(Share{author, time});
    ++share_count_;
    if (list.size() > static_cast<std::size_t>(cfg_.cs_max_shares)) {
      list.erase(list.begin());
      --share_count_;
    }
  }

  // Drops what has fallen out of the ring or the retention period, so that the side tables stay
  // bounded by what the ring holds.
  void prune() {
    // What fell out of the ring (or out of the retention period) leaves the side tables too.
    double oldest = newest_time_;
    for (const auto& e : ring_)
      if (e.seq) oldest = std::min(oldest, e.time);
    const double horizon = std::max(newest_time_ - cfg_.retention_s, oldest);
    // Singleton clusters (in their entries, or outliving an overwritten entry) go by the same rule
    // as the ClusterInfos below: their last (only) post is older than the horizon.
    for (auto& e : ring_) {
      if (e.singleton && e.time < horizon) {
        e.singleton = false;
        --singletons_;
        --cluster_accounts_;
      }
    }
    std::size_t kept = 0;
    for (double t : evicted_singletons_) {
      if (t < horizon) --cluster_accounts_;
      else evicted_singletons_[kept++] = t;
    }
    evicted_singletons_.resize(kept);
    for (auto it = clusters_.begin(); it != clusters_.end();) {
      if (it->second.last < horizon) {
        cluster_accounts_ -= it->second.accounts.size();
        it = clusters_.erase(it);
      } else {
        ++it;
      }
    }
    for (auto it = shares_.begin(); it != shares_.end();) {
      auto& list = it->second;
      std::size_t old = 0;
      while (old < list.size() && list[old].time < horizon) ++old;
      list.erase(list.begin(), list.begin() + static_cast<long>(old));
      share_count_ -= old;
      it = list.empty() ? shares_.erase(it) : std::next(it);
    }
    for (auto it = replies_.begin(); it != replies_.end();) {
      auto& list = it->second;
      std::size_t old = 0;
      while (old < list.size() && list[old].time < horizon) ++old;
      list.erase(list.begin(), list.begin() + static_cast<long>(old));
      it = list.empty() ? replies_.erase(it) : std::next(it);
    }
    for (auto it = pairs_.begin(); it != pairs_.end();) it = it->second.last_time < horizon ? pairs_.erase(it) : std::next(it);
    for (auto it = author_times_.begin(); it != author_times_.end();)
      it = it->second.empty() || it->second.back() < horizon ? author_times_.erase(it) : std::next(it);
    // Hard bounds whatever the times say (a stream of unique objects or authors).
    const std::size_t limit = capacity_;
    if (shares_.size() > limit) {
      shares_.clear();
      share_count_ = 0;
    }
    if (pairs_.size() > limit) pairs_.clear();
    if (replies_.size() > limit) replies_.clear();
    if (author_times_.size() > limit) author_times_.clear();
  }

  // The hard memory bound: when the side tables push the total over max_bytes, the least essential
  // are emptied first (rates, reply lists, pair history, shares); the ring and clusters stay.
  void enforce_limit() {
    if (memory_bytes() <= cfg_.max_bytes) return;
    author_times_.clear();
    if (memory_bytes() <= cfg_.max_bytes) return;
    replies_.clear();
    if (memory_bytes() <= cfg_.max_bytes) return;
    pairs_.clear();
    if (memory_bytes() <= cfg_.max_bytes) return;
    shares_.clear();
    share_count_ = 0;
    if (memory_bytes() <= cfg_.max_bytes) return;
    prune();
  }

  CoordinationConfig cfg_;
  std::unordered_set<std::string_view> stock_words_;  // cfg_.stock_words, looked up without a string per token
  WordTokens tokens_;                                 // reused for every post
  std::size_t capacity_ = 0, next_slot_ = 0, count_ = 0, share_count_ = 0, cluster_accounts_ = 0, singletons_ = 0;
  std::vector<double> evicted_singletons_;  // times of singleton clusters whose entry was overwritten
  std::uint64_t seq_ = 0;
  double newest_time_ = -1e18;
  std::vector<Entry> ring_;
  LshIndex lsh_;
  std::vector<std::uint32_t> candidates_;
  std::unordered_map<std::uint64_t, ClusterInfo> clusters_;
  std::unordered_map<std::uint64_t, std::vector<Share>> shares_;
  std::unordered_map<std::uint64_t, std::vector<Reply>> replies_;
  std::unordered_map<std::uint64_t, PairInfo> pairs_;
  std::unordered_map<std::uint64_t, std::vector<double>> author_times_;
};

constexpr char kMagic[8] = {'H', 'L', 'D', 'R', 'C', 'O', 'O', '1'};

class Coordination final : public CoordinationSignal {
 public:
  Coordination() : state_(std::make_unique<CoordinationState>(cfg_)) {}

  ResourceResult load_resource(const std::string& name, const std::string& text) override {
    ResourceResult r;
    if (name != "rules/coordination.json") return r;
    r.handled = true;
    r.kind = "coordination_rules";
    CoordinationConfig next;
    std::string error = next.load(text);
    if (!error.empty()) {
      r.error = name + ": " + error;
      return r;
    }
    // Keep what was seen: replay it into a store built with the new thresholds.
    auto bytes = export_state();
    cfg_ = next;
    state_ = std::make_unique<CoordinationState>(cfg_);
    import_state(bytes);
    r.ok = true;
    return r;
  }

  std::vector<json> annotate(const std::vector<SignalInput>& posts, const SignalContext& ctx) override {
    std::vector<std::uint32_t> slots;
    slots.reserve(posts.size());
    for (const auto& p : posts) slots.push_back(state_->insert(*p.post));
    state_->keep_within_limit();
    // Evidence is read after the whole batch is in: the first posts of a campaign get it too.
    std::vector<json> out;
    out.reserve(posts.size());
    for (std::size_t i = 0; i < posts.size(); ++i) out.push_back(block(state_->entry(slots[i]), ctx.ui_lang == "nl"));
    return out;
  }

  std::vector<std::uint8_t> export_state() const override {
    std::vector<std::uint8_t> out(kMagic, kMagic + 8);
    auto entries = state_->entries_in_order();
    put(out, static_cast<std::uint64_t>(entries.size()));
    for (const Entry* e : entries) {
      put(out, e->post);
      put(out, e->author);
      put(out, e->reply_to);
      put(out, e->tagseq);
      put(out, e->time);
      put(out, static_cast<std::uint64_t>(e->n_objects) | (static_cast<std::uint64_t>(e->pattern_bits) << 8) |
                   (static_cast<std::uint64_t>(e->has_sig) << 16));
      for (int k = 0; k < e->n_objects; ++k) put(out, e->objects[static_cast<std::size_t>(k)]);
      if (e->has_sig) out.insert(out.end(), reinterpret_cast<const std::uint8_t*>(e->sig.data()),
                                 reinterpret_cast<const std::uint8_t*>(e->sig.data()) + sizeof(MinHashSignature));
    }
    put(out, checksum(out));
    return out;
  }

  std::string import_state(const std::vector<std::uint8_t>& bytes) override {
    if (bytes.size() < 24 || std::memcmp(bytes.data(), kMagic, 8) != 0) return "not a Helder coordination store (or an unknown version)";
    std::vector<std::uint8_t> body(bytes.begin(), bytes.end() - 8);
    std::size_t pos = bytes.size() - 8;
    std::uint64_t sum = 0;
    get(bytes, pos, sum);
    if (sum != checksum(body)) return "the store is damaged (checksum mismatch)";
    pos = 8;
    std::uint64_t n = 0;
    if (!get(bytes, pos, n) || n > 10'000'000) return "the store is damaged (bad count)";
    auto next = std::make_unique<CoordinationState>(cfg_);
    for (std::uint64_t i = 0; i < n; ++i) {
      Entry e;
      std::uint64_t packed = 0;
      if (!get(bytes, pos, e.post) || !get(bytes, pos, e.author) || !get(bytes, pos, e.reply_to) || !get(bytes, pos, e.tagseq) ||
          !get(bytes, pos, e.time) || !get(bytes, pos, packed))
        return "the store is damaged (truncated entry)";
      e.n_objects = static_cast<std::uint8_t>(packed & 0xff);
      e.pattern_bits = static_cast<std::uint8_t>((packed >> 8) & 0xff);
      e.has_sig = ((packed >> 16) & 1) != 0;
      if (e.n_objects > kMaxObjects || !std::isfinite(e.time)) return "the store is damaged (bad entry)";
      for (int k = 0; k < e.n_objects; ++k)
        if (!get(bytes, pos, e.objects[static_cast<std::size_t>(k)])) return "the store is damaged (truncated entry)";
      if (e.has_sig) {
        if (pos + sizeof(MinHashSignature) > bytes.size() - 8) return "the store is damaged (truncated signature)";
        std::memcpy(e.sig.data(), bytes.data() + pos, sizeof(MinHashSignature));
        pos += sizeof(MinHashSignature);
      }
      e.seq = 0;
      next->place_imported(e);
    }
    if (pos != bytes.size() - 8) return "the store is damaged (trailing bytes)";
    state_ = std::move(next);
    return "";
  }

  void forget() override { state_ = std::make_unique<CoordinationState>(cfg_); }

  json stats() const override {
    return json{{"posts_stored", state_->stored()},
                {"capacity", state_->capacity()},
                {"clusters", state_->clusters()},
                {"memory_bytes", state_->memory_bytes()},
                {"memory_limit_bytes", cfg_.max_bytes}};
  }

 private:
  template <typename T>
  static void put(std::vector<std::uint8_t>& out, T v) {
    std::uint8_t b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.insert(out.end(), b, b + sizeof(T));
  }
  template <typename T>
  static bool get(const std::vector<std::uint8_t>& in, std::size_t& pos, T& v) {
    if (pos + sizeof(T) > in.size()) return false;
    std::memcpy(&v, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return true;
  }
  static std::uint64_t checksum(const std::vector<std::uint8_t>& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (std::uint8_t b : bytes) h = (h ^ b) * 0x100000001b3ULL;
    return h;
  }

  json signal(const char* kind, std::size_t accounts, std::size_t posts, double span, const std::string& summary) const {
    return json{{"kind", kind}, {"accounts", accounts}, {"posts", posts}, {"span_s", std::round(span)}, {"summary", summary}};
  }

  json block(const Entry& e, bool nl) const {
    json signals = json::array();
    double score = 0;
    std::string cluster;
    // 1 + 3. Near-identical text across accounts, and how tightly it is bunched in time.
    if (const ClusterInfo* c = e.cluster ? state_->cluster(e.cluster) : nullptr) {
      std::size_t accounts = c->accounts.size();
      double span = c->last - c->first;
      if (static_cast<int>(accounts) >= cfg_.nd_notice_accounts) {
        std::string a = std::to_string(accounts) + (accounts >= kMaxClusterAccounts ? "+" : "");
        signals.push_back(signal("near_duplicate", accounts, c->posts, span,
                                 nl ? a + " accounts, bijna dezelfde tekst, binnen " + span_text(span, true)
                                    : a + " accounts, near-identical text, within " + span_text(span, false)));
        score = std::max(score, std::min(0.9, 0.4 + 0.1 * static_cast<double>(static_cast<int>(accounts) - cfg_.nd_notice_accounts) +
                                                  (static_cast<int>(accounts) >= cfg_.nd_strong_accounts ? 0.1 : 0.0)));
        cluster = "nd-" + hex(e.cluster);
        if (span <= cfg_.burst_window_s && static_cast<int>(c->posts) >= cfg_.burst_min_posts) {
          signals.push_back(signal("burst", accounts, c->posts, span,
                                   nl ? std::to_string(c->posts) + " berichten met deze tekst binnen " + span_text(span, true)
                                      : std::to_string(c->posts) + " posts with this text within " + span_text(span, false)));
          score = std::min(1.0, score + 0.1);
        }
      }
    }
    // 2. Co-sharing of the same object within the window.
    for (int k = 0; k < e.n_objects; ++k) {
      std::uint64_t object = e.objects[static_cast<std::size_t>(k)];
      const auto* list = state_->shares(object);
      if (!list) continue;
      std::vector<std::uint64_t> accounts;
      std::size_t posts = 0;
      double first = e.time, last = e.time;
      for (const Share& s : *list) {
        if (std::fabs(s.time - e.time) > cfg_.cs_window_s) continue;
        ++posts;
        first = std::min(first, s.time);
        last = std::max(last, s.time);
        if (std::find(accounts.begin(), accounts.end(), s.author) == accounts.end()) accounts.push_back(s.author);
      }
      if (static_cast<int>(accounts.size()) < cfg_.cs_notice_accounts) continue;
      int repeated = 0;
      for (std::uint64_t other : accounts)
        if (other != e.author) repeated = std::max(repeated, state_->repeated_objects(e.author, other));
      const bool again = repeated >= cfg_.cs_repeated_objects;
      const bool tags = object == e.tagseq;
      std::string what_nl = tags ? "dezelfde reeks hashtags" : "dezelfde link of hetzelfde bericht";
      std::string what_en = tags ? "the same hashtag sequence" : "the same link or post";
      std::string summary = nl ? std::to_string(accounts.size()) + " accounts deelden " + what_nl + " binnen " + span_text(last - first, true)
                               : std::to_string(accounts.size()) + " accounts shared " + what_en + " within " + span_text(last - first, false);
      if (again) summary += nl ? " (deze accounts deelden " + std::to_string(repeated) + " verschillende dingen samen)" : " (these accounts shared " + std::to_string(repeated) + " different items together)";
      signals.push_back(signal("co_share", accounts.size(), posts, last - first, summary));
      score = std::max(score, std::min(0.9, 0.4 + 0.05 * static_cast<double>(accounts.size() - 3) + (again ? 0.3 : 0.0)));
      if (cluster.empty()) cluster = "cs-" + hex(object);
      break;
    }
    // 4. Reply swarms: many accounts answering one post with the same text or hashtag sequence.
    if (e.reply_to) {
      if (const auto* list = state_->replies(e.reply_to)) {
        std::vector<std::uint64_t> accounts;
        std::size_t posts = 0;
        double first = e.time, last = e.time;
        for (const Reply& r : *list) {
          bool same = (e.cluster && r.cluster == e.cluster) || (e.tagseq && r.tagseq == e.tagseq);
          if (!same || std::fabs(r.time - e.time) > cfg_.reply_window_s) continue;
          ++posts;
          first = std::min(first, r.time);
          last = std::max(last, r.time);
          if (std::find(accounts.begin(), accounts.end(), r.author) == accounts.end()) accounts.push_back(r.author);
        }
        if (static_cast<int>(accounts.size()) >= cfg_.reply_notice_accounts) {
          signals.push_back(signal("reply_swarm", accounts.size(), posts, last - first,
                                   nl ? std::to_string(accounts.size()) + " accounts reageerden op hetzelfde bericht met dezelfde tekst of hashtags binnen " + span_text(last - first, true)
                                      : std::to_string(accounts.size()) + " accounts replied to the same post with the same text or hashtags within " + span_text(last - first, false)));
          score = std::max(score, std::min(0.9, 0.4 + 0.05 * static_cast<double>(accounts.size() - 4)));
          if (cluster.empty()) cluster = "rs-" + hex(e.reply_to);
        }
      }
    }
    // 5. Account patterns: weak, supporting evidence only, never a signal on their own.
    if (!signals.empty()) {
      if (e.pattern_bits & 1)
        signals.push_back(signal("account_pattern", 1, 1, 0, nl ? "accountnaam is een naam met veel cijfers erachter (zwak signaal)" : "handle is a name followed by many digits (weak signal)"));
      if (e.pattern_bits & 2)
        signals.push_back(signal("account_pattern", 1, 1, 0, nl ? "weergavenaam lijkt niet op de accountnaam (zwak signaal)" : "display name does not resemble the handle (weak signal)"));
      if (const auto* times = state_->author_times(e.author)) {
        if (static_cast<int>(times->size()) > cfg_.rapid_posts) {
          double span = times->back() - times->front();
          if (span <= cfg_.rapid_window_s)
            signals.push_back(signal("account_pattern", 1, times->size(), span,
                                     nl ? std::to_string(times->size()) + " berichten van dit account binnen " + span_text(span, true) + " (zwak signaal)"
                                        : std::to_string(times->size()) + " posts by this account within " + span_text(span, false) + " (weak signal)"));
        }
      }
      std::size_t weak = 0;
      for (const auto& s : signals) weak += s["kind"] == "account_pattern";
      score = std::min(1.0, score + 0.05 * static_cast<double>(std::min<std::size_t>(weak, 2)));
    }
    score = std::round(score * 1000) / 1000;
    std::string level = score >= cfg_.strong_level ? "strong" : score >= cfg_.notice_level && !signals.empty() ? "notice" : "none";
    if (level == "none") {
      // Most posts: copying a ready block is cheaper than building one from an initializer list.
      static const json kNone = json{{"level", "none"}, {"score", 0.0}, {"cluster", nullptr}, {"signals", json::array()}};
      return kNone;
    }
    return json{{"level", level}, {"score", score}, {"cluster", cluster}, {"signals", signals}};
  }

  CoordinationConfig cfg_;
  std::unique_ptr<CoordinationState> state_;
};

}  // namespace

std::unique_ptr<CoordinationSignal> CoordinationSignal::create() { return std::make_unique<Coordination>(); }

}  // namespace helder
