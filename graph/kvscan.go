package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// This file reads cayley's kv layout (v0.7.7) on bolt directly, for speed.
// Each index is a top-level bucket named by its directions ("spo", "ops",
// "c"); an entry's key is the 8-byte big-endian node IDs in that order, its
// value the uvarint list of the IDs of the quads with those ends, in the order
// written, deleted ones included (cayley marks a deleted quad in its log entry
// and never prunes the lists). The "log" bucket maps an 8-byte quad or node ID
// to its proto.Primitive; a node's entry is removed when no quad uses it.
//
// On the full-triple indexes a prefix scan on two ends yields each distinct
// third end once, however many articles wrote the same triple, so a hub entity
// mentioned by thousands of articles costs one key per distinct neighbour, not
// one quad per article. Each key costs one log read to check that a quad under
// it is still alive, usually the last written.

var logBucket = []byte("log")

func indexBucket(ind kv.QuadIndex) []byte {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	return name
}

var (
	bucketSPO = indexBucket(indexSPO)
	bucketOPS = indexBucket(indexOPS)
)

func prefixKey(a, b uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, a)
	binary.BigEndian.PutUint64(k[8:], b)
	return k
}

// kvEnds returns, for each node, the distinct far ends of the live quads whose
// dir end is the node and whose predicate is pred (dir is quad.Subject or
// quad.Object), each with the label of one live quad, in one read transaction.
func (s *Store) kvEnds(ctx context.Context, dir quad.Direction, nodes []graph.Ref, pred graph.Ref) ([]refSet, error) {
	out := make([]refSet, len(nodes))
	p, ok := pred.(kv.Int64Value)
	if !ok {
		return out, nil
	}
	name := bucketSPO
	if dir == quad.Object {
		name = bucketOPS
	}
	err := s.bolt.View(func(tx *bolt.Tx) error {
		idx, log := tx.Bucket(name), tx.Bucket(logBucket)
		if idx == nil || log == nil {
			return nil
		}
		c := idx.Cursor()
		for i, n := range nodes {
			id, ok := n.(kv.Int64Value)
			if !ok {
				continue
			}
			prefix := prefixKey(uint64(id), uint64(p))
			for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
				if len(k) != 24 {
					return fmt.Errorf("index %s: unexpected key length %d", name, len(k))
				}
				label, alive, err := liveQuad(log, v)
				if err != nil {
					return fmt.Errorf("index %s: %w", name, err)
				}
				if alive {
					out[i].addWithLabel(kv.Int64Value(binary.BigEndian.Uint64(k[16:])), kv.Int64Value(label))
				}
			}
		}
		return ctx.Err()
	})
	return out, err
}

// liveQuad reports whether one of the quads of an index entry is alive, with
// its label, trying the newest first.
func liveQuad(log *bolt.Bucket, entry []byte) (label uint64, alive bool, err error) {
	ids, err := decodeUvarints(entry)
	if err != nil {
		return 0, false, err
	}
	var key [8]byte
	for j := len(ids) - 1; j >= 0; j-- {
		binary.BigEndian.PutUint64(key[:], ids[j])
		v := log.Get(key[:])
		if v == nil {
			continue
		}
		var p proto.Primitive
		if err := p.Unmarshal(v); err != nil {
			return 0, false, fmt.Errorf("decode quad %d: %w", ids[j], err)
		}
		if !p.Deleted {
			return p.Label, true, nil
		}
	}
	return 0, false, nil
}

// kvLiterals returns, for each node, the string literals on its pred edges,
// for predicates whose literals only such edges use and that are written or
// deleted together: JSON records (they embed the node's ID) and statement
// summaries (see summary). Then a literal node that is still stored proves a
// live edge, and one read of each literal both checks that and gives its text.
// The keys of the subject-predicate-object index give the literals' node IDs.
func (s *Store) kvLiterals(ctx context.Context, nodes []graph.Ref, pred graph.Ref) ([][]string, error) {
	out := make([][]string, len(nodes))
	p, ok := pred.(kv.Int64Value)
	if !ok {
		return out, nil
	}
	err := s.bolt.View(func(tx *bolt.Tx) error {
		idx, log := tx.Bucket(bucketSPO), tx.Bucket(logBucket)
		if idx == nil || log == nil {
			return nil
		}
		c := idx.Cursor()
		for i, n := range nodes {
			h, ok := n.(kv.Int64Value)
			if !ok {
				continue
			}
			var err error
			if out[i], err = scanLiterals(c, log, prefixKey(uint64(h), uint64(p))); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
	return out, err
}

func scanLiterals(c *bolt.Cursor, log *bolt.Bucket, prefix []byte) ([]string, error) {
	var out []string
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) != 24 {
			return nil, fmt.Errorf("index %s: unexpected key length %d", bucketSPO, len(k))
		}
		v := log.Get(k[16:])
		if v == nil {
			continue // the literal is gone, and so are the edges to it
		}
		var n proto.Primitive
		if err := n.Unmarshal(v); err != nil {
			return nil, fmt.Errorf("decode node: %w", err)
		}
		val, err := pquads.UnmarshalValue(n.Value)
		if err != nil {
			return nil, fmt.Errorf("decode node value: %w", err)
		}
		str, ok := val.(quad.String)
		if !ok {
			return nil, fmt.Errorf("unexpected value %v", val)
		}
		out = append(out, string(str))
	}
	return out, nil
}

func decodeUvarints(b []byte) ([]uint64, error) {
	out := make([]uint64, 0, len(b)/3)
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return out, errors.New("bad uvarint in index entry")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// rawValueID looks a value's node ID up as cayley's ValueOf does (bucket
// "v"+the first two hash bytes, key the hash, value the uvarint ID), inside
// the caller's transaction; 0 when the value is not stored.
func rawValueID(tx *bolt.Tx, v quad.Value) uint64 {
	h := quad.HashOf(v)
	b := tx.Bucket([]byte{'v', h[0], h[1]})
	if b == nil {
		return 0
	}
	id, n := binary.Uvarint(b.Get(h))
	if n <= 0 {
		return 0
	}
	return id
}

// kvLiteralsOf is kvLiterals for nodes and a predicate given by value,
// resolved in the same read transaction.
func (s *Store) kvLiteralsOf(ctx context.Context, nodes []quad.Value, pred quad.Value) ([][]string, error) {
	out := make([][]string, len(nodes))
	err := s.bolt.View(func(tx *bolt.Tx) error {
		idx, log := tx.Bucket(bucketSPO), tx.Bucket(logBucket)
		p := rawValueID(tx, pred)
		if idx == nil || log == nil || p == 0 {
			return nil
		}
		c := idx.Cursor()
		for i, n := range nodes {
			id := rawValueID(tx, n)
			if id == 0 {
				continue
			}
			var err error
			if out[i], err = scanLiterals(c, log, prefixKey(id, p)); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
	return out, err
}
