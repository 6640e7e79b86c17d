#!/usr/bin/env python3
"""Trains Helder's nl/en language profile (models/langid.json) and reports held-out accuracy.

The text is folded by the engine itself (build/native/helder-langid --words), so the profile sees
exactly what the engine sees. Rows are split by a hash of their text: 1 in 5 is held out for testing
and never counted into the profile.

Data (from ../shared/data/aitext, not copied into the repository):
  nl: dutch_human/party_tweets_dev.csv (Dutch party tweets, human)
  en: tweepfake human rows, electai human rows, mgtbench human answers
Usage: /usr/bin/python3 models/langid/train_langid.py [--shared ../shared] [--out models/langid.json]
"""
import argparse
import csv
import hashlib
import json
import math
import os
import subprocess
import sys
from collections import Counter

csv.field_size_limit(10_000_000)

# Function words of languages the model does not cover: their presence makes a text "other".
# Written for this project; words that are also common in Dutch or English are left out.
FUNCTION_WORDS = {
    "de": ["und", "nicht", "ist", "das", "ich", "sie", "mit", "auch", "auf", "sich", "wir", "ein", "eine", "dem",
           "den", "des", "fur", "wird", "werden", "sind", "noch", "nach", "wie", "aber", "oder", "wenn", "uns",
           "einen", "einer", "zum", "zur", "durch", "gegen", "schon", "mehr", "hat", "haben", "kann", "muss",
           "jetzt", "heute", "diese", "dieser", "unsere", "keine", "immer", "wahl", "wahlen"],
    "fr": ["le", "la", "les", "des", "est", "une", "que", "qui", "pas", "pour", "dans", "sur", "avec", "sont",
           "nous", "vous", "ils", "elle", "mais", "ou", "du", "au", "aux", "ce", "cette", "ces", "tout", "plus",
           "tres", "fait", "etre", "avoir", "son", "ses", "leur", "comme", "aussi", "bien", "depuis", "vote"],
    "es": ["el", "los", "las", "del", "es", "una", "que", "por", "para", "con", "pero", "mas", "muy", "esta",
           "este", "son", "como", "todo", "todos", "hay", "ya", "porque", "cuando", "tambien", "sus", "nos",
           "ser", "sobre", "entre", "hoy", "votar", "gobierno"],
    "it": ["il", "che", "non", "per", "una", "sono", "della", "delle", "degli", "nel", "nella", "con", "anche",
           "come", "piu", "questo", "questa", "tutti", "siamo", "alla", "dei", "gli", "essere", "governo"],
    "pt": ["nao", "uma", "para", "com", "por", "mais", "como", "mas", "dos", "das", "sao", "isso", "esta",
           "muito", "tambem", "quando", "pelo", "pela", "voce", "todos", "governo"],
    "id": ["yang", "dan", "di", "ini", "itu", "dengan", "untuk", "tidak", "dari", "dalam", "akan", "pada",
           "juga", "saya", "kami", "ada", "bisa", "sudah"],
    "tr": ["ve", "bir", "bu", "da", "icin", "ile", "cok", "daha", "gibi", "ama", "olarak", "kadar", "sonra",
           "degil", "var", "yok", "ben", "sen"],
    "pl": ["nie", "sie", "jest", "na", "ze", "do", "to", "jak", "co", "tak", "ale", "przez", "juz", "tylko",
           "jego", "czy", "sa"],
    "sv": ["och", "att", "det", "som", "inte", "med", "har", "kan", "jag", "och", "ska", "ocksa", "eller"],
    "da": ["og", "ikke", "det", "som", "med", "har", "jeg", "kan", "skal", "ogsa", "eller", "hvad"],
}
# Words shared with Dutch or English must not count as "other".
SHARED_WITH_NL_EN = {"de", "die", "is", "in", "en", "te", "het", "was", "are", "an", "on", "so", "me", "we", "op",
                     "van", "met", "dat", "als", "maar", "of", "to", "do", "no", "a", "i", "as", "at", "hoe",
                     "men", "over", "om", "door", "na", "ook", "al", "er", "mag", "toe", "nu", "dan", "wie",
                     "la", "le", "son", "plus", "ben", "var", "da", "ya", "has", "can"}

NGRAMS_PER_LANGUAGE = 6000


