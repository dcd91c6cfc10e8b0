// Package crawler fetches news pages politely and hands them to a
// klaim.Ingester: per-host serial requests with a delay, robots.txt and its
// Crawl-delay, backoff and Retry-After, bounded bodies and redirects, no
// private addresses, and a resumable bbolt frontier under DataDir/crawl.
// Seeds may be article pages, RSS/Atom feeds, sitemaps, sitemap indexes
// and news sitemaps; the kind is told from the content. Dedup, in the same
// package, finds exact and near-duplicate article texts.
//
// The crawler does not extract articles: it finds links, canonicals and
// "show all" versions itself and passes the raw page bytes on.
package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/klaim/klaim"
	"golang.org/x/net/publicsuffix"
)

// DefaultUserAgent names the crawler and where to learn about it.
const DefaultUserAgent = "klaim/0.1 (+https://github.com/klaim/klaim)"

// Config says how to crawl. The zero value of a field means its default.
type Config struct {
	// DataDir holds the frontier, under DataDir/crawl.
	DataDir string
	// UserAgent is sent with every request; its first token ("klaim") is
	// what robots.txt groups are matched on. Default DefaultUserAgent.
	UserAgent string
	// MaxPages caps the documents (pages, feeds, sitemaps; not robots.txt)
	// fetched by one Run; 0 means no cap. What is left stays queued for the
	// next Run.
	MaxPages int
	// Depth is how many links away from the seeds to follow; 0 fetches
	// the seeds only. Entries of a seed feed or sitemap count as seeds.
	// (klaim crawl's --depth defaults to 1.)
	Depth int
	// Delay is the pause between two requests to one host, at least 1s
	// (default 1s) unless Clock is set, as in tests.
	Delay time.Duration
	// MaxCrawlDelay caps a robots.txt Crawl-delay (default 30s).
	MaxCrawlDelay time.Duration
	// AllowPrivate allows loopback, private and link-local addresses.
	AllowPrivate bool
	// Include, when set, keeps only followed URLs matching one of them;
	// Exclude drops followed URLs matching any. Seeds are not filtered.
	Include, Exclude []*regexp.Regexp
	// Revisit is how long a fetched page is not fetched again (default 24h).
	Revisit time.Duration
	// FeedRevisit is the same for feeds and sitemaps, which change more
	// often; they are re-fetched with a conditional GET (default 10m).
	FeedRevisit time.Duration
	// Progress, when set, receives a progress line every ProgressEvery
	// (default 5s) and at the end.
	Progress      io.Writer
	ProgressEvery time.Duration
	// AllowOffsite follows links and sitemap entries to other registrable
	// domains than the seeds' (off by default). Feed entries are followed
	// wherever they lead, since a feed is a list the user chose.
	AllowOffsite bool
	// Timeout bounds one request, body included (default 30s).
	Timeout time.Duration
	// MaxBodySize caps a body, before and after gzip decoding (default 10 MB).
	MaxBodySize int64
	// MaxRedirects caps a redirect chain (default 10).
	MaxRedirects int
	// MaxRetries is how many times a transient failure (429, 5xx, reset
	// connection) is retried (default 3).
	MaxRetries int
	// MaxRetryAfter caps the wait a Retry-After header may ask (default 5m).
	MaxRetryAfter time.Duration
	// Concurrency is how many hosts are crawled at once (default 4); each
	// host still gets one request at a time.
	Concurrency int
	// IsSkip reports whether an ingest error means "deliberately not
	// ingested" (counted as Skipped) rather than a failure.
	IsSkip func(error) bool
	// Clock replaces the wall clock (tests).
	Clock Clock

	// allowAddrs are private endpoints allowed anyway (tests).
	allowAddrs map[netip.AddrPort]bool
	// retryBase is the first backoff pause (default 2s).
	retryBase time.Duration
}

