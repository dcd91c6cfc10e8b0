package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/klaim/klaim"
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
				k, err := openExistingKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				start := time.Now()
				docs, err := documentsOf(ctx, k.store)
				if err != nil {
					return err
				}
				for i, d := range docs {
					if err := k.index.IndexDocument(ctx, d); err != nil {
						return fmt.Errorf("reindex %s: %w", d.Article.URL, err)
					}
					if (i+1)%100 == 0 {
						fmt.Fprintf(g.stderr, "reindexed %d/%d articles\n", i+1, len(docs))
					}
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
