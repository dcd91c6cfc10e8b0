package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/klaim/klaim/crawler"
)

func init() {
	register(&command{
		name:    "ingest",
		summary: "Ingest article files and folders (.txt, .html, .htm, optionally .gz) into the knowledge base.",
		usage:   "[--format text|json] PATH...",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			format := fs.String("format", "text", "summary `format`: text or json")
			return func(ctx context.Context, args []string) error {
				if len(args) == 0 {
					return usagef("give at least one file or folder to ingest")
				}
				if *format != "text" && *format != "json" {
					return usagef("--format must be text or json, not %q", *format)
				}
				return runIngest(ctx, g, args, *format)
			}
		},
	})
}

// ingestSummary is what an ingest run printed at its end.
type ingestSummary struct {
	Articles   int           `json:"articles"`
	Replaced   int           `json:"replaced"`
	Statements int           `json:"statements"`
	Entities   int           `json:"entities"`
	Claims     int           `json:"claims"`
	Skipped    []fileProblem `json:"skipped"`
	Failed     []fileProblem `json:"failed"`
	Seconds    float64       `json:"seconds"`
}

type fileProblem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

func runIngest(ctx context.Context, g *globals, paths []string, format string) error {
	k, err := openKB(ctx, g)
	if err != nil {
		return err
	}
	defer k.Close()
	start := time.Now()
	sum := ingestSummary{Skipped: []fileProblem{}, Failed: []fileProblem{}}
	n := 0
	err = k.pipeline.IngestPaths(ctx, paths, func(r crawler.FileResult) {
		n++
		switch {
		case r.Err != nil && errors.Is(r.Err, crawler.ErrSkipped):
			sum.Skipped = append(sum.Skipped, fileProblem{r.Path, oneLine(r.Err.Error())})
			fmt.Fprintf(g.stderr, "%s\n", oneLine(r.Err.Error())) // says "skipped" itself
		case r.Err != nil:
			sum.Failed = append(sum.Failed, fileProblem{r.Path, oneLine(r.Err.Error())})
			fmt.Fprintf(g.stderr, "failed  %s\n", oneLine(r.Err.Error()))
		default:
			sum.Articles++
			if r.Result.Replaced {
				sum.Replaced++
			}
			sum.Statements += r.Result.Statements
			sum.Entities += r.Result.Entities
			sum.Claims += r.Result.Claims
			fmt.Fprintf(g.stderr, "[%d] %s: %d statements\n", n, r.Path, r.Result.Statements)
		}
	})
	sum.Seconds = time.Since(start).Seconds()
	if format == "json" {
		enc := json.NewEncoder(g.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(g.stdout, "ingested %d articles (%d replaced an earlier ingest): %d statements, %d entity mentions, %d claims in %.1fs\n",
			sum.Articles, sum.Replaced, sum.Statements, sum.Entities, sum.Claims, sum.Seconds)
		for _, p := range sum.Skipped {
			fmt.Fprintf(g.stdout, "%s\n", p.Reason)
		}
		for _, p := range sum.Failed {
			fmt.Fprintf(g.stdout, "failed: %s\n", p.Reason)
		}
	}
	if err != nil {
		return err
	}
	if len(sum.Failed) > 0 {
		return fmt.Errorf("%d of %d files failed (listed above); the others were ingested", len(sum.Failed), n)
	}
	return nil
}
