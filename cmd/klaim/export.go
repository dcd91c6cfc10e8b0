package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/klaim/klaim"
)

func init() {
	register(&command{
		name:    "export",
		summary: "Export the knowledge base: ClaimReview JSON-LD, N-Quads or JSON lines.",
		usage:   "--format claimreview|nquads|jsonl",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			format := fs.String("format", "jsonl", "`format`: claimreview (schema.org JSON-LD), nquads or jsonl")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if err := checkFormat(*format, "claimreview", "nquads", "jsonl"); err != nil {
					return err
				}
				k, err := openExistingKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				switch *format {
				case "nquads":
					return k.store.WriteNQuads(ctx, g.stdout)
				case "claimreview":
					return exportClaimReview(ctx, g, k.store)
				}
				return exportJSONL(ctx, g, k.store)
			}
		},
	})
}

// exportJSONL writes every entity, claim and statement as one JSON object a
// line, each with a "type" field.
func exportJSONL(ctx context.Context, g *globals, st klaim.Store) error {
	enc := json.NewEncoder(g.stdout)
	enc.SetEscapeHTML(false)
	put := func(kind string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
		m["type"] = kind
		if err := enc.Encode(m); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	ents, err := st.Entities(ctx)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if err := put("entity", e); err != nil {
			return err
		}
	}
	cls, err := st.Claims(ctx)
	if err != nil {
		return err
	}
	for _, c := range cls {
		if err := put("claim", c); err != nil {
			return err
		}
	}
	sts, err := st.Statements(ctx, klaim.StatementFilter{})
	if err != nil {
		return err
	}
	for _, s := range sts {
		if err := put("statement", s); err != nil {
			return err
		}
	}
	return nil
}

// exportClaimReview writes schema.org ClaimReview JSON-LD: one review per
// claim that someone denied, admitted or apologised for.
func exportClaimReview(ctx context.Context, g *globals, st klaim.Store) error {
	cls, err := st.Claims(ctx)
	if err != nil {
		return err
	}
	sts, err := st.Statements(ctx, klaim.StatementFilter{})
	if err != nil {
		return err
	}
	// The same order as GET /api/v1/export/claimreview, so the two agree.
	slices.SortFunc(cls, func(a, b klaim.Claim) int { return strings.Compare(a.ID, b.ID) })
	reviews := klaim.ClaimReviews(cls, sts)
	if reviews == nil {
		reviews = []klaim.ClaimReview{}
	}
	return writeJSON(g.stdout, reviews)
}
