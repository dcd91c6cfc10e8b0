package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// This file reads cayley's kv layout (v0.7.7) directly, for speed: an index
// entry's key is the bucket named by the index's directions plus the 8-byte
// big-endian node IDs in that order; its value is the uvarint list of the IDs
// of the quads with those ends, in the order written, deleted ones included
// (cayley marks a deleted quad in its log entry and never prunes the lists).
// The log bucket maps a quad's 8-byte ID to its proto.Primitive.
//
// On the full-triple indexes (subject-predicate-object and
// object-predicate-subject) a prefix scan on two ends yields each distinct
// third end once, however many articles wrote the same triple, so a hub entity
// mentioned by thousands of articles costs one key per distinct neighbour, not
// one quad per article. Each key costs one log read to check that a quad under
// it is still alive, usually the last written.

var logBucket = []byte("log")

// kvEnds returns, for each node, the distinct far ends of the live quads whose
// dir end is the node and whose predicate is pred (dir is quad.Subject or
// quad.Object), each with the label of one live quad, in one read transaction.
func (s *Store) kvEnds(ctx context.Context, dir quad.Direction, nodes []graph.Ref, pred graph.Ref) ([]refSet, error) {
	out := make([]refSet, len(nodes))
	p, ok := pred.(kv.Int64Value)
	if !ok {
		return out, nil
	}
	ind := indexSPO
	if dir == quad.Object {
		ind = indexOPS
	}
	tx, err := s.db.Tx(false)
	if err != nil {
		return nil, fmt.Errorf("read transaction: %w", err)
	}
	defer tx.Close()
	for i, n := range nodes {
		id, ok := n.(kv.Int64Value)
		if !ok {
			continue
		}
		if err := kvScanEnds(ctx, tx, ind, uint64(id), uint64(p), &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func kvScanEnds(ctx context.Context, tx hkv.Tx, ind kv.QuadIndex, node, pred uint64, set *refSet) error {
	it := tx.Scan(ind.Key([]uint64{node, pred}))
	defer it.Close()
	var ends []uint64
	var lists [][]uint64
	for it.Next(ctx) {
		k := it.Key()
		last := k[len(k)-1]
		if len(last) != 24 {
			return fmt.Errorf("index %v: unexpected key length %d", ind.Dirs, len(last))
		}
		ids, err := decodeUvarints(it.Val())
		if err != nil {
			return fmt.Errorf("index %v: %w", ind.Dirs, err)
		}
		if len(ids) > 0 {
			ends = append(ends, binary.BigEndian.Uint64(last[16:]))
			lists = append(lists, ids)
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	// Check the newest quad of every key in one batch; fall back to older
	// ones only for keys whose newest quad was deleted.
	keys := make([]hkv.Key, len(lists))
	for i, ids := range lists {
		keys[i] = logKey(ids[len(ids)-1])
	}
	vals, err := tx.GetBatch(ctx, keys)
	if err != nil {
		return err
	}
	for i, ids := range lists {
		label, alive, err := livePrimitive(vals[i])
		for j := len(ids) - 2; err == nil && !alive && j >= 0; j-- {
			var v hkv.Value
			v, err = tx.Get(ctx, logKey(ids[j]))
			if errors.Is(err, hkv.ErrNotFound) {
				err = nil
				continue
			}
			if err == nil {
				label, alive, err = livePrimitive(v)
			}
		}
		if err != nil {
			return err
		}
		if alive {
			set.addWithLabel(kv.Int64Value(ends[i]), kv.Int64Value(label))
		}
	}
	return nil
}

func logKey(id uint64) hkv.Key {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, id)
	return hkv.Key{logBucket, k}
}

// livePrimitive decodes a quad's log entry and reports whether it is alive,
// with its label's node ID.
func livePrimitive(v []byte) (label uint64, alive bool, err error) {
	if v == nil {
		return 0, false, nil
	}
	var p proto.Primitive
	if err := p.Unmarshal(v); err != nil {
		return 0, false, fmt.Errorf("decode quad: %w", err)
	}
	return p.Label, !p.Deleted, nil
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

// kvSummaries returns the statement summaries listed under hub by pred: the
// keys of the subject-predicate-object index give the summaries' node IDs,
// and one read of each node both checks it is alive (see summary) and gives
// its text. A read transaction at a time serves all hubs.
func (s *Store) kvSummaries(ctx context.Context, hub graph.Ref, pred graph.Ref) ([]string, error) {
	h, ok1 := hub.(kv.Int64Value)
	p, ok2 := pred.(kv.Int64Value)
	if !ok1 || !ok2 {
		return nil, nil
	}
	tx, err := s.db.Tx(false)
	if err != nil {
		return nil, fmt.Errorf("read transaction: %w", err)
	}
	defer tx.Close()
	it := tx.Scan(indexSPO.Key([]uint64{uint64(h), uint64(p)}))
	defer it.Close()
	var keys []hkv.Key
	for it.Next(ctx) {
		k := it.Key()
		last := k[len(k)-1]
		if len(last) != 24 {
			return nil, fmt.Errorf("index %v: unexpected key length %d", indexSPO.Dirs, len(last))
		}
		keys = append(keys, logKey(binary.BigEndian.Uint64(last[16:])))
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	vals, err := tx.GetBatch(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		if v == nil {
			continue // the node is gone: the statement was deleted
		}
		var p proto.Primitive
		if err := p.Unmarshal(v); err != nil {
			return nil, fmt.Errorf("decode node: %w", err)
		}
		val, err := pquads.UnmarshalValue(p.Value)
		if err != nil {
			return nil, fmt.Errorf("decode node value: %w", err)
		}
		str, ok := val.(quad.String)
		if !ok {
			return nil, fmt.Errorf("statement summary: unexpected value %v", val)
		}
		out = append(out, string(str))
	}
	return out, nil
}