def held_out(text):
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def load(shared):
    d = os.path.join(shared, "data", "aitext")
    rows = []
    with open(os.path.join(d, "dutch_human", "party_tweets_dev.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows.append(("nl", r["Tweet"], "party_tweets"))
    for split in ("train", "validation", "test"):
        with open(os.path.join(d, "tweepfake", split + ".csv"), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter=";"):
                if r.get("account.type") == "human":
                    rows.append(("en", r["text"], "tweepfake"))
    for split in ("train", "test"):
        with open(os.path.join(d, "electai", "authorship_%s.csv" % split), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                if r.get("label") == "human":
                    rows.append(("en", r["tweet"], "electai"))
    return rows


def engine(tool, mode_args, texts):
    data = "".join(json.dumps(t) + "\n" for t in texts)
    out = subprocess.run([tool] + mode_args, input=data.encode("utf-8"), capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\n")[: len(texts)]


def ngrams(words):
    out = []
    for w in words.split(" "):
        if not w:
            continue
        padded = " " + w + " "
        for n in (1, 2, 3):
            for i in range(len(padded) - n + 1):
                g = padded[i:i + n]
                if n == 1 and g == " ":
                    continue
                out.append(g)
    return out


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    ap.add_argument("--out", default=os.path.join(root, "models", "langid.json"))
    ap.add_argument("--tool", default=os.path.join(root, "build", "native", "helder-langid"))
    ap.add_argument("--evaluate-only", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "data")):
        print("SKIP: %s/data not found; language-id training and evaluation need ../shared" % args.shared)
        return 0
    rows = load(args.shared)
    train = [r for r in rows if not held_out(r[1])]
    test = [r for r in rows if held_out(r[1])]
    if not args.evaluate_only:
        words = engine(args.tool, ["--words"], [t for _, t, _ in train])
        counts = {"nl": Counter(), "en": Counter()}
        docs = Counter()
        word_docs = Counter()
        for (lang, _, _), w in zip(train, words):
            counts[lang].update(ngrams(w))
            docs[lang] += 1
            word_docs.update(set(w.split(" ")))
        # Balanced priors: the feed, not the training set, decides how common each language is.
        profile = {"version": 1, "trained_on": {k: v for k, v in docs.items()}, "min_margin_per_ngram": 0.05,
                   "languages": {}, "function_words": {}}
        for lang, c in counts.items():
            top = c.most_common(NGRAMS_PER_LANGUAGE)
            total = sum(c.values())
            vocab = len(c)
            k = 0.5
            denom = total + k * vocab
            profile["languages"][lang] = {
                "log_prior": math.log(0.5),
                "log_unseen": round(math.log(k / denom), 4),
                "ngrams": {g: round(math.log((n + k) / denom), 4) for g, n in top},
            }
        for lang, ws in FUNCTION_WORDS.items():
            # A function word that occurs in more than 0.3% of Dutch or English training posts is not
            # evidence of another language ("ze", "kan" and "per" are Dutch too).
            common = {w for w in ws if word_docs[w] > 0.003 * len(train)}
            profile["function_words"][lang] = sorted(set(ws) - SHARED_WITH_NL_EN - common)
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(profile, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        print("wrote %s (%d bytes) from %d training rows" % (args.out, os.path.getsize(args.out), len(train)))
    guesses = engine(args.tool, ["--profile", args.out], [t for _, t, _ in test])
    by = {}
    for (lang, text, source), g in zip(test, guesses):
        got = g.split("\t")[0]
        n_words = len(text.split())
        bucket = "<=8 words" if n_words <= 8 else "9-20 words" if n_words <= 20 else ">20 words"
        for key in ((lang, source, "all"), (lang, "all", bucket), (lang, "all", "all")):
            s = by.setdefault(key, Counter())
            s["n"] += 1
            s[got] += 1
    print("held-out language identification (1 in 5 rows by text hash, never trained on)")
    print("%-4s %-13s %-11s %6s %8s %6s %6s %6s" % ("true", "source", "length", "n", "accuracy", "other", "und", "wrong"))
    for key in sorted(by):
        s = by[key]
        lang = key[0]
        wrong = s["n"] - s[lang] - s["other"] - s["und"]
        print("%-4s %-13s %-11s %6d %8.3f %6d %6d %6d" % (key[0], key[1], key[2], s["n"], s[lang] / s["n"], s["other"],
                                                         s["und"], wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
