package crawler

import (
	"net/url"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"HTTP://WWW.Kompas.COM/read/1", "http://www.kompas.com/read/1"},
		{"https://kompas.com:443/a", "https://kompas.com/a"},
		{"http://kompas.com:80/a", "http://kompas.com/a"},
		{"http://kompas.com:8080/a", "http://kompas.com:8080/a"},
		{"https://detik.com", "https://detik.com/"},
		{"https://detik.com/a#komentar", "https://detik.com/a"},
		{"https://detik.com/a/./b/../c", "https://detik.com/a/c"},
		{"https://detik.com/a?utm_source=fb&utm_medium=x&id=3", "https://detik.com/a?id=3"},
		{"https://detik.com/a?fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&ref_src=twsrc", "https://detik.com/a"},
		{"https://detik.com/a?b=2&a=1&c=3", "https://detik.com/a?a=1&b=2&c=3"},
		{"https://detik.com/a?b=2&a=1&b=1", "https://detik.com/a?a=1&b=2&b=1"},
		{"https://detik.com/a?q=hello+world", "https://detik.com/a?q=hello+world"},
		{"https://detik.com/a?q=hello%20world", "https://detik.com/a?q=hello+world"},
		{"https://detik.com/caf%c3%a9", "https://detik.com/caf%C3%A9"},
		{"https://detik.com/%7Euser", "https://detik.com/~user"},
		{"https://user:pw@detik.com/a", "https://detik.com/a"},
		{"https://detik.com./a", "https://detik.com/a"},
		{"https://[::1]:443/a", "https://[::1]/a"},
		{"https://[::1]:8443/a", "https://[::1]:8443/a"},
		{"https://detik.com/a?", "https://detik.com/a"},
		{"https://kompas.com/read/1?page=all&utm_campaign=x", "https://kompas.com/read/1?page=all"},
		{"https://Bücher.example/a", "https://xn--bcher-kva.example/a"},
	}
	for _, tt := range tests {
		got, err := NormalizeURL(tt.in)
		if err != nil {
			t.Errorf("NormalizeURL(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"mailto:a@b.c", "javascript:void(0)", "ftp://x/y", "/relative", "http://", "http://a b/"} {
		if got, err := NormalizeURL(bad); err == nil {
			t.Errorf("NormalizeURL(%q) = %q, want an error", bad, got)
		}
	}
}

func TestResolve(t *testing.T) {
	base, _ := url.Parse("https://news.example.id/read/2024/01/02/judul")
	tests := []struct {
		href, want string
		ok         bool
	}{
		{"../03/lain?utm_source=x", "https://news.example.id/read/2024/01/03/lain", true},
		{"//cdn.example.id/a", "https://cdn.example.id/a", true},
		{"#top", "", false},
		{"mailto:redaksi@example.id", "", false},
		{"javascript:void(0)", "", false},
		{"  /b  ", "https://news.example.id/b", true},
	}
	for _, tt := range tests {
		u, ok := resolve(base, tt.href)
		if ok != tt.ok || (ok && u.String() != tt.want) {
			t.Errorf("resolve(%q) = %v, %v; want %q, %v", tt.href, u, ok, tt.want, tt.ok)
		}
	}
}

func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{
		"HTTP://WWW.Kompas.COM/read/1?utm_source=x&b=2&a=1#frag",
		"https://[::1]:443/a/../b?%zz=1&q=a+b",
		"http://x/%2F?a=%&b",
		"https://detik.com/caf%c3%a9;x=1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeURL(s)
		if err != nil {
			return
		}
		again, err := NormalizeURL(n)
		if err != nil {
			t.Fatalf("NormalizeURL(%q) = %q, which does not normalise: %v", s, n, err)
		}
		if again != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, again)
		}
	})
}
