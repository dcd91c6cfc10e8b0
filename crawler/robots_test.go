package crawler

import (
	"testing"
	"time"
)

func TestRobotsMatching(t *testing.T) {
	const site = `# a news site
User-agent: *
Disallow: /search
Disallow: /private/
Crawl-delay: 2

User-agent: klaim
Disallow: /secret
Allow: /secret/public
Crawl-delay: 5

User-agent: BadBot
Disallow: /
`
	tests := []struct {
		name   string
		status int
		body   string
		agent  string
		path   string
		want   bool
		delay  time.Duration
	}{
		{"own group allows what * disallows", 200, site, "klaim", "/private/a", true, 5 * time.Second},
		{"own group disallows", 200, site, "klaim", "/secret/x", false, 5 * time.Second},
		{"longest rule wins", 200, site, "klaim", "/secret/public/a", true, 5 * time.Second},
		{"other agent gets *", 200, site, "otherbot", "/private/a", false, 2 * time.Second},
		{"* allows the rest", 200, site, "otherbot", "/news/1", true, 2 * time.Second},
		{"agent match ignores case", 200, site, "badbot", "/news/1", false, 0},
		{"query is matched", 200, site, "otherbot", "/search?q=x", false, 2 * time.Second},
		{"404 allows all", 404, "", "klaim", "/secret", true, 0},
		{"403 allows all", 403, "", "klaim", "/secret", true, 0},
		{"empty file allows all", 200, "", "klaim", "/secret", true, 0},
		{"wildcard", 200, "User-agent: *\nDisallow: /*.pdf$\n", "klaim", "/a/b.pdf", false, 0},
		{"wildcard other", 200, "User-agent: *\nDisallow: /*.pdf$\n", "klaim", "/a/b.html", true, 0},
		{"disallow all", 200, "User-agent: *\nDisallow: /\n", "klaim", "/", false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := parseRobots(tt.status, []byte(tt.body), tt.agent, time.Now())
			if got := r.allowed(tt.path); got != tt.want {
				t.Errorf("allowed(%q) = %v, want %v", tt.path, got, tt.want)
			}
			if got := r.crawlDelay(); got != tt.delay {
				t.Errorf("crawlDelay = %v, want %v", got, tt.delay)
			}
		})
	}
}

func TestAgentToken(t *testing.T) {
	for in, want := range map[string]string{
		DefaultUserAgent:       "klaim",
		"KlaimBot/2 (+x)":      "klaimbot",
		"plain":                "plain",
		"Mozilla/5.0 (compat)": "mozilla",
	} {
		if got := agentToken(in); got != want {
			t.Errorf("agentToken(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRobotsPauseStatus(t *testing.T) {
	for status, want := range map[int]bool{200: false, 404: false, 429: true, 500: true, 503: true} {
		if got := robotsPauseStatus(status); got != want {
			t.Errorf("robotsPauseStatus(%d) = %v, want %v", status, got, want)
		}
	}
}
