package crawler

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The frontier is one bbolt file, DataDir/crawl/frontier.db. Every change
// of a URL's state is its own fsynced transaction, so a crawl killed at any
// instant finds on restart exactly what was queued, what was in flight and
// what was done.
var (
	bucketURLs  = []byte("urls")  // normalised URL → record (JSON)
	bucketQueue = []byte("queue") // 8-byte sequence → URL, the FIFO of queued URLs
	bucketAlias = []byte("alias") // URL → the URL it stands for (canonical, redirect, show-all)
)

// URL states in the frontier.
const (
	stateQueued   = "queued"
	stateInflight = "inflight"
	stateDone     = "done"
	stateFailed   = "failed"
	stateSkipped  = "skipped"
)

// record is what the frontier knows about one URL.
type record struct {
	State     string    `json:"state"`
	Depth     int       `json:"depth"`
	Kind      Kind      `json:"kind,omitempty"` // what it was when last fetched
	Seq       uint64    `json:"seq,omitempty"`  // its queue key while queued
	At        time.Time `json:"at,omitzero"`    // when it was last finished
	ETag      string    `json:"etag,omitempty"`
	Modified  string    `json:"last_modified,omitempty"`
	Resumed   int       `json:"resumed,omitempty"` // times re-queued after a crash
	Redirects int       `json:"redirects,omitempty"`
	ShowAll   bool      `json:"show_all,omitempty"` // fetched as the single-page version of an article
	Ingested  bool      `json:"ingested,omitempty"`
	Reason    string    `json:"reason,omitempty"`
	// Children are the sitemaps a sitemap index listed: on a 304 for the
	// index they are still polled, since news sitemaps change under an
	// index that does not.
	Children []string `json:"children,omitempty"`
}

// queued is one entry of the queue.
type queued struct {
	URL string
	Seq uint64
	Rec record
}

type frontier struct {
	db *bolt.DB
}

// openFrontier opens (creating) the frontier under dataDir/crawl.
func openFrontier(dataDir string) (*frontier, error) {
	dir := filepath.Join(dataDir, "crawl")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open frontier: %w", err)
	}
	path := filepath.Join(dir, "frontier.db")
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("open frontier %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketURLs, bucketQueue, bucketAlias} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open frontier %s: %w", path, err)
	}
	return &frontier{db: db}, nil
}

func (f *frontier) Close() error { return f.db.Close() }

func getRecord(tx *bolt.Tx, u string) (record, bool, error) {
	v := tx.Bucket(bucketURLs).Get([]byte(u))
	if v == nil {
		return record{}, false, nil
	}
	var r record
	if err := json.Unmarshal(v, &r); err != nil {
		return record{}, false, fmt.Errorf("frontier record %s: %w", u, err)
	}
	return r, true, nil
}

func putRecord(tx *bolt.Tx, u string, r record) error {
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketURLs).Put([]byte(u), v)
}

func seqKey(n uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], n)
	return k[:]
}

// push puts u at the end of the queue with r as its record.
func push(tx *bolt.Tx, u string, r record) (record, error) {
	q := tx.Bucket(bucketQueue)
	n, err := q.NextSequence()
	if err != nil {
		return r, err
	}
	r.State, r.Seq = stateQueued, n
	if err := q.Put(seqKey(n), []byte(u)); err != nil {
		return r, err
	}
	return r, putRecord(tx, u, r)
}

// get returns the record of u.
func (f *frontier) get(u string) (rec record, ok bool, err error) {
	err = f.db.View(func(tx *bolt.Tx) error {
		rec, ok, err = getRecord(tx, u)
		return err
	})
	return rec, ok, err
}

// whyQueued is the reason enqueue gives for a URL already queued or in
// flight.
const whyQueued = "already queued"

// enqueue queues each URL (after following its aliases) unless it is
// already queued or in flight, or was finished less than window(rec) ago;
// with retryFailed, a URL that failed is queued again at once. All in one
// transaction. It returns what was queued and why the others were not.
func (f *frontier) enqueue(us []string, r record, now time.Time, window func(record) time.Duration, retryFailed bool) (qs []queued, whys []string, err error) {
	err = f.db.Update(func(tx *bolt.Tx) error {
		for _, u := range us {
			u = resolveAlias(tx, u)
			old, ok, err := getRecord(tx, u)
			if err != nil {
				return err
			}
			r := r
			if ok {
				switch old.State {
				case stateQueued, stateInflight:
					whys = append(whys, whyQueued)
					continue
				}
				if age := now.Sub(old.At); age < window(old) && !(retryFailed && old.State == stateFailed) {
					whys = append(whys, "finished within the revisit window")
					continue
				}
				// A re-crawl keeps the validators for a conditional GET.
				r.ETag, r.Modified, r.Kind, r.Ingested = old.ETag, old.Modified, old.Kind, old.Ingested
				r.At, r.Children = old.At, old.Children
				r.Depth = min(r.Depth, old.Depth)
			}
			r.Resumed, r.Reason = 0, ""
			rec, err := push(tx, u, r)
			if err != nil {
				return err
			}
			qs = append(qs, queued{URL: u, Seq: rec.Seq, Rec: rec})
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("frontier enqueue: %w", err)
	}
	return qs, whys, nil
}

// take moves a queued URL to in flight. It reports false when the queue
// entry is stale (the URL was finished by another path since, e.g. as the
// canonical of a page fetched under an alias); the entry is then dropped.
func (f *frontier) take(q queued) (record, bool, error) {
	var rec record
	var ok bool
	err := f.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketQueue).Delete(seqKey(q.Seq)); err != nil {
			return err
		}
		r, found, err := getRecord(tx, q.URL)
		if err != nil || !found || r.State != stateQueued || r.Seq != q.Seq {
			return err
		}
		r.State, r.Seq = stateInflight, 0
		rec, ok = r, true
		return putRecord(tx, q.URL, r)
	})
	if err != nil {
		err = fmt.Errorf("frontier take %s: %w", q.URL, err)
	}
	return rec, ok, err
}

