package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/klaim/klaim/crawler"
	"github.com/klaim/klaim/data"
)

func init() {
	register(&command{
		name:    "demo",
		summary: "Ingest the bundled sample articles into --data and serve them.",
		usage:   "[--addr HOST:PORT] [--no-serve]",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
			noServe := fs.Bool("no-serve", false, "ingest the samples and exit without serving")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				return runDemo(ctx, g, *addr, *noServe)
			}
		},
	})
}

func runDemo(ctx context.Context, g *globals, addr string, noServe bool) error {
	// The samples are written out under --data so that every statement's
	// article URL names a real file a newcomer can open.
	dir := filepath.Join(g.dataDir, "samples")
	if err := writeSamples(dir); err != nil {
		return err
	}
	k, err := openKB(ctx, g)
	if err != nil {
		return err
	}
	defer k.Close()
	articles, statements := 0, 0
	err = k.pipeline.IngestPaths(ctx, []string{dir}, func(r crawler.FileResult) {
		switch {
		case r.Err != nil:
			fmt.Fprintf(g.stderr, "skipped %s\n", oneLine(r.Err.Error()))
		default:
			articles++
			statements += r.Result.Statements
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "klaim demo: %d sample articles, %d statements in %s\n", articles, statements, g.dataDir)
	if noServe {
		return nil
	}
	return serveKB(ctx, g, k, addr, "", func(base string) {
		fmt.Fprintf(g.stdout, `
Open %[1]s/ in a browser, or try:

  curl '%[1]s/api/v1/search?q=Netflix'
  curl '%[1]s/api/v1/search?q=bantah&stance=deny'
  curl '%[1]s/api/v1/search?q=private+messages&lang=id'
  curl '%[1]s/api/v1/entities?q=Meta'
  curl '%[1]s/api/v1/claims?q=pesan+pribadi'
  curl '%[1]s/api/v1/openapi.json'

Ctrl-C stops the server.
`, base)
	})
}

// writeSamples copies the bundled sample articles into dir.
func writeSamples(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	return fs.WalkDir(data.FS, "samples", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := data.FS.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.Base(p))
		if old, err := os.ReadFile(dst); err == nil && string(old) == string(b) {
			return nil
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return fmt.Errorf("write sample %s: %w", dst, err)
		}
		return nil
	})
}
