package crawler

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/temoto/robotstxt"
)

// robotsTTL is how long a fetched robots.txt is trusted (RFC 9309 asks
// crawlers not to use a cached copy for more than 24 hours).
const robotsTTL = 24 * time.Hour

// maxRobotsSize is the most of a robots.txt that is read; RFC 9309 requires
// parsing at least 500 KiB.
const maxRobotsSize = 512 << 10

// robotsFailuresBeforeGiveUp is how many times in a row robots.txt may be
// unavailable (5xx, 429, network error) before the host is left for a
// later run.
const robotsFailuresBeforeGiveUp = 3

// robotsRules are the parsed rules of one origin, reduced to the group that
// applies to the crawler's user-agent token.
type robotsRules struct {
	group   *robotstxt.Group // nil: everything allowed
	fetched time.Time
	status  int
}

// parseRobots builds the rules for agent from a robots.txt response: 2xx
// is parsed; other 4xx (no robots.txt) allow everything. Callers handle 429
// and 5xx, which pause the host instead.
func parseRobots(status int, body []byte, agent string, now time.Time) (*robotsRules, error) {
	r := &robotsRules{fetched: now, status: status}
	if status < 200 || status >= 300 {
		return r, nil
	}
	data, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		// A robots.txt the parser rejects outright is treated as absent,
		// as Google does with unparseable lines.
		return r, fmt.Errorf("parse robots.txt: %w", err)
	}
	r.group = data.FindGroup(agent)
	return r, nil
}

// allowed reports whether path (with its query) may be fetched.
func (r *robotsRules) allowed(pathQuery string) bool {
	if r == nil || r.group == nil {
		return true
	}
	return r.group.Test(pathQuery)
}

// crawlDelay is the Crawl-delay the site asks of this agent, 0 if none.
func (r *robotsRules) crawlDelay() time.Duration {
	if r == nil || r.group == nil {
		return 0
	}
	return r.group.CrawlDelay
}

// robotsPauseStatus reports whether a robots.txt answer means "come back
// later": the host is treated as disallow-all until then.
func robotsPauseStatus(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// agentToken is the product token robots.txt groups are matched on:
// "klaim/0.1 (+https://…)" → "klaim".
func agentToken(userAgent string) string {
	tok := userAgent
	if i := strings.IndexAny(tok, "/ "); i >= 0 {
		tok = tok[:i]
	}
	return strings.ToLower(strings.TrimSpace(tok))
}
