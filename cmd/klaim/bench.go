package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"sort"
	"time"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/crawler"
	"github.com/klaim/klaim/crawler/claims"
)

func init() {
	register(&command{
		name:    "bench",
		summary: "Measure extraction throughput on files and query latency on the knowledge base.",
		usage:   "[--rounds N] [FILE|FOLDER...]",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			rounds := fs.Int("rounds", 200, "repeat each query `N` times for its latency percentiles")
			return func(ctx context.Context, args []string) error {
				if *rounds < 1 {
					return usagef("--rounds must be at least 1")
				}
				fmt.Fprintf(g.stdout, "machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version())
				if len(args) > 0 {
					if err := benchExtraction(ctx, g, args); err != nil {
						return err
					}
				}
				return benchQueries(ctx, g, *rounds)
			}
		},
	})
}

// benchExtraction times article extraction and statement extraction, apart,
// over the given files, without storing anything.
func benchExtraction(ctx context.Context, g *globals, paths []string) error {
	var files []string
	for _, p := range paths {
		fs, err := crawler.ListFiles(p)
		if err != nil {
			return err
		}
		for _, f := range fs {
			if crawler.FileKind(f) != "" {
				files = append(files, f)
			}
		}
	}
	if len(files) == 0 {
		return fmt.Errorf("no .txt or .html files under %v", paths)
	}
	ex, err := claims.New()
	if err != nil {
		return err
	}
	var arts []*klaim.Article
	start := time.Now()
	for i, f := range files {
		a, err := crawler.ReadArticleFile(f)
		if err != nil {
			fmt.Fprintf(g.stderr, "skipped %s\n", oneLine(err.Error()))
			continue
		}
		arts = append(arts, a)
		if (i+1)%200 == 0 {
			fmt.Fprintf(g.stderr, "read %d/%d files\n", i+1, len(files))
		}
	}
	readDur := time.Since(start)
	var textBytes, statements int
	start = time.Now()
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := ex.Extract(ctx, a, nil)
		if err != nil {
			return fmt.Errorf("extract statements from %s: %w", a.URL, err)
		}
		textBytes += len(a.Text)
		statements += len(doc.Statements)
	}
	attrDur := time.Since(start)
	fmt.Fprintf(g.stdout, "article extraction: %d files in %s: %.0f files/s (one core, I/O and gunzip included)\n",
		len(arts), readDur.Round(time.Millisecond), float64(len(arts))/readDur.Seconds())
	fmt.Fprintf(g.stdout, "statement extraction: %.2f MB of text, %d statements in %s: %.2f MB/s (one core)\n",
		float64(textBytes)/1e6, statements, attrDur.Round(time.Millisecond), float64(textBytes)/1e6/attrDur.Seconds())
	return nil
}

// benchQueries times the queries the API relies on against the knowledge
// base as it is, each repeated rounds times on varied arguments.
func benchQueries(ctx context.Context, g *globals, rounds int) error {
	k, err := openExistingKB(ctx, g)
	if err != nil {
		return err
	}
	defer k.Close()
	stats, err := k.store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "knowledge base %s: %d articles, %d statements, %d entities, %d claims, %d quads\n",
		g.dataDir, stats.Articles, stats.Statements, stats.Entities, stats.Claims, stats.Quads)
	ents, err := k.store.Entities(ctx)
	if err != nil {
		return err
	}
	cls, err := k.store.Claims(ctx)
	if err != nil {
		return err
	}
	if len(ents) == 0 || len(cls) == 0 {
		return fmt.Errorf("the knowledge base at %s is empty: ingest something first", g.dataDir)
	}
	queries := []struct {
		name string
		run  func(i int) error
	}{
		{"statements of a claim", func(i int) error {
			_, err := k.store.Statements(ctx, klaim.StatementFilter{Claim: cls[i%len(cls)].ID})
			return err
		}},
		{"statements of a speaker", func(i int) error {
			_, err := k.store.Statements(ctx, klaim.StatementFilter{Speaker: ents[i%len(ents)].ID})
			return err
		}},
		{"relations of an entity", func(i int) error {
			_, err := k.store.Relations(ctx, ents[i%len(ents)].ID)
			return err
		}},
		{"entity by alias", func(i int) error {
			_, err := k.store.EntitiesByAlias(ctx, ents[i%len(ents)].Name)
			return err
		}},
		{"full-text search", func(i int) error {
			_, err := k.index.Search(ctx, klaim.SearchQuery{Text: ents[i%len(ents)].Name, Limit: 20})
			return err
		}},
	}
	fmt.Fprintf(g.stdout, "%-26s %10s %10s %10s\n", "query", "p50", "p99", "max")
	for _, q := range queries {
		d := make([]time.Duration, rounds)
		for i := range d {
			t0 := time.Now()
			if err := q.run(i); err != nil {
				return fmt.Errorf("%s: %w", q.name, err)
			}
			d[i] = time.Since(t0)
		}
		sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
		fmt.Fprintf(g.stdout, "%-26s %10s %10s %10s\n", q.name, pct(d, 50), pct(d, 99), d[len(d)-1])
	}
	return nil
}

// pct returns the p-th percentile of sorted durations (nearest rank).
func pct(sorted []time.Duration, p int) time.Duration {
	i := (p*len(sorted)+99)/100 - 1
	if i < 0 {
		i = 0
	}
	return sorted[i]
}
