// Package graph implements klaim.Store on a cayley v0.7.7 quad store: an
// embedded bolt file by default, PostgreSQL through cayley's SQL backend, or
// memory for tests.
//
// Every quad an article produced carries the article's node as its label, so
// replacing or deleting an article is one index scan on the label (an index
// this package adds) and a diff of old and new quads. Entities and claims
// mentioned by several articles are written once per article (same subject,
// predicate and object, another label): they disappear exactly when the last
// article mentioning them goes. Reads deduplicate across labels.
//
// Each article, statement, entity and claim keeps its full JSON record on a
// json edge. Each statement also has a short summary literal (date, speaker,
// stance, claim…) listed under its claim, speaker, subjects and article, so
// that lists are filtered, sorted and paged before any statement is decoded
// (see summary in schema.go).
//
// Queries never use cayley's path planner, which is orders of magnitude slower
// here: on bolt they read the index prefixes directly (kvscan.go), elsewhere
// they use the backend's per-direction quad iterators (scan). BENCHMARKS.md
// has the measured latencies.
package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers the "postgres" quad store and the lib/pq driver
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/klaim/klaim"
)

var _ klaim.Store = (*Store)(nil)

// The kv indexes a bolt graph is created with: cayley's default
// object-predicate-subject, subject-predicate-object instead of cayley's
// subject-predicate (each key is then one distinct edge: see kvscan.go), and
// one on the label, which finds everything an article produced without
// scanning the whole store (cayley has none).
var (
	indexSPO = kv.QuadIndex{Dirs: []quad.Direction{quad.Subject, quad.Predicate, quad.Object}}
	indexOPS = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}
	indexL   = kv.QuadIndex{Dirs: []quad.Direction{quad.Label}}
)

// lockTimeout is how long Open waits for another process to release the bolt
// file before it gives up.
const lockTimeout = 2 * time.Second

// Store is the knowledge graph on a cayley quad store. It is safe for
// concurrent use; writes are serialised.
type Store struct {
	qs graph.QuadStore
	// kv is qs when it is a kv store with the indexes Open creates; scans then
	// read index prefixes directly.
	kv   *kv.QuadStore
	bolt *bolt.DB // the bolt database under kv, read directly by kvscan.go
	// serial is set for backends that are not safe for concurrent use
	// (memstore): reads then take mu too.
	serial bool
	// cached is set when no other process writes the store: summaries are
	// then cached between writes.
	cached bool
	cache  summaryCache
	mu     sync.RWMutex
	closed bool
}

// Open opens the graph. graphURL "" opens (or creates) the embedded bolt
// database in dataDir/graph; "postgres://…" opens cayley's SQL backend on
// PostgreSQL, creating its schema if needed; "memstore://" opens an empty
// in-memory graph.
func Open(ctx context.Context, dataDir, graphURL string) (*Store, error) {
	switch {
	case graphURL == "":
		return openBolt(filepath.Join(dataDir, "graph"))
	case strings.HasPrefix(graphURL, "memstore:"):
		return &Store{qs: memstore.New(), serial: true, cached: true}, nil
	case strings.HasPrefix(graphURL, "postgres://"), strings.HasPrefix(graphURL, "postgresql://"):
		return openPostgres(ctx, graphURL)
	}
	return nil, fmt.Errorf("open graph %q: unsupported URL (want empty for bolt, postgres://… or memstore://)", graphURL)
}

func openBolt(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open graph at %s: %w", dir, err)
	}
	// indexes.bolt is the file name cayley's own bolt backend uses, so the
	// cayley tools can open the same directory.
	file := filepath.Join(dir, "indexes.bolt")
	db, err := hbolt.Open(file, &bolt.Options{Timeout: lockTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open graph at %s: locked by another process (is another klaim running with the same --data?)", dir)
	} else if err != nil {
		return nil, fmt.Errorf("open graph at %s: %w", dir, err)
	}
	ctx := context.Background()
	switch err := kv.Init(db, nil); {
	case err == nil:
		if err := setIndexes(ctx, db); err != nil {
			db.Close()
			return nil, fmt.Errorf("open graph at %s: set indexes: %w", dir, err)
		}
	case errors.Is(err, graph.ErrDatabaseExists):
	default:
		db.Close()
		return nil, fmt.Errorf("open graph at %s: init: %w", dir, err)
	}
	// no_bloom: the bloom filter cayley keeps to skip duplicate checks costs
	// ~150 MB of heap and we check duplicates ourselves before writing.
	qs, err := kv.New(db, graph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open graph at %s: %w", dir, err)
	}
	if err := checkSchema(ctx, db); err != nil {
		qs.Close()
		return nil, fmt.Errorf("open graph at %s: %w", dir, err)
	}
	s := &Store{qs: qs, cached: true} // bolt's file lock keeps other writers out
	if ok, err := hasIndexes(ctx, db, indexSPO, indexOPS, indexL); err != nil {
		qs.Close()
		return nil, fmt.Errorf("open graph at %s: read indexes: %w", dir, err)
	} else if ok {
		s.kv, s.bolt = qs.(*kv.QuadStore), db.DB()
	}
	return s, nil
}

var (
	keyMetaIndexes = hkv.Key{[]byte("meta"), []byte("indexes")}
	keyMetaSchema  = hkv.Key{[]byte("meta"), []byte("klaim_schema")}
)