// Summary counts what one Run did.
type Summary struct {
	Fetched  int // documents fetched (2xx)
	Ingested int // pages the ingester accepted
	Failed   int
	Skipped  int // robots.txt, fragments, duplicates, not modified, not HTML …
	Failures []Failure
}

// Failure is one URL that could not be crawled, and why.
type Failure struct {
	URL    string
	Reason string
}

// Crawler crawls into an Ingester. Create it with New; it is safe for one
// Run at a time, and FetchPage may be called concurrently.
type Crawler struct {
	cfg    Config
	ing    klaim.Ingester
	clock  Clock
	front  *frontier
	client *http.Client
	agent  string

	mu      sync.Mutex
	hosts   map[string]*hostState
	scope   map[string]bool
	sum     Summary
	pages   int
	queued  int
	runCtx  context.Context
	stop    context.CancelCauseFunc
	workers sync.WaitGroup
	sem     chan struct{}
}

// hostState is what the crawler knows about one origin.
type hostState struct {
	origin string

	reqMu sync.Mutex // held for each request: one in flight per host
	next  time.Time  // earliest next request (guarded by reqMu)

	robotsMu sync.Mutex // serialises robots.txt fetches

	// guarded by Crawler.mu
	rules          *robotsRules
	robotsFailures int
	gaveUp         bool
	queue          []queued
	running        bool
}

// New opens the frontier under cfg.DataDir/crawl and returns a crawler
// that hands pages to ing.
func New(cfg Config, ing klaim.Ingester) (*Crawler, error) {
	if cfg.DataDir == "" {
		return nil, errors.New("crawler: no DataDir")
	}
	if ing == nil {
		return nil, errors.New("crawler: no Ingester")
	}
	front, err := openFrontier(cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("crawler: %w", err)
	}
	c := newCrawler(cfg)
	c.ing, c.front = ing, front
	return c, nil
}

// newCrawler applies the defaults of cfg and builds the HTTP client.
func newCrawler(cfg Config) *Crawler {
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Delay <= 0 {
		cfg.Delay = time.Second
	}
	if cfg.Clock == nil && cfg.Delay < time.Second {
		cfg.Delay = time.Second
	}
	if cfg.Depth < 0 {
		cfg.Depth = 0
	}
	setDefault(&cfg.MaxCrawlDelay, 30*time.Second)
	setDefault(&cfg.Revisit, 24*time.Hour)
	setDefault(&cfg.FeedRevisit, 10*time.Minute)
	setDefault(&cfg.ProgressEvery, 5*time.Second)
	setDefault(&cfg.Timeout, 30*time.Second)
	setDefault(&cfg.MaxRetryAfter, 5*time.Minute)
	setDefault(&cfg.retryBase, 2*time.Second)
	setDefault(&cfg.MaxBodySize, 10<<20)
	setDefault(&cfg.MaxRedirects, 10)
	if cfg.MaxRetries < 0 {
		cfg.MaxRetries = 0
	} else if cfg.MaxRetries == 0 {
		cfg.MaxRetries = 3
	}
	setDefault(&cfg.Concurrency, 4)
	clock := cfg.Clock
	if clock == nil {
		clock = wallClock{}
	}
	guard := addrGuard{allowPrivate: cfg.AllowPrivate, allow: cfg.allowAddrs}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us, past the address guard
		DialContext:           guard.dialContext(10 * time.Second),
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   2,
		DisableCompression:    true, // gzip is decoded by readBody, under a size cap
	}
	client := &http.Client{
		Transport: transport,
		// Redirects are followed by the crawler, hop by hop, to check each
		// against loops, the cap and robots.txt.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	return &Crawler{
		cfg:    cfg,
		clock:  clock,
		client: client,
		agent:  agentToken(cfg.UserAgent),
		hosts:  map[string]*hostState{},
		scope:  map[string]bool{},
	}
}

// Fetcher fetches single pages with the crawler's manners (robots.txt,
// per-host delay, address guard, size caps) but no frontier, so a server
// can hold one while `klaim crawl` runs on the same DataDir. It implements
// the ingest pipeline's PageFetcher.
type Fetcher struct {
	c *Crawler
}

