package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/web"
)

func init() {
	register(&command{
		name:    "search",
		summary: "Search statements and claims in both languages.",
		usage:   "[--format text|json] [--lang id|en] [--stance S] [--speaker X] [--entity X] [--site HOST] [--from DATE] [--to DATE] [--limit N] [--cursor C] QUERY",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			format := fs.String("format", "text", "output `format`: text, or json (the body of GET /api/v1/search)")
			var q klaim.SearchQuery
			var stance, from, to string
			fs.StringVar(&q.Lang, "lang", "", "only articles in this `language` (id or en)")
			fs.StringVar(&stance, "stance", "", "only this `stance`: claim, deny, admit or apologize")
			fs.StringVar(&q.Speaker, "speaker", "", "only statements of this speaker (`name or entity id`)")
			fs.StringVar(&q.Entity, "entity", "", "only statements involving this entity (`name or id`)")
			fs.StringVar(&q.Site, "site", "", "only statements from this publisher (`host`, e.g. viva.co.id)")
			fs.StringVar(&from, "from", "", "said on or after this `date` (YYYY-MM-DD)")
			fs.StringVar(&to, "to", "", "said on or before this `date` (YYYY-MM-DD)")
			fs.IntVar(&q.Limit, "limit", 20, "at most `N` results (1 to 100)")
			fs.StringVar(&q.Cursor, "cursor", "", "continue after this `cursor` (meta.next_cursor of the previous page)")
			return func(ctx context.Context, args []string) error {
				if err := checkFormat(*format, "text", "json"); err != nil {
					return err
				}
				q.Text = strings.Join(args, " ")
				if err := completeQuery(&q, stance, from, to); err != nil {
					return usagef("%v", err)
				}
				k, err := openExistingKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				res, err := k.index.Search(ctx, q)
				if err != nil {
					return err
				}
				if *format == "json" {
					// The server wraps its cursor with the query it belongs to;
					// here the index's own cursor goes back in with --cursor.
					return writeJSON(g.stdout, web.SearchList(res, res.NextCursor))
				}
				fmt.Fprintf(g.stdout, "%d statements match\n", res.Total)
				for _, h := range res.Hits {
					s := h.Statement
					fmt.Fprintf(g.stdout, "%-10s %-9s %s: %s\n           %s · %s · %s\n", s.SaidAt, s.Stance, s.Speaker.Name,
						clip(s.Quote, 140), clip(s.Article.Title, 70), s.Article.Site, s.ID)
				}
				if res.NextCursor != "" {
					fmt.Fprintf(g.stdout, "more: --cursor %s\n", res.NextCursor)
				}
				return nil
			}
		},
	})
}

// completeQuery validates and fills the parts of a query given as strings.
func completeQuery(q *klaim.SearchQuery, stance, from, to string) error {
	if stance != "" {
		st, err := klaim.ParseStance(stance)
		if err != nil {
			return err
		}
		q.Stance = st
	}
	if q.Lang != "" && q.Lang != "id" && q.Lang != "en" {
		return fmt.Errorf("--lang must be id or en, not %q", q.Lang)
	}
	if q.Limit < 1 || q.Limit > 100 {
		return fmt.Errorf("--limit must be between 1 and 100, not %d", q.Limit)
	}
	var err error
	if from != "" {
		if q.From, err = time.Parse(time.DateOnly, from); err != nil {
			return fmt.Errorf("--from %q is not a date like 2018-12-19", from)
		}
	}
	if to != "" {
		if q.To, err = time.Parse(time.DateOnly, to); err != nil {
			return fmt.Errorf("--to %q is not a date like 2018-12-19", to)
		}
	}
	return nil
}
