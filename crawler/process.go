package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/klaim/klaim"
)

// process crawls one queued URL of host h: robots.txt, the fetch, and what
// the document leads to. The frontier record is finished last, so a crash
// before that leaves the URL in flight, to be retried once on resume.
func (c *Crawler) process(ctx context.Context, h *hostState, q queued) {
	rec, ok, err := c.front.get(q.URL)
	if err != nil {
		c.abort(err)
		return
	}
	if !ok || rec.State != stateQueued || rec.Seq != q.Seq {
		return // finished meanwhile by another path (as a canonical, say)
	}
	u, err := url.Parse(q.URL)
	if err != nil {
		return
	}
	rules, err := c.robotsFor(ctx, h)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, errHostPaused) {
			if errors.Is(err, errHostPaused) {
				c.skip() // stays queued for a later run
			}
			return
		}
		if _, ok, terr := c.front.take(q); terr == nil && ok {
			c.finishFailed(q.URL, rec, classify(err, c.cfg.Timeout).Reason)
		}
		return
	}
	if !rules.allowed(u.RequestURI()) {
		if _, ok, err := c.front.take(q); err != nil {
			c.abort(err)
		} else if ok {
			c.finishSkipped(q.URL, rec, "disallowed by robots.txt")
		}
		return
	}
	if !c.reservePage() {
		return // MaxPages reached: stays queued
	}
	rec, ok, err = c.front.take(q)
	if err != nil {
		c.abort(err)
		return
	}
	if !ok {
		return
	}
	resp, offsite, err := c.fetchFollow(ctx, h, u, rec)
	if ctx.Err() != nil {
		// Not the page's fault: queue it again, without spending its
		// one retry after a crash.
		rec.State = stateQueued
		if _, err := c.front.requeue(q.URL, rec); err != nil {
			c.abort(err)
		}
		return
	}
	switch {
	case err != nil:
		c.finishFailed(q.URL, rec, classify(err, c.cfg.Timeout).Reason)
	case offsite != nil:
		c.followOffsite(q.URL, rec, offsite, resp)
	case resp.Status == http.StatusNotModified:
		rec.State, rec.At = stateDone, c.clock.Now()
		c.finishRecord(q.URL, rec)
		c.skip()
		var us []*url.URL
		for _, child := range rec.Children {
			if cu, err := url.Parse(child); err == nil {
				us = append(us, cu)
			}
		}
		c.enqueueAll(us, record{Depth: rec.Depth}, enqueueSitemapChild)
	default:
		c.mu.Lock()
		c.sum.Fetched++
		c.mu.Unlock()
		c.handle(ctx, q.URL, rec, resp)
	}
}

// followOffsite records a redirect to another origin and queues its target,
// which is then crawled under its own host's robots.txt and delay.
func (c *Crawler) followOffsite(from string, rec record, to *url.URL, resp *response) {
	target := to.String()
	back, err := c.front.resolve(target)
	if err != nil {
		c.abort(err)
		return
	}
	if back == from {
		c.finishFailed(from, rec, "redirect loop via "+target)
		return
	}
	hops := resp.Redirects // fetchFollow has checked them against the cap
	if err := c.front.setAlias(from, target); err != nil {
		c.abort(err)
		return
	}
	rec.State, rec.At, rec.Reason = stateDone, c.clock.Now(), fmt.Sprintf("HTTP %d to %s", resp.Status, target)
	c.finishRecord(from, rec)
	if rec.Depth == 0 {
		c.addScope(to) // a seed moved: its new site is in scope
	}
	c.enqueue(to, record{Depth: rec.Depth, Redirects: hops, ShowAll: rec.ShowAll}, enqueueRedirect)
}

// handle acts on a fetched document: queue a sitemap's or feed's entries,
// or ingest a page and queue its links.
func (c *Crawler) handle(ctx context.Context, key string, rec record, resp *response) {
	now := c.clock.Now()
	final := resp.URL
	if fs := final.String(); fs != key {
		if err := c.front.setAlias(key, fs); err != nil {
			c.abort(err)
			return
		}
		if frec, ok, err := c.front.get(fs); err == nil && ok && frec.Ingested && now.Sub(frec.At) < c.cfg.Revisit {
			rec.State, rec.At, rec.Reason = stateSkipped, now, "redirects to "+fs+", already ingested"
			c.finishRecord(key, rec)
			c.skip()
			return
		}
	}
	kind := DetectKind(resp.Body, resp.ContentType)
	rec.Kind = kind
	switch kind {
	case KindFeed, KindSitemap, KindSitemapIndex:
		rec.ETag, rec.Modified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		var links []string
		var err error
		how := enqueueEntry
		if kind == KindFeed {
			links, err = parseFeed(resp.Body)
			how = enqueueFeedEntry
		} else {
			links, err = parseSitemap(resp.Body)
			if kind == KindSitemapIndex {
				how = enqueueSitemapChild
			}
		}
		if err != nil && len(links) == 0 {
			c.finishFailed(key, rec, fmt.Sprintf("bad %s: %v", kind, err))
			return
		}
		rec.Children = nil
		var us []*url.URL
		for _, l := range links {
			if u, ok := resolve(final, l); ok {
				us = append(us, u)
				if kind == KindSitemapIndex {
					rec.Children = append(rec.Children, u.String())
				}
			}
		}
		c.enqueueAll(us, record{Depth: rec.Depth}, how)
		rec.State, rec.At = stateDone, now
		c.markFinal(key, final.String(), rec)
		c.finishRecord(key, rec)
	case KindPage:
		c.handlePage(ctx, key, rec, resp)
		return
	default:
		c.finishSkipped(key, rec, "not HTML ("+resp.ContentType+")")
	}
}

