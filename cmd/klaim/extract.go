package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler"
)

func init() {
	register(&command{
		name:    "extract",
		summary: "Extract articles from files (title, text, date, authors, language) without storing anything.",
		usage:   "[--format jsonl|text] FILE...",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			format := fs.String("format", "jsonl", "output `format`: jsonl or text")
			return func(ctx context.Context, args []string) error {
				if len(args) == 0 {
					return usagef("give at least one file")
				}
				if err := checkFormat(*format, "jsonl", "text"); err != nil {
					return err
				}
				return runExtract(ctx, g, args, *format)
			}
		},
	})
}

// extracted is one line of `klaim extract --format jsonl`.
type extracted struct {
	Path      string          `json:"path"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	Published string          `json:"published"`
	Modified  string          `json:"modified,omitempty"`
	Authors   []string        `json:"authors"`
	Lang      string          `json:"lang"`
	Site      string          `json:"site"`
	SiteName  string          `json:"site_name,omitempty"`
	Canonical string          `json:"canonical_url,omitempty"`
	Verdicts  []klaim.Verdict `json:"verdicts,omitempty"`
}

func runExtract(ctx context.Context, g *globals, files []string, format string) error {
	failed := 0
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		a, err := crawler.ReadArticleFile(f)
		if err != nil {
			failed++
			fmt.Fprintf(g.stderr, "klaim extract: %s\n", oneLine(err.Error()))
			continue
		}
		x := extracted{Path: f, URL: a.URL, Title: a.Title, Text: a.Text, Authors: a.Authors, Lang: a.Lang,
			Site: a.Site.Host, SiteName: a.Site.Name, Canonical: a.CanonicalURL, Verdicts: a.Verdicts}
		if x.Authors == nil {
			x.Authors = []string{}
		}
		if !a.Published.IsZero() {
			x.Published = a.Published.Format(time.RFC3339)
		}
		if !a.Modified.IsZero() {
			x.Modified = a.Modified.Format(time.RFC3339)
		}
		if format == "jsonl" {
			if err := writeJSONL(g.stdout, []extracted{x}); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(g.stdout, "== %s\ntitle:     %s\npublished: %s\nauthors:   %s\nlang:      %s\nsite:      %s\n\n%s\n\n",
			f, x.Title, x.Published, strings.Join(x.Authors, ", "), x.Lang, x.Site, x.Text)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be extracted (listed above)", failed, len(files))
	}
	return nil
}
