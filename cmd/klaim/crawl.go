package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/klaim/klaim/crawler"
)

func init() {
	register(&command{
		name:    "crawl",
		summary: "Crawl news sites politely from seeds (article pages, RSS/Atom feeds, sitemaps) and ingest what it finds.",
		usage:   "[--max-pages N] [--depth N] [--delay D] [--user-agent S] [--include RE] [--exclude RE] [--allow-private] URL...",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			var cfg crawler.Config
			var include, exclude multiFlag
			fs.IntVar(&cfg.MaxPages, "max-pages", 100, "stop after fetching `N` pages (0: no limit)")
			fs.IntVar(&cfg.Depth, "depth", 1, "follow in-site links up to `N` steps from the seeds")
			fs.DurationVar(&cfg.Delay, "delay", time.Second, "wait at least this `long` between requests to one host (≥ 1s)")
			fs.DurationVar(&cfg.Revisit, "revisit", 24*time.Hour, "do not fetch a page again within this `window`")
			fs.StringVar(&cfg.UserAgent, "user-agent", "", "User-Agent `string` (should name a contact URL)")
			fs.BoolVar(&cfg.AllowPrivate, "allow-private", false, "allow loopback and private addresses (off: refused after DNS resolution)")
			fs.Var(&include, "include", "only follow URLs matching this `regexp` (repeatable)")
			fs.Var(&exclude, "exclude", "never follow URLs matching this `regexp` (repeatable)")
			return func(ctx context.Context, args []string) error {
				if len(args) == 0 {
					return usagef("give at least one seed URL")
				}
				if cfg.Delay < time.Second {
					return usagef("--delay must be at least 1s, not %s", cfg.Delay)
				}
				var err error
				if cfg.Include, err = compileAll(include); err != nil {
					return usagef("--include: %v", err)
				}
				if cfg.Exclude, err = compileAll(exclude); err != nil {
					return usagef("--exclude: %v", err)
				}
				k, err := openKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				cfg.DataDir = g.dataDir
				cfg.Progress = g.stderr
				cfg.IsSkip = func(err error) bool { return errors.Is(err, crawler.ErrSkipped) }
				c, err := crawler.New(cfg, k.pipeline)
				if err != nil {
					return err
				}
				defer c.Close()
				sum, err := c.Run(ctx, args)
				fmt.Fprintf(g.stdout, "fetched %d pages, ingested %d articles, %d failed, %d skipped\n",
					sum.Fetched, sum.Ingested, sum.Failed, sum.Skipped)
				const shown = 20
				for i, f := range sum.Failures {
					if i == shown {
						fmt.Fprintf(g.stdout, "(and %d more failures)\n", len(sum.Failures)-shown)
						break
					}
					fmt.Fprintf(g.stdout, "failed: %s: %s\n", f.URL, f.Reason)
				}
				return err
			}
		},
	})
}

// multiFlag collects a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func compileAll(patterns []string) ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(patterns))
	for _, p := range patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, re)
	}
	return out, nil
}
