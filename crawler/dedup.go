package crawler

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"
)

// NearDuplicateDistance is the largest Hamming distance between the 64-bit
// simhashes of two texts that still makes them near-duplicates. Measured on
// the fixtures of dedup_test.go (Indonesian and English news, 3-word
// shingles): a syndicated copy with another dateline, "Baca juga" links and
// footer lies at distance 2–7 from its source, while two different reports
// of the same event lie at 24 or more, as do unrelated texts (about 32).
// 10 leaves room on both sides; by chance alone two unrelated texts fall
// within it with probability under 1e-7.
const NearDuplicateDistance = 10

// minNearWords is the shortest text (in words) compared by simhash: a few
// dozen words give too few shingles for a stable fingerprint, so shorter
// texts are only checked for exact copies.
const minNearWords = 40

// docRecordSize is the length of a value of bucketDedupDocs.
const docRecordSize = 41

// shingleSize is the number of words per shingle.
const shingleSize = 3

var (
	bucketDedupDocs  = []byte("docs")  // article ID → simhash (8 bytes), SHA-256 (32), long-enough flag (1)
	bucketDedupExact = []byte("exact") // SHA-256 of the normalised text → article ID
)

// Dedup finds exact and near-duplicate article texts (syndicated copies),
// so the ingest pipeline can link a copy to its original instead of storing
// it twice. Exact copies match on the SHA-256 of the normalised text (case,
// punctuation and spacing ignored); near copies on a 64-bit simhash of
// 3-word shingles within NearDuplicateDistance. It persists in
// DataDir/crawl/dedup.db and is safe for concurrent use.
type Dedup struct {
	db *bolt.DB

	mu     sync.Mutex
	hashes map[string]uint64 // article ID → simhash, of texts long enough
}

// OpenDedup opens (creating) the duplicate detector under dataDir/crawl.
func OpenDedup(dataDir string) (*Dedup, error) {
	dir := filepath.Join(dataDir, "crawl")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open dedup: %w", err)
	}
	path := filepath.Join(dir, "dedup.db")
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open dedup %s: %w", path, err)
	}
	d := &Dedup{db: db, hashes: map[string]uint64{}}
	err = db.Update(func(tx *bolt.Tx) error {
		docs, err := tx.CreateBucketIfNotExists(bucketDedupDocs)
		if err != nil {
			return err
		}
		if _, err := tx.CreateBucketIfNotExists(bucketDedupExact); err != nil {
			return err
		}
		// Linear scan over an in-memory table is faster than any index at
		// the sizes a newsroom's crawl reaches (see BenchmarkDedupCheck).
		return docs.ForEach(func(k, v []byte) error {
			if len(v) == docRecordSize && v[40] == 1 {
				d.hashes[string(k)] = binary.BigEndian.Uint64(v[:8])
			}
			return nil
		})
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open dedup %s: %w", path, err)
	}
	return d, nil
}

// Close closes the store.
func (d *Dedup) Close() error { return d.db.Close() }

// Check looks for an earlier article with the same or nearly the same text
// as articleID's. It returns that article's ID ("" if none) and whether the
// match is near rather than exact. A text with no earlier match is recorded
// under articleID (replacing what articleID had before), so later copies
// point to it; a duplicate is not recorded.
func (d *Dedup) Check(articleID, text string) (duplicateOf string, near bool, err error) {
	words := textWords(text)
	if len(words) == 0 {
		return "", false, nil
	}
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	long := len(words) >= minNearWords
	var h uint64
	if long {
		h = Simhash(words)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	err = d.db.Update(func(tx *bolt.Tx) error {
		exact := tx.Bucket(bucketDedupExact)
		docs := tx.Bucket(bucketDedupDocs)
		if id := exact.Get(sum[:]); id != nil && string(id) != articleID {
			duplicateOf = string(id)
			return nil
		}
		if long {
			best := NearDuplicateDistance + 1
			for id, other := range d.hashes {
				if id == articleID {
					continue
				}
				if dist := bits.OnesCount64(h ^ other); dist < best || (dist == best && id < duplicateOf) {
					best, duplicateOf = dist, id
				}
			}
			if duplicateOf != "" {
				near = true
				return nil
			}
		}
		// New text: record it, dropping what articleID had before.
		if old := docs.Get([]byte(articleID)); len(old) == docRecordSize {
			if id := exact.Get(old[8:40]); string(id) == articleID {
				if err := exact.Delete(old[8:40]); err != nil {
					return err
				}
			}
		}
		v := make([]byte, docRecordSize)
		binary.BigEndian.PutUint64(v, h)
		copy(v[8:40], sum[:])
		if long {
			v[40] = 1
		}
		if err := docs.Put([]byte(articleID), v); err != nil {
			return err
		}
		return exact.Put(sum[:], []byte(articleID))
	})
	if err != nil {
		return "", false, fmt.Errorf("dedup %s: %w", articleID, err)
	}
	if duplicateOf == "" {
		if long {
			d.hashes[articleID] = h
		} else {
			delete(d.hashes, articleID)
		}
	}
	return duplicateOf, near, nil
}

// textWords splits text into lower-case words of letters and digits.
func textWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// Simhash is the 64-bit simhash of the 3-word shingles of words: each bit
// is the majority vote of that bit over the shingles' FNV-1a hashes, so
// texts sharing most shingles get hashes differing in few bits.
func Simhash(words []string) uint64 {
	var votes [64]int
	n := len(words) - shingleSize + 1
	if n < 1 {
		n = 1
	}
	h := fnv.New64a()
	for i := range n {
		h.Reset()
		for j := i; j < i+shingleSize && j < len(words); j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for b := range 64 {
			if x&(1<<b) != 0 {
				votes[b]++
			} else {
				votes[b]--
			}
		}
	}
	var out uint64
	for b := range 64 {
		if votes[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}