// handlePage ingests a page, unless it is a fragment of an article with a
// single-page version (then that is queued instead) or a copy of a
// canonical already ingested, and queues its links.
func (c *Crawler) handlePage(ctx context.Context, key string, rec record, resp *response) {
	now := c.clock.Now()
	final := resp.URL
	links := parseLinks(final, decodeHTML(resp.Body, resp.ContentType))
	if !rec.ShowAll {
		if all := showAllLink(final, links.Anchors); all != nil {
			if err := c.front.setAlias(key, all.String()); err != nil {
				c.abort(err)
				return
			}
			c.finishSkipped(key, rec, "fragment of "+all.String())
			c.enqueue(all, record{Depth: rec.Depth, ShowAll: true}, enqueueShowAll)
			return
		}
	}
	ingestURL := final.String()
	if cu := links.Canonical; cu != nil && cu.String() != ingestURL && c.inScope(cu) && !rootCanonical(final, cu) {
		cs := cu.String()
		back, err := c.front.resolve(cs)
		if err != nil {
			c.abort(err)
			return
		}
		if back != ingestURL && back != key {
			crec, ok, err := c.front.get(cs)
			if err != nil {
				c.abort(err)
				return
			}
			if ok && crec.Ingested && now.Sub(crec.At) < c.cfg.Revisit {
				if err := c.front.setAlias(ingestURL, cs); err != nil {
					c.abort(err)
					return
				}
				c.finishSkipped(key, rec, "duplicate of canonical "+cs)
				return
			}
			if err := c.front.setAlias(ingestURL, cs); err != nil {
				c.abort(err)
				return
			}
		}
		ingestURL = cs
	}

	rec.State, rec.At = stateDone, now
	if links.NoIndex {
		rec.Reason = "noindex"
		c.skip()
	} else {
		_, err := c.ing.Ingest(ctx, klaim.Source{URL: ingestURL, HTML: resp.Body, ContentType: resp.ContentType})
		switch {
		case err != nil && ctx.Err() != nil:
			rec.State = stateQueued
			if _, err := c.front.requeue(key, rec); err != nil {
				c.abort(err)
			}
			return
		case err != nil && c.cfg.IsSkip != nil && c.cfg.IsSkip(err):
			rec.Reason = "ingest: " + err.Error()
			c.skip()
		case err != nil:
			rec.State, rec.Reason = stateFailed, "ingest: "+err.Error()
			c.fail(ingestURL, rec.Reason)
		default:
			rec.Ingested = true
			c.mu.Lock()
			c.sum.Ingested++
			c.mu.Unlock()
			if ingestURL != key {
				// The canonical now counts as fetched: it is not fetched again.
				err := c.front.update(ingestURL, func(r *record, exists bool) {
					if exists && (r.State == stateInflight) {
						return
					}
					r.State, r.At, r.Ingested, r.Kind, r.Seq = stateDone, now, true, KindPage, 0
					if !exists {
						r.Depth = rec.Depth
					}
				})
				if err != nil {
					c.abort(err)
					return
				}
			}
		}
	}

	if !links.NoFollow && rec.Depth < c.cfg.Depth {
		var us []*url.URL
		for _, a := range links.Anchors {
			if a.NoFollow {
				continue
			}
			if rec.ShowAll && isPageOf(final, a.URL) {
				continue // a fragment of the whole article just fetched
			}
			us = append(us, a.URL)
		}
		c.enqueueAll(us, record{Depth: rec.Depth + 1}, enqueueLink)
	}
	c.markFinal(key, final.String(), rec)
	c.finishRecord(key, rec)
}

// markFinal records that the URL a redirect ended at was fetched along
// with key, so a link to it is not fetched again.
func (c *Crawler) markFinal(key, final string, rec record) {
	if final == key {
		return
	}
	err := c.front.update(final, func(r *record, exists bool) {
		if exists && r.State == stateInflight {
			return
		}
		// A queue entry it may have goes stale (Seq 0) and is dropped.
		*r = rec
		r.Seq = 0
	})
	if err != nil {
		c.abort(err)
	}
}

// rootCanonical reports a canonical naming the site's front page for a
// page that is not: a template error some sites make, which would file
// every article under the home page.
func rootCanonical(page, canonical *url.URL) bool {
	return canonical.Path == "/" && canonical.RawQuery == "" && (page.Path != "/" || page.RawQuery != "")
}

func (c *Crawler) inScope(u *url.URL) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cfg.AllowOffsite || c.scope[registrable(u.Hostname())]
}

func (c *Crawler) finishRecord(key string, rec record) {
	if err := c.front.finish(key, rec); err != nil {
		c.abort(err)
	}
}

func (c *Crawler) finishFailed(key string, rec record, reason string) {
	rec.State, rec.At, rec.Reason = stateFailed, c.clock.Now(), reason
	c.finishRecord(key, rec)
	c.fail(key, reason)
}

func (c *Crawler) finishSkipped(key string, rec record, reason string) {
	rec.State, rec.At, rec.Reason = stateSkipped, c.clock.Now(), reason
	c.finishRecord(key, rec)
	c.skip()
}