// finish stores the final record of u.
func (f *frontier) finish(u string, r record) error {
	err := f.db.Update(func(tx *bolt.Tx) error { return putRecord(tx, u, r) })
	if err != nil {
		return fmt.Errorf("frontier finish %s: %w", u, err)
	}
	return nil
}

// update changes the record of u (creating it) in one transaction.
func (f *frontier) update(u string, fn func(r *record, exists bool)) error {
	err := f.db.Update(func(tx *bolt.Tx) error {
		r, ok, err := getRecord(tx, u)
		if err != nil {
			return err
		}
		fn(&r, ok)
		return putRecord(tx, u, r)
	})
	if err != nil {
		return fmt.Errorf("frontier update %s: %w", u, err)
	}
	return nil
}

// requeue puts an in-flight URL back at the end of the queue, as when a
// crawl is cancelled mid-request.
func (f *frontier) requeue(u string, r record) (queued, error) {
	var q queued
	err := f.db.Update(func(tx *bolt.Tx) error {
		rec, err := push(tx, u, r)
		q = queued{URL: u, Seq: rec.Seq, Rec: rec}
		return err
	})
	if err != nil {
		err = fmt.Errorf("frontier requeue %s: %w", u, err)
	}
	return q, err
}

// recover handles URLs left in flight by a crash: each is queued again
// once; one that was already retried after a crash is failed, since it may
// be what crashes the crawler.
func (f *frontier) recover(now time.Time) (requeued int, failed []Failure, err error) {
	err = f.db.Update(func(tx *bolt.Tx) error {
		type item struct {
			u string
			r record
		}
		var stuck []item
		c := tx.Bucket(bucketURLs).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var r record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("record %s: %w", k, err)
			}
			if r.State == stateInflight {
				stuck = append(stuck, item{string(k), r})
			}
		}
		for _, it := range stuck {
			if it.r.Resumed >= 1 {
				it.r.State, it.r.At = stateFailed, now
				it.r.Reason = "in flight at two crashes"
				failed = append(failed, Failure{URL: it.u, Reason: it.r.Reason})
				if err := putRecord(tx, it.u, it.r); err != nil {
					return err
				}
				continue
			}
			it.r.Resumed++
			if _, err := push(tx, it.u, it.r); err != nil {
				return err
			}
			requeued++
		}
		return nil
	})
	if err != nil {
		err = fmt.Errorf("frontier recover: %w", err)
	}
	return requeued, failed, err
}

// pending lists the queue in order, dropping stale entries.
func (f *frontier) pending() ([]queued, error) {
	var out []queued
	err := f.db.Update(func(tx *bolt.Tx) error {
		var stale [][]byte
		c := tx.Bucket(bucketQueue).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			u := string(v)
			r, ok, err := getRecord(tx, u)
			if err != nil {
				return err
			}
			seq := binary.BigEndian.Uint64(k)
			if !ok || r.State != stateQueued || r.Seq != seq {
				stale = append(stale, append([]byte(nil), k...))
				continue
			}
			out = append(out, queued{URL: u, Seq: seq, Rec: r})
		}
		for _, k := range stale {
			if err := tx.Bucket(bucketQueue).Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		err = fmt.Errorf("frontier pending: %w", err)
	}
	return out, err
}

// setAlias records that alias stands for target, unless that would make
// a cycle.
func (f *frontier) setAlias(alias, target string) error {
	if alias == target {
		return nil
	}
	err := f.db.Update(func(tx *bolt.Tx) error {
		if resolveAlias(tx, target) == alias {
			return nil
		}
		return tx.Bucket(bucketAlias).Put([]byte(alias), []byte(target))
	})
	if err != nil {
		return fmt.Errorf("frontier alias %s: %w", alias, err)
	}
	return nil
}

// resolve follows the aliases of u to the URL it stands for.
func (f *frontier) resolve(u string) (string, error) {
	var out string
	err := f.db.View(func(tx *bolt.Tx) error {
		out = resolveAlias(tx, u)
		return nil
	})
	return out, err
}

func resolveAlias(tx *bolt.Tx, u string) string {
	seen := map[string]bool{u: true}
	b := tx.Bucket(bucketAlias)
	for range 16 {
		v := b.Get([]byte(u))
		if v == nil || seen[string(v)] {
			return u
		}
		u = string(v)
		seen[u] = true
	}
	return u
}

// counts returns how many URLs the frontier holds in each state.
func (f *frontier) counts() (map[string]int, error) {
	out := map[string]int{}
	err := f.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketURLs).ForEach(func(_, v []byte) error {
			var r record
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			out[r.State]++
			return nil
		})
	})
	return out, err
}
