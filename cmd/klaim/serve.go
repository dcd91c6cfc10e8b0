package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/klaim/klaim/crawler"
	"github.com/klaim/klaim/web"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "Serve the JSON API and the web page for fact-checkers.",
		usage:   "[--addr HOST:PORT] [--api-key KEY]",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
			key := fs.String("api-key", os.Getenv("KLAIM_API_KEY"), "`key` required by POST /api/v1/articles; $KLAIM_API_KEY")
			ua := fs.String("user-agent", "", "User-Agent `string` for pages fetched by POST /api/v1/articles {\"url\"}")
			allowPrivate := fs.Bool("allow-private", false, "let POST /api/v1/articles fetch loopback and private addresses")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				k, err := openKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				// POST /api/v1/articles {"url"} fetches through the crawler, so
				// it is as polite and as guarded as a crawl.
				k.pipeline.Fetcher = crawler.NewFetcher(crawler.Config{UserAgent: *ua, AllowPrivate: *allowPrivate})
				return serveKB(ctx, g, k, *addr, *key, nil)
			}
		},
	})
}

// serveKB serves the knowledge base on addr until ctx is done, then shuts
// down gracefully. ready, when set, is called with the base URL once the
// listener is open.
func serveKB(ctx context.Context, g *globals, k *kb, addr, apiKey string, ready func(base string)) error {
	logger := slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	h, err := web.New(web.Config{Store: k.store, Index: k.index, Ingester: k.pipeline, APIKey: apiKey, Logger: logger})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	base := "http://" + ln.Addr().String()
	if ready != nil {
		ready(base)
	} else {
		fmt.Fprintf(g.stderr, "klaim: serving %s on %s (Ctrl-C stops)\n", g.dataDir, base)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", addr, err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	fmt.Fprintln(g.stderr, "klaim: stopped")
	return nil
}
