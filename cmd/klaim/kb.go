package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler"
	"github.com/klaim/klaim/crawler/claims"
	"github.com/klaim/klaim/graph"
	"github.com/klaim/klaim/search"
)

// kb is an open knowledge base: the graph store, the search index and the
// ingest pipeline that writes both.
type kb struct {
	store    *graph.Store
	index    *search.Index
	pipeline *crawler.Pipeline
	dedup    *crawler.Dedup
}

// openKB opens (creating if needed) the knowledge base under g.dataDir.
func openKB(ctx context.Context, g *globals) (*kb, error) {
	if err := os.MkdirAll(g.dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	store, err := graph.Open(ctx, g.dataDir, g.graphURL)
	if err != nil {
		return nil, err
	}
	index, err := search.Open(g.dataDir)
	if err != nil {
		store.Close()
		return nil, err
	}
	ex, err := claims.New()
	if err != nil {
		store.Close()
		index.Close()
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	dedup, err := crawler.OpenDedup(g.dataDir)
	if err != nil {
		store.Close()
		index.Close()
		return nil, err
	}
	k := &kb{store: store, index: index, dedup: dedup}
	k.pipeline = &crawler.Pipeline{Store: store, Index: index, Claims: ex, Dedup: dedup}
	return k, nil
}

// openExistingKB opens a knowledge base that must already exist, so that a
// query against a mistyped --data says so instead of answering "nothing".
func openExistingKB(ctx context.Context, g *globals) (*kb, error) {
	if err := requireKB(g); err != nil {
		return nil, err
	}
	return openKB(ctx, g)
}

// requireKB fails when --data names no knowledge base (with the embedded graph).
func requireKB(g *globals) error {
	if g.graphURL == "" {
		if _, err := os.Stat(g.dataDir); errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("no knowledge base at %s (ingest something first, or pass --data)", g.dataDir)
		}
	}
	return nil
}

func (k *kb) Close() error {
	return errors.Join(k.index.Close(), k.store.Close(), k.dedup.Close())
}

var _ klaim.Store = (*graph.Store)(nil)
var _ klaim.Index = (*search.Index)(nil)
