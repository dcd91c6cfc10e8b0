package crawler

import (
	"context"
	"sync"
	"time"

	"github.com/klaim/klaim"
)

// fakeClock is a clock whose Sleep returns at once, moving the time on.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)}
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.Advance(d)
	return nil
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d > 0 {
		f.now = f.now.Add(d)
	}
}

// fakeIngester records what it is given.
type fakeIngester struct {
	mu      sync.Mutex
	sources []klaim.Source
	err     func(klaim.Source) error
}

func (f *fakeIngester) Ingest(_ context.Context, src klaim.Source) (*klaim.IngestResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		if err := f.err(src); err != nil {
			return nil, err
		}
	}
	f.sources = append(f.sources, src)
	return &klaim.IngestResult{Article: klaim.ArticleRef{URL: src.URL}}, nil
}

func (f *fakeIngester) urls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, s := range f.sources {
		out = append(out, s.URL)
	}
	return out
}
