package crawler

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"testing"
)

func TestIsPrivateAddr(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1": true, "127.8.9.10": true, "10.1.2.3": true, "172.16.0.1": true, "172.31.255.255": true,
		"192.168.1.1": true, "100.64.0.1": true, "100.127.255.254": true, "169.254.169.254": true,
		"0.0.0.0": true, "0.1.2.3": true, "255.255.255.255": true, "224.0.0.1": true,
		"::1": true, "::": true, "fc00::1": true, "fd12:3456::1": true, "fe80::1": true,
		"::ffff:127.0.0.1": true, "::ffff:10.0.0.1": true, "::ffff:192.168.0.1": true,
		"8.8.8.8": false, "1.1.1.1": false, "172.32.0.1": false, "100.128.0.1": false,
		"2001:4860:4860::8888": false, "::ffff:8.8.8.8": false, "103.10.20.30": false,
	}
	for s, want := range tests {
		if got := isPrivateAddr(netip.MustParseAddr(s)); got != want {
			t.Errorf("isPrivateAddr(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestGuardCheck(t *testing.T) {
	g := addrGuard{allow: map[netip.AddrPort]bool{netip.MustParseAddrPort("127.0.0.1:8080"): true}}
	for addr, wantErr := range map[string]bool{
		"127.0.0.1:8080": false, "127.0.0.1:8081": true, "[::1]:80": true, "8.8.8.8:443": false,
		"[::ffff:127.0.0.1]:80": true, "not-an-address": true,
	} {
		if err := g.check(addr); (err != nil) != wantErr {
			t.Errorf("check(%s) = %v, want error %v", addr, err, wantErr)
		}
	}
	if err := (addrGuard{allowPrivate: true}).check("127.0.0.1:1"); err != nil {
		t.Errorf("allowPrivate: %v", err)
	}
}

// TestPrivateAddressRefused crawls a loopback server without AllowPrivate:
// refused directly, refused after a redirect from a "public" server (one
// allowed by endpoint, standing for the internet), and refused when a name
// (localhost) resolves to loopback, since the check runs on the address
// actually dialled.
func TestPrivateAddressRefused(t *testing.T) {
	clock := newFakeClock()
	private := newTestSite(t, clock)
	private.page("/page", "text/html", articleHTML("internal", ""))
	public := newTestSite(t, clock)
	privURL, _ := url.Parse(private.srv.URL)
	_, port, _ := net.SplitHostPort(privURL.Host)
	public.handle("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://localhost:"+port+"/page", http.StatusFound)
	})
	public.handle("/robots.txt", http.NotFound)
	pubURL, _ := url.Parse(public.srv.URL)

	ing := &fakeIngester{}
	c, err := New(Config{
		DataDir:    t.TempDir(),
		Clock:      clock,
		allowAddrs: map[netip.AddrPort]bool{netip.MustParseAddrPort(pubURL.Host): true},
	}, ing)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sum, err := c.Run(context.Background(), []string{private.srv.URL + "/page", public.srv.URL + "/go"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(private.times); n != 0 {
		t.Errorf("private server got %d requests", n)
	}
	if public.count("/go") != 1 {
		t.Errorf("public server: %v", public.counts)
	}
	reasons := map[string]string{}
	for _, f := range sum.Failures {
		reasons[f.URL] = f.Reason
	}
	if r := reasons[private.srv.URL+"/page"]; r != "refused private address 127.0.0.1" {
		t.Errorf("direct: reason %q", r)
	}
	if r := reasons["http://localhost:"+port+"/page"]; !strings.HasPrefix(r, "refused private address") {
		t.Errorf("after redirect: reason %q (failures %+v)", r, sum.Failures)
	}
	if len(ing.sources) != 0 {
		t.Errorf("ingested %q", ing.urls())
	}
	if _, _, err := c.FetchPage(context.Background(), private.srv.URL+"/page"); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("FetchPage: %v, want ErrPrivateAddress", err)
	}

	// Run again with --allow-private: the seed that failed is tried again
	// at once, though within its revisit window.
	dir := c.cfg.DataDir
	c.Close()
	c, err = New(Config{DataDir: dir, Clock: clock, AllowPrivate: true}, ing)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if sum, err := c.Run(context.Background(), []string{private.srv.URL + "/page"}); err != nil || sum.Ingested != 1 {
		t.Errorf("second run: %+v, %v; want the page ingested", sum, err)
	}
}