// NewFetcher returns a Fetcher; cfg.DataDir and the crawl-only fields are
// ignored.
func NewFetcher(cfg Config) *Fetcher {
	return &Fetcher{c: newCrawler(cfg)}
}

// FetchPage fetches one page; see Crawler.FetchPage.
func (f *Fetcher) FetchPage(ctx context.Context, pageURL string) (body []byte, contentType string, err error) {
	return f.c.FetchPage(ctx, pageURL)
}

func setDefault[T comparable](v *T, d T) {
	var zero T
	if *v == zero {
		*v = d
	}
}

// Close closes the frontier.
func (c *Crawler) Close() error {
	if c.front == nil {
		return nil
	}
	c.client.CloseIdleConnections()
	return c.front.Close()
}

// Run crawls from seeds and from whatever an earlier Run left queued or in
// flight in the same DataDir, until nothing is left to fetch, MaxPages is
// reached or ctx is done. Failures of single URLs are in the Summary; the
// error is for ctx and frontier (disk) errors.
func (c *Crawler) Run(ctx context.Context, seeds []string) (Summary, error) {
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	c.mu.Lock()
	c.sum, c.pages, c.queued = Summary{}, 0, 0
	c.runCtx, c.stop = ctx, stop
	c.sem = make(chan struct{}, c.cfg.Concurrency)
	c.mu.Unlock()

	_, failed, err := c.front.recover(c.clock.Now())
	if err != nil {
		return Summary{}, fmt.Errorf("crawl: %w", err)
	}
	for _, f := range failed {
		c.fail(f.URL, f.Reason)
	}
	pending, err := c.front.pending()
	if err != nil {
		return Summary{}, fmt.Errorf("crawl: %w", err)
	}
	for _, q := range pending {
		if u, err := url.Parse(q.URL); err == nil {
			c.addScope(u)
		}
	}
	for _, s := range seeds {
		u, err := url.Parse(strings.TrimSpace(s))
		if err == nil {
			u, err = normalize(u)
		}
		if err != nil {
			c.fail(s, "bad seed URL: "+err.Error())
			continue
		}
		c.addScope(u)
	}
	for _, q := range pending {
		c.schedule(q, false)
	}
	for _, s := range seeds {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil {
			if u, err = normalize(u); err == nil {
				c.enqueue(u, record{Depth: 0}, enqueueSeed)
			}
		}
	}

	progressDone := make(chan struct{})
	var progressWG sync.WaitGroup
	if c.cfg.Progress != nil {
		progressWG.Add(1)
		go func() {
			defer progressWG.Done()
			c.reportProgress(progressDone)
		}()
	}
	c.workers.Wait()
	close(progressDone)
	progressWG.Wait()

	c.mu.Lock()
	sum := c.sum
	sum.Failures = append([]Failure(nil), c.sum.Failures...)
	c.mu.Unlock()
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return sum, fmt.Errorf("crawl: %w", cause)
	}
	return sum, ctx.Err()
}

// addScope adds the registrable domain of u to the sites links may lead to.
func (c *Crawler) addScope(u *url.URL) {
	c.mu.Lock()
	c.scope[registrable(u.Hostname())] = true
	c.mu.Unlock()
}

