package crawler

import (
	"bytes"
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
// simhashes of two texts that makes them near-duplicate candidates. Measured
// on the fixtures of dedup_test.go (TestSimhashDistances, Indonesian and
// English news, 3-word shingles): a syndicated copy with another dateline,
// "Baca juga" links and footer lies at 3–9 from its source, two different
// reports of the same event at 29–33, a translation at 30. Theory agrees:
// a copy sharing 90% of its shingles is expected at about 7 (±2.5), an
// unrelated text at 32 (±4). 16 keeps copies with heavier boilerplate
// changes; the price, unrelated texts within 16 by chance (about 4 in
// 100,000 pairs), is paid by the confirmation below.
const NearDuplicateDistance = 16

// MinNearJaccard is the shingle resemblance (estimated from a 32-value
// minhash signature) a simhash candidate must also reach to be a near
// duplicate: copies share most shingles (0.85 on the fixtures), different
// reports almost none (under 0.05).
const MinNearJaccard = 0.5

// minhashSize is the number of minhash values kept per text.
const minhashSize = 32

// minNearWords is the shortest text (in words) compared by simhash: a few
// dozen words give too few shingles for a stable fingerprint, so shorter
// texts are only checked for exact copies.
const minNearWords = 40

// docRecordSize is the length of a value of bucketDedupDocs.
const docRecordSize = 41 + 4*minhashSize

// shingleSize is the number of words per shingle.
const shingleSize = 3

var (
	bucketDedupDocs  = []byte("docs")  // article ID → simhash (8 bytes), SHA-256 (32), long-enough flag (1), minhash (4×32)
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

	mu sync.Mutex
	// The fingerprints of the texts long enough, in parallel slices so the
	// simhash scan runs over contiguous memory.
	ids       []string
	simhashes []uint64
	minhashes [][minhashSize]uint32
	pos       map[string]int // article ID → index in the slices
}

// put records the fingerprint of id, replacing an earlier one.
func (d *Dedup) put(id string, f fingerprint) {
	if i, ok := d.pos[id]; ok {
		d.simhashes[i], d.minhashes[i] = f.simhash, f.minhash
		return
	}
	d.pos[id] = len(d.ids)
	d.ids = append(d.ids, id)
	d.simhashes = append(d.simhashes, f.simhash)
	d.minhashes = append(d.minhashes, f.minhash)
}

// remove forgets the fingerprint of id.
func (d *Dedup) remove(id string) {
	i, ok := d.pos[id]
	if !ok {
		return
	}
	last := len(d.ids) - 1
	d.ids[i], d.simhashes[i], d.minhashes[i] = d.ids[last], d.simhashes[last], d.minhashes[last]
	d.pos[d.ids[i]] = i
	d.ids, d.simhashes, d.minhashes = d.ids[:last], d.simhashes[:last], d.minhashes[:last]
	delete(d.pos, id)
}

// fingerprint is what near-duplicate detection compares.
type fingerprint struct {
	simhash uint64
	minhash [minhashSize]uint32
}

func (f *fingerprint) encode(v []byte) {
	binary.BigEndian.PutUint64(v, f.simhash)
	for i, m := range f.minhash {
		binary.BigEndian.PutUint32(v[41+4*i:], m)
	}
}

func decodeFingerprint(v []byte) fingerprint {
	f := fingerprint{simhash: binary.BigEndian.Uint64(v)}
	for i := range f.minhash {
		f.minhash[i] = binary.BigEndian.Uint32(v[41+4*i:])
	}
	return f
}

// resemblance estimates the Jaccard similarity of two shingle sets.
func (f *fingerprint) resemblance(g *[minhashSize]uint32) float64 {
	same := 0
	for i := range f.minhash {
		if f.minhash[i] == g[i] {
			same++
		}
	}
	return float64(same) / minhashSize
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
	d := &Dedup{db: db, pos: map[string]int{}}
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
				d.put(string(k), decodeFingerprint(v))
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
	var fp fingerprint
	if long {
		fp = fingerprintOf(words)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	// Look first in a read transaction: most checks of a crawl find
	// nothing to change, and only a write pays for an fsync.
	var exactID string
	var old []byte
	err = d.db.View(func(tx *bolt.Tx) error {
		exactID = string(tx.Bucket(bucketDedupExact).Get(sum[:]))
		old = append([]byte(nil), tx.Bucket(bucketDedupDocs).Get([]byte(articleID))...)
		return nil
	})
	if err != nil {
		return "", false, fmt.Errorf("dedup %s: %w", articleID, err)
	}
	if exactID != "" && exactID != articleID {
		return exactID, false, nil
	}
	if long {
		best := NearDuplicateDistance + 1
		for i, sh := range d.simhashes {
			dist := bits.OnesCount64(fp.simhash ^ sh)
			if dist > best {
				continue
			}
			id := d.ids[i]
			if id == articleID || (dist == best && id > duplicateOf) {
				continue
			}
			if fp.resemblance(&d.minhashes[i]) >= MinNearJaccard {
				best, duplicateOf = dist, id
			}
		}
		if duplicateOf != "" {
			return duplicateOf, true, nil
		}
	}
	v := make([]byte, docRecordSize)
	fp.encode(v)
	copy(v[8:40], sum[:])
	if long {
		v[40] = 1
	}
	if exactID == articleID && bytes.Equal(old, v) {
		return "", false, nil // the same article with the same text again
	}
	// New text: record it, dropping what articleID had before.
	err = d.db.Update(func(tx *bolt.Tx) error {
		exact := tx.Bucket(bucketDedupExact)
		if len(old) == docRecordSize {
			if id := exact.Get(old[8:40]); string(id) == articleID {
				if err := exact.Delete(old[8:40]); err != nil {
					return err
				}
			}
		}
		if err := tx.Bucket(bucketDedupDocs).Put([]byte(articleID), v); err != nil {
			return err
		}
		return exact.Put(sum[:], []byte(articleID))
	})
	if err != nil {
		return "", false, fmt.Errorf("dedup %s: %w", articleID, err)
	}
	if duplicateOf == "" {
		if long {
			d.put(articleID, fp)
		} else {
			d.remove(articleID)
		}
	}
	return duplicateOf, near, nil
}

// mix64 is the splitmix64 finaliser: FNV-1a alone leaves the bits of
// hashes of similar short strings correlated, which biases the votes.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// textWords splits text into lower-case words of letters and digits.
func textWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// shingleHashes returns the hashes of the 3-word shingles of words (one
// shingle of all words when there are fewer).
func shingleHashes(words []string) []uint64 {
	n := max(len(words)-shingleSize+1, 1)
	out := make([]uint64, 0, n)
	h := fnv.New64a()
	for i := range n {
		h.Reset()
		for j := i; j < i+shingleSize && j < len(words); j++ {
			h.Write([]byte(words[j]))
			h.Write([]byte{0})
		}
		out = append(out, mix64(h.Sum64()))
	}
	return out
}

// Simhash is the 64-bit simhash of the 3-word shingles of text (words of
// letters and digits, case folded): each bit is the majority vote of that
// bit over the shingles' hashes, so texts sharing most shingles get hashes
// differing in few bits.
func Simhash(text string) uint64 {
	return simhashOf(shingleHashes(textWords(text)))
}

func simhashOf(shingles []uint64) uint64 {
	var votes [64]int
	for _, x := range shingles {
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

// fingerprintOf computes the simhash and the minhash signature of a text.
func fingerprintOf(words []string) fingerprint {
	sh := shingleHashes(words)
	f := fingerprint{simhash: simhashOf(sh)}
	for i := range f.minhash {
		f.minhash[i] = ^uint32(0)
	}
	for _, x := range sh {
		for i := range f.minhash {
			// One hash function per slot: the shingle hash re-mixed with
			// a per-slot constant.
			if m := uint32(mix64(x^(uint64(i+1)*0x9e3779b97f4a7c15)) >> 32); m < f.minhash[i] {
				f.minhash[i] = m
			}
		}
	}
	return f
}