// checkSchema refuses a graph written with another SchemaVersion, whose
// quads the queries would misread, and records the version in a graph that
// has none yet.
func checkSchema(ctx context.Context, db hkv.KV) error {
	want := []byte(strconv.Itoa(SchemaVersion))
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		got, err := tx.Get(ctx, keyMetaSchema)
		switch {
		case errors.Is(err, hkv.ErrNotFound):
			return tx.Put(keyMetaSchema, want)
		case err != nil:
			return err
		case string(got) != string(want):
			return fmt.Errorf("written by graph schema version %s, this klaim uses %s: remove the directory and ingest again", got, want)
		}
		return nil
	})
}

// setIndexes replaces the index list of a freshly initialised kv graph with
// ours. cayley reads the list from the database on open; its
// CAYLEY_KV_INDEXES variable cannot do this (it decodes into unexported fields).
func setIndexes(ctx context.Context, db hkv.KV) error {
	inds := []kv.QuadIndex{indexSPO, indexOPS, indexL}
	data, err := jsonMarshal(inds)
	if err != nil {
		return err
	}
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		for _, ind := range inds {
			name := make([]byte, len(ind.Dirs))
			for i, d := range ind.Dirs {
				name[i] = d.Prefix()
			}
			if err := hkv.CreateBucket(ctx, tx, hkv.Key{name}); err != nil {
				return err
			}
		}
		return tx.Put(keyMetaIndexes, data)
	})
}

// hasIndexes reports whether the kv graph was created with exactly the given
// indexes, so that scan may read their prefixes.
func hasIndexes(ctx context.Context, db hkv.KV, want ...kv.QuadIndex) (bool, error) {
	var got []kv.QuadIndex
	err := hkv.View(db, func(tx hkv.Tx) error {
		data, err := tx.Get(ctx, keyMetaIndexes)
		if errors.Is(err, hkv.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		return jsonUnmarshal(data, &got)
	})
	if err != nil || len(got) != len(want) {
		return false, err
	}
	for i := range want {
		if fmt.Sprint(got[i].Dirs) != fmt.Sprint(want[i].Dirs) {
			return false, nil
		}
	}
	return true, nil
}

func openPostgres(ctx context.Context, url string) (*Store, error) {
	where := redactURL(url)
	opts := graph.Options{}
	if err := graph.InitQuadStore("postgres", url, opts); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
		return nil, fmt.Errorf("open graph at %s: init schema: %w", where, err)
	}
	// cayley's SQL schema has no index on the label; without one, replacing an
	// article scans the whole quads table.
	db, err := sql.Open("postgres", url)
	if err != nil {
		return nil, fmt.Errorf("open graph at %s: %w", where, err)
	}
	_, err = db.ExecContext(ctx, `CREATE INDEX IF NOT EXISTS klaim_label_index ON quads (label_hash)`)
	db.Close()
	if err != nil {
		return nil, fmt.Errorf("open graph at %s: create label index: %w", where, err)
	}
	qs, err := graph.NewQuadStore("postgres", url, opts)
	if err != nil {
		return nil, fmt.Errorf("open graph at %s: %w", where, err)
	}
	return &Store{qs: qs}, nil
}

// redactURL drops the password from a database URL for error messages.
func redactURL(u string) string {
	at := strings.LastIndex(u, "@")
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 {
		return u
	}
	userinfo := u[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		return u[:scheme+3] + userinfo[:i] + ":xxx" + u[at:]
	}
	return u
}

// Close closes the quad store.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.qs.Close()
}

// rlock takes the read lock on backends that need it and returns its release.
func (s *Store) rlock() func() {
	if !s.serial {
		return func() {}
	}
	s.mu.RLock()
	return s.mu.RUnlock
}

// WriteNQuads writes the whole graph as N-Quads, one quad a line, the label
// being the article that produced it.
func (s *Store) WriteNQuads(ctx context.Context, w io.Writer) error {
	defer s.rlock()()
	enc := nquads.NewWriter(w)
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		if err := enc.WriteQuad(s.qs.Quad(it.Result())); err != nil {
			return fmt.Errorf("write n-quads: %w", err)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write n-quads: %w", err)
	}
	return nil
}

// scan calls fn with every quad whose dir end is node and, when pred is not
// nil, whose predicate is pred, until fn returns false. On a kv store it reads
// one index prefix (subject+predicate, object+predicate or label); elsewhere it
// uses the backend's index on dir and filters the predicate.
func (s *Store) scan(ctx context.Context, dir quad.Direction, node, pred graph.Ref, fn func(q graph.Ref) bool) error {
	if node == nil {
		return nil
	}
	var it graph.Iterator
	filter := pred != nil
	if s.kv != nil && dir != quad.Predicate {
		n, ok := node.(kv.Int64Value)
		if !ok {
			return fmt.Errorf("scan: unexpected node ref %T", node)
		}
		vals := []uint64{uint64(n)}
		ind := indexL
		if dir != quad.Label {
			ind = indexSPO
			if dir == quad.Object {
				ind = indexOPS
			}
			if p, ok := pred.(kv.Int64Value); ok {
				vals = append(vals, uint64(p))
				filter = false
			}
		}
		it = kv.NewQuadIterator(s.kv, ind, vals)
	} else {
		it = s.qs.QuadIterator(dir, node)
	}
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		if filter && !sameRef(s.qs.QuadDirection(q, quad.Predicate), pred) {
			continue
		}
		if !fn(q) {
			break
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("scan %s: %w", dir, err)
	}
	return ctx.Err()
}

func sameRef(a, b graph.Ref) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return graph.ToKey(a) == graph.ToKey(b)
}
