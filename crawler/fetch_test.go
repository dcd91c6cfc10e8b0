package crawler

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 7 ", 7 * time.Second, true},
		{"0", 0, true},
		{"-5", 0, false},
		{"", 0, false},
		{"soon", 0, false},
		{"1.5", 0, false},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{"Fri, 02 Jan 2026 03:05:05 GMT", time.Minute, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"Friday, 02-Jan-26 03:04:15 GMT", 10 * time.Second, true}, // RFC 850
		{"Fri Jan  2 03:04:25 2026", 20 * time.Second, true},       // ANSI C
		{"99999999999", 365 * 24 * time.Hour, true},
	}
	for _, tt := range tests {
		got, ok := parseRetryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	base, limit := 2*time.Second, time.Minute
	for attempt, want := range []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute} {
		for range 20 {
			got := backoff(attempt, base, limit)
			if got < want || got > want+want/2 {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", attempt, got, want, want+want/2)
			}
		}
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestReadBody(t *testing.T) {
	const max = 1 << 20
	page := []byte("<html><body>halo</body></html>")
	bomb := gzipBytes(t, make([]byte, 8<<20))
	tests := []struct {
		name     string
		body     []byte
		encoding string
		want     []byte
		reason   string
	}{
		{"plain", page, "", page, ""},
		{"gzip encoding", gzipBytes(t, page), "gzip", page, ""},
		{"gzip file", gzipBytes(t, page), "", page, ""},
		{"too large", bytes.Repeat([]byte("a"), max+10), "", nil, "body exceeds 1 MB"},
		{"gzip bomb", bomb, "gzip", nil, "decompressed body exceeds 1 MB"},
		{"gzip bomb file", bomb, "", nil, "decompressed body exceeds 1 MB"},
		{"broken gzip", []byte{0x1f, 0x8b, 1, 2, 3}, "gzip", nil, "bad gzip body"},
		{"gzip file with gzip encoding", gzipBytes(t, gzipBytes(t, page)), "gzip", page, ""},
		{"bomb inside gzip encoding", gzipBytes(t, bomb), "gzip", nil, "decompressed body exceeds 1 MB"},
		{"brotli", page, "br", nil, "unsupported Content-Encoding br"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := &http.Response{Header: http.Header{}, Body: io.NopCloser(bytes.NewReader(tt.body))}
			if tt.encoding != "" {
				resp.Header.Set("Content-Encoding", tt.encoding)
			}
			got, err := readBody(resp, max)
			if tt.reason != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.reason) {
					t.Fatalf("err = %v, want %q", err, tt.reason)
				}
				return
			}
			if err != nil || !bytes.Equal(got, tt.want) {
				t.Fatalf("readBody = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{10 << 20: "10 MB", 512 << 10: "512 KB", 1000: "1000 bytes"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
