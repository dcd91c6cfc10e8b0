package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/search"
)

func init() {
	register(&command{
		name:    "reindex",
		summary: "Rebuild the search index from the graph (after an upgrade, or if the index was lost).",
		usage:   "",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if err := requireKB(g); err != nil {
					return err
				}
				// Start from an empty index: an index of an older layout
				// cannot be opened, and one of the same layout may hold
				// articles the graph no longer has.
				idx, err := search.Reset(g.dataDir)
				if err != nil {
					return err
				}
				idx.Close()
				k, err := openKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				start := time.Now()
				docs, err := documentsOf(ctx, k.store)
				if err != nil {
					return err
				}
				const chunk = 100
				for i := 0; i < len(docs); i += chunk {
					part := docs[i:min(i+chunk, len(docs))]
					if err := k.index.IndexDocuments(ctx, part); err != nil {
						return fmt.Errorf("reindex: %w", err)
					}
					fmt.Fprintf(g.stderr, "reindexed %d/%d articles\n", i+len(part), len(docs))
				}
				fmt.Fprintf(g.stdout, "reindexed %d articles in %.1fs\n", len(docs), time.Since(start).Seconds())
				return nil
			}
		},
	})
}

// documentsOf rebuilds, from the graph, the documents of every article that
// has statements: what the index needs to be written again.
func documentsOf(ctx context.Context, st klaim.Store) ([]*klaim.Document, error) {
	all, err := st.Statements(ctx, klaim.StatementFilter{})
	if err != nil {
		return nil, err
	}
	byArticle := map[string]*klaim.Document{}
	var order []*klaim.Document
	claims := map[string]*klaim.Claim{}
	entities := map[string]*klaim.Entity{}
	for _, s := range all {
		d := byArticle[s.Article.ID]
		if d == nil {
			a, err := st.Article(ctx, s.Article.ID)
			if err != nil {
				return nil, fmt.Errorf("article %s: %w", s.Article.ID, err)
			}
			d = &klaim.Document{Article: *a}
			byArticle[a.ID] = d
			order = append(order, d)
		}
		d.Statements = append(d.Statements, s)
		// The entities the index needs for its speaker and entity filters
		// (with their aliases): speakers, their organisations, subjects.
		refs := append([]klaim.EntityRef{{ID: s.Speaker.ID}}, s.Subjects...)
		if s.Speaker.Org != nil {
			refs = append(refs, *s.Speaker.Org)
		}
		for _, r := range refs {
			if entityIn(d, r.ID) {
				continue
			}
			e, ok := entities[r.ID]
			if !ok {
				if e, err = st.Entity(ctx, r.ID); err != nil {
					return nil, fmt.Errorf("entity %s: %w", r.ID, err)
				}
				entities[r.ID] = e
			}
			d.Entities = append(d.Entities, *e)
		}
		c, ok := claims[s.Claim.ID]
		if !ok {
			c, err = st.Claim(ctx, s.Claim.ID)
			if err != nil {
				return nil, fmt.Errorf("claim %s: %w", s.Claim.ID, err)
			}
			claims[s.Claim.ID] = c
		}
		seen := false
		for _, dc := range d.Claims {
			seen = seen || dc.ID == c.ID
		}
		if !seen {
			d.Claims = append(d.Claims, *c)
		}
	}
	return order, nil
}

func entityIn(d *klaim.Document, id string) bool {
	for _, e := range d.Entities {
		if e.ID == id {
			return true
		}
	}
	return false
}