// registrable is the domain a site owner registered ("kompas.com" for
// "nasional.kompas.com"); IP addresses and single labels stand for
// themselves.
func registrable(host string) string {
	if _, err := netip.ParseAddr(host); err == nil {
		return host
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return d
}

func origin(u *url.URL) string { return u.Scheme + "://" + u.Host }

// enqueueHow says where a URL came from, which decides the filters.
type enqueueHow int

const (
	enqueueLink         enqueueHow = iota // a link of a page: scope, Include, Exclude
	enqueueEntry                          // a sitemap entry: the same
	enqueueFeedEntry                      // a feed entry: Include, Exclude (feeds may list other sites)
	enqueueSitemapChild                   // a sitemap of a sitemap index: scope, Exclude
	enqueueSeed                           // a seed: no filter
	enqueueShowAll                        // the single-page version: no filter, first in line
	enqueueRedirect                       // a redirect to another origin: scope
)

// enqueue queues u (unless filtered out or already known) and starts its
// host's worker.
func (c *Crawler) enqueue(u *url.URL, r record, how enqueueHow) {
	c.enqueueAll([]*url.URL{u}, r, how)
}

// enqueueAll queues the URLs that pass the filters, all with record r, in
// one frontier transaction (one fsync for a whole sitemap), and starts
// their hosts' workers.
func (c *Crawler) enqueueAll(us []*url.URL, r record, how enqueueHow) {
	var keys []string
	for _, u := range us {
		if c.admit(u, how) {
			keys = append(keys, u.String())
		}
	}
	if len(keys) == 0 {
		return
	}
	// A seed that failed before is tried again: the user asks for it, and
	// the cause (a flag, the network) may be gone.
	qs, whys, err := c.front.enqueue(keys, r, c.clock.Now(), c.window, how == enqueueSeed)
	if err != nil {
		c.abort(err)
		return
	}
	for _, why := range whys {
		if how == enqueueSeed && why != whyQueued {
			c.skip()
		}
	}
	for _, q := range qs {
		c.schedule(q, how == enqueueShowAll)
	}
}

// admit applies scope, Include and Exclude as how asks.
func (c *Crawler) admit(u *url.URL, how enqueueHow) bool {
	if how == enqueueSeed || how == enqueueShowAll {
		return true
	}
	c.mu.Lock()
	inScope := c.cfg.AllowOffsite || c.scope[registrable(u.Hostname())] || how == enqueueFeedEntry
	c.mu.Unlock()
	if !inScope {
		return false
	}
	return how == enqueueRedirect || c.filtered(u.String(), how == enqueueSitemapChild)
}

// filtered applies Include and Exclude; sitemaps listed by a sitemap index
// are exempt from Include, which is meant for article URLs.
func (c *Crawler) filtered(s string, sitemapChild bool) bool {
	for _, re := range c.cfg.Exclude {
		if re.MatchString(s) {
			return false
		}
	}
	if len(c.cfg.Include) == 0 || sitemapChild {
		return true
	}
	for _, re := range c.cfg.Include {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// window is how long after being finished a URL is left alone.
func (c *Crawler) window(r record) time.Duration {
	switch r.Kind {
	case KindFeed, KindSitemap, KindSitemapIndex:
		return c.cfg.FeedRevisit
	}
	return c.cfg.Revisit
}

// host returns the state of an origin, creating it.
func (c *Crawler) host(o string) *hostState {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hostLocked(o)
}

func (c *Crawler) hostLocked(o string) *hostState {
	h := c.hosts[o]
	if h == nil {
		h = &hostState{origin: o}
		c.hosts[o] = h
	}
	return h
}

// schedule adds q to its host's queue and starts the host's worker.
func (c *Crawler) schedule(q queued, first bool) {
	u, err := url.Parse(q.URL)
	if err != nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hostLocked(origin(u))
	if first {
		h.queue = append([]queued{q}, h.queue...)
	} else {
		h.queue = append(h.queue, q)
	}
	c.queued++
	if !h.running && c.runCtx != nil && c.runCtx.Err() == nil {
		h.running = true
		c.workers.Add(1)
		go c.work(c.runCtx, h)
	}
}

// work drains one host's queue, one URL at a time.
func (c *Crawler) work(ctx context.Context, h *hostState) {
	defer c.workers.Done()
	select {
	case c.sem <- struct{}{}:
		defer func() { <-c.sem }()
	case <-ctx.Done():
		c.mu.Lock()
		h.running = false
		c.mu.Unlock()
		return
	}
	for {
		c.mu.Lock()
		if ctx.Err() != nil || len(h.queue) == 0 || c.budgetSpentLocked() || h.gaveUp {
			if h.gaveUp {
				c.sum.Skipped += len(h.queue) // they stay queued in the frontier
			}
			c.queued -= len(h.queue)
			h.queue = nil
			h.running = false
			c.mu.Unlock()
			return
		}
		q := h.queue[0]
		h.queue = h.queue[1:]
		c.queued--
		c.mu.Unlock()
		c.process(ctx, h, q)
	}
}

func (c *Crawler) budgetSpentLocked() bool {
	return c.cfg.MaxPages > 0 && c.pages >= c.cfg.MaxPages
}

// reservePage counts one document against MaxPages, or reports false.
func (c *Crawler) reservePage() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.budgetSpentLocked() {
		return false
	}
	c.pages++
	return true
}

func (c *Crawler) fail(u, reason string) {
	c.mu.Lock()
	c.sum.Failed++
	c.sum.Failures = append(c.sum.Failures, Failure{URL: u, Reason: reason})
	c.mu.Unlock()
}

func (c *Crawler) skip() {
	c.mu.Lock()
	c.sum.Skipped++
	c.mu.Unlock()
}

// abort stops the run on an error of the crawler itself (the frontier
// could not be written), which no later URL would escape.
func (c *Crawler) abort(err error) {
	c.mu.Lock()
	stop := c.stop
	c.mu.Unlock()
	if stop != nil {
		stop(err)
	}
}

// reportProgress writes a progress line every ProgressEvery until done.
func (c *Crawler) reportProgress(done <-chan struct{}) {
	start := time.Now()
	t := time.NewTicker(c.cfg.ProgressEvery)
	defer t.Stop()
	line := func() {
		c.mu.Lock()
		s, q := c.sum, c.queued
		c.mu.Unlock()
		rate := float64(s.Fetched) / max(time.Since(start).Seconds(), 1e-3)
		fmt.Fprintf(c.cfg.Progress, "crawl: fetched %d, ingested %d, queued %d, failed %d, skipped %d, %.2f pages/s\n",
			s.Fetched, s.Ingested, q, s.Failed, s.Skipped, rate)
	}
	for {
		select {
		case <-done:
			line()
			return
		case <-t.C:
			line()
		}
	}
}

// hostDelay is the pause between two requests to h: Delay, or the site's
// Crawl-delay when longer, up to MaxCrawlDelay.
func (c *Crawler) hostDelay(h *hostState) time.Duration {
	c.mu.Lock()
	cd := h.rules.crawlDelay()
	c.mu.Unlock()
	return max(c.cfg.Delay, min(cd, c.cfg.MaxCrawlDelay))
}

// request makes one GET to h, waiting first until h's delay has passed;
// no other request to h runs meanwhile.
func (c *Crawler) request(ctx context.Context, h *hostState, u *url.URL, hdr http.Header) (*response, error) {
	h.reqMu.Lock()
	defer h.reqMu.Unlock()
	if d := h.next.Sub(c.clock.Now()); d > 0 {
		if err := c.clock.Sleep(ctx, d); err != nil {
			return nil, err
		}
	}
	defer func() { h.next = c.clock.Now().Add(c.hostDelay(h)) }()
	rctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip")
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,*/*;q=0.8")
	}
	req.Header.Set("Accept-Language", "id,en;q=0.8")
	resp, err := c.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := readBody(resp, c.cfg.MaxBodySize)
	if err != nil {
		return nil, err
	}
	return &response{
		URL:         u,
		Status:      resp.StatusCode,
		Header:      resp.Header,
		Body:        body,
		ContentType: resp.Header.Get("Content-Type"),
	}, nil
}

// pauseHost makes the next request to h wait until at least t.
func (c *Crawler) pauseHost(h *hostState, t time.Time) {
	h.reqMu.Lock()
	if t.After(h.next) {
		h.next = t
	}
	h.reqMu.Unlock()
}

// requestWithRetry is request, retried with exponential backoff (or the
// server's Retry-After) on transient failures. A non-2xx/3xx status is an
// error.
func (c *Crawler) requestWithRetry(ctx context.Context, h *hostState, u *url.URL, hdr http.Header) (*response, error) {
	for attempt := 0; ; attempt++ {
		resp, err := c.request(ctx, h, u, hdr)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var fe *fetchError
		if err != nil {
			fe = classify(err, c.cfg.Timeout)
		} else if resp.Status >= 400 || resp.Status < 200 {
			fe = statusError(&http.Response{StatusCode: resp.Status, Header: resp.Header}, c.clock.Now(), c.cfg.MaxRetryAfter)
		} else {
			return resp, nil
		}
		if !fe.Retryable || attempt >= c.cfg.MaxRetries {
			if attempt > 0 {
				fe.Reason += fmt.Sprintf(" (after %d attempts)", attempt+1)
			}
			return nil, fe
		}
		wait := fe.RetryAfter
		if wait == 0 {
			wait = backoff(attempt, c.cfg.retryBase, 2*time.Minute)
		}
		c.pauseHost(h, c.clock.Now().Add(wait))
	}
}

var errHostPaused = errors.New("host paused: robots.txt unavailable")

// robotsFor returns the robots.txt rules of h, fetching them when absent or
// older than a day. A robots.txt answering 429 or 5xx (or not at all)
// means disallow-all for a while: the host is paused and asked again, and
// after a few failures left for a later run (errHostPaused).
func (c *Crawler) robotsFor(ctx context.Context, h *hostState) (*robotsRules, error) {
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	for {
		c.mu.Lock()
		rules, gaveUp := h.rules, h.gaveUp
		c.mu.Unlock()
		if gaveUp {
			return nil, errHostPaused
		}
		now := c.clock.Now()
		if rules != nil && now.Sub(rules.fetched) < robotsTTL {
			return rules, nil
		}
		ru, _ := url.Parse(h.origin + "/robots.txt")
		resp, err := c.fetchRobots(ctx, h, ru)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var reason string
		var retryAfter time.Duration
		switch {
		case err != nil:
			fe := classify(err, c.cfg.Timeout)
			if !fe.Retryable {
				// No address, a refused private address, a bad
				// certificate: waiting will not help.
				return nil, fe
			}
			reason = fe.Reason
		case robotsPauseStatus(resp.Status):
			reason = fmt.Sprintf("HTTP %d", resp.Status)
			if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now); ok {
				retryAfter = min(d, c.cfg.MaxRetryAfter)
			}
		default:
			r, _ := parseRobots(resp.Status, resp.Body, c.agent, c.clock.Now())
			c.mu.Lock()
			h.rules, h.robotsFailures = r, 0
			c.mu.Unlock()
			// The robots.txt request itself was spaced by Delay; the next
			// one waits for the Crawl-delay just learnt.
			c.pauseHost(h, c.clock.Now().Add(c.hostDelay(h)))
			return r, nil
		}
		c.mu.Lock()
		h.robotsFailures++
		n := h.robotsFailures
		if n >= robotsFailuresBeforeGiveUp {
			h.gaveUp = true
		}
		c.mu.Unlock()
		if n >= robotsFailuresBeforeGiveUp {
			c.fail(ru.String(), fmt.Sprintf("robots.txt unavailable (%s) %d times; host left for a later run", reason, n))
			return nil, errHostPaused
		}
		if retryAfter == 0 {
			retryAfter = backoff(n-1, 30*time.Second, 10*time.Minute)
		}
		c.pauseHost(h, c.clock.Now().Add(retryAfter))
	}
}

// fetchRobots gets a robots.txt, following up to five redirects (RFC 9309)
// even to another origin, e.g. http to https.
func (c *Crawler) fetchRobots(ctx context.Context, h *hostState, u *url.URL) (*response, error) {
	for range 5 {
		resp, err := c.request(ctx, h, u, http.Header{"Accept": {"text/plain,*/*;q=0.5"}})
		if err != nil {
			return nil, err
		}
		if !isRedirect(resp.Status) {
			if resp.Status >= 200 && resp.Status < 300 && int64(len(resp.Body)) > maxRobotsSize {
				resp.Body = resp.Body[:maxRobotsSize]
			}
			return resp, nil
		}
		next, ok := resolve(u, resp.Header.Get("Location"))
		if !ok {
			break
		}
		u = next
	}
	return &response{URL: u, Status: http.StatusNotFound}, nil // too many redirects: no robots.txt
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// fetchFollow fetches u, following redirects within h's origin hop by hop
// (each checked against loops, the cap and robots.txt). A redirect to
// another origin is returned for the caller to queue, so that the other
// host's robots.txt and delay apply.
func (c *Crawler) fetchFollow(ctx context.Context, h *hostState, u *url.URL, rec record) (resp *response, offsite *url.URL, err error) {
	seen := map[string]bool{u.String(): true}
	cur := u
	hops := rec.Redirects
	for {
		hdr := http.Header{}
		if cur == u && rec.Kind != KindPage && rec.Kind != "" {
			// Feeds and sitemaps are polled: ask only for what changed.
			if rec.ETag != "" {
				hdr.Set("If-None-Match", rec.ETag)
			}
			if rec.Modified != "" {
				hdr.Set("If-Modified-Since", rec.Modified)
			}
		}
		resp, err := c.requestWithRetry(ctx, h, cur, hdr)
		if err != nil {
			return nil, nil, err
		}
		if !isRedirect(resp.Status) {
			return resp, nil, nil
		}
		loc := resp.Header.Get("Location")
		next, ok := resolve(cur, loc)
		if !ok {
			return nil, nil, &fetchError{Reason: fmt.Sprintf("redirect to unusable URL %q", loc), Status: resp.Status}
		}
		hops++
		if seen[next.String()] {
			return nil, nil, &fetchError{Reason: "redirect loop at " + next.String(), Status: resp.Status}
		}
		if hops > c.cfg.MaxRedirects {
			return nil, nil, &fetchError{Reason: fmt.Sprintf("more than %d redirects", c.cfg.MaxRedirects), Status: resp.Status}
		}
		seen[next.String()] = true
		if origin(next) != h.origin {
			resp.Redirects = hops
			return resp, next, nil
		}
		c.mu.Lock()
		rules := h.rules
		c.mu.Unlock()
		if !rules.allowed(next.RequestURI()) {
			return nil, nil, &fetchError{Reason: "redirect to " + next.String() + ", disallowed by robots.txt"}
		}
		cur = next
	}
}

// FetchPage fetches one page politely (robots.txt, the host delay, the
// address guard, the size caps), following redirects. It does not touch
// the frontier; the ingest pipeline uses it for sources given only a URL.
func (c *Crawler) FetchPage(ctx context.Context, pageURL string) (body []byte, contentType string, err error) {
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err == nil {
		u, err = normalize(u)
	}
	if err != nil {
		return nil, "", fmt.Errorf("fetch %s: %w", pageURL, err)
	}
	start := u
	for range c.cfg.MaxRedirects + 1 {
		h := c.host(origin(u))
		rules, err := c.robotsFor(ctx, h)
		if err != nil {
			return nil, "", fmt.Errorf("fetch %s: %w", start, err)
		}
		if !rules.allowed(u.RequestURI()) {
			return nil, "", fmt.Errorf("fetch %s: disallowed by robots.txt", u)
		}
		resp, next, err := c.fetchFollow(ctx, h, u, record{})
		if err != nil {
			return nil, "", fmt.Errorf("fetch %s: %w", start, err)
		}
		if next == nil {
			return resp.Body, resp.ContentType, nil
		}
		u = next
	}
	return nil, "", fmt.Errorf("fetch %s: more than %d redirects", start, c.cfg.MaxRedirects)
}
