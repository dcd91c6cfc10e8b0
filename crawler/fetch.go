package crawler

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// fetchError is a failed request with the reason recorded in the summary
// and what the retry logic needs to know.
type fetchError struct {
	Reason     string
	Status     int           // HTTP status, 0 when no response came
	Retryable  bool          // worth another attempt after a pause
	RetryAfter time.Duration // the server's Retry-After, capped; 0 if none
	Err        error
}

func (e *fetchError) Error() string {
	if e.Err != nil {
		return e.Reason + ": " + e.Err.Error()
	}
	return e.Reason
}

func (e *fetchError) Unwrap() error { return e.Err }

// response is one HTTP answer, its body read under the caps and its
// Content-Encoding removed (the charset is left as served).
type response struct {
	URL         *url.URL // the URL requested
	Status      int
	Header      http.Header
	Body        []byte
	ContentType string
	// Redirects counts the redirects followed to get here, those of
	// earlier hops to other origins included.
	Redirects int
}

// formatSize says n bytes the way a failure reason should: "10 MB".
func formatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

var gzipMagic = []byte{0x1f, 0x8b}

// readBody reads at most max bytes of the body, then undoes a gzip
// Content-Encoding (or a gzip file such as sitemap.xml.gz) with the same
// cap on the decompressed size, so neither a huge page nor a small gzip
// bomb can exhaust memory.
func readBody(resp *http.Response, max int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(raw)) > max {
		return nil, &fetchError{Reason: "body exceeds " + formatSize(max)}
	}
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	switch enc {
	case "", "identity":
		if !bytes.HasPrefix(raw, gzipMagic) {
			return raw, nil
		}
	case "gzip", "x-gzip":
	default:
		return nil, &fetchError{Reason: "unsupported Content-Encoding " + enc}
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		if enc == "" || enc == "identity" {
			return raw, nil // only looked like gzip
		}
		return nil, &fetchError{Reason: "bad gzip body", Err: err}
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if int64(len(out)) > max {
		return nil, &fetchError{Reason: "decompressed body exceeds " + formatSize(max)}
	}
	if err != nil {
		return nil, &fetchError{Reason: "bad gzip body", Err: err}
	}
	if enc != "" && enc != "identity" && bytes.HasPrefix(out, gzipMagic) {
		// A .xml.gz served with Content-Encoding: gzip is gzipped twice.
		if zr, err := gzip.NewReader(bytes.NewReader(out)); err == nil {
			inner, err := io.ReadAll(io.LimitReader(zr, max+1))
			if int64(len(inner)) > max {
				return nil, &fetchError{Reason: "decompressed body exceeds " + formatSize(max)}
			}
			if err == nil {
				return inner, nil
			}
		}
	}
	return out, nil
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP
// date, relative to now. A date in the past means "now".
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		if n > int64(365*24*time.Hour/time.Second) {
			n = int64(365 * 24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// backoff returns the pause before retry number attempt (0 first):
// exponential from base, with up to 50% jitter so that many crawlers
// failing together do not retry together, capped at max.
func backoff(attempt int, base, max time.Duration) time.Duration {
	d := base
	for i := 0; i < attempt && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	return d + time.Duration(rand.Int64N(int64(d)/2+1))
}

// classify turns a transport error into a fetchError with a short reason.
func classify(err error, timeout time.Duration) *fetchError {
	var fe *fetchError
	if errors.As(err, &fe) {
		return fe
	}
	if errors.Is(err, ErrPrivateAddress) {
		var msg string
		for e := err; e != nil; e = errors.Unwrap(e) {
			if strings.HasPrefix(e.Error(), ErrPrivateAddress.Error()) {
				msg = e.Error()
				break
			}
		}
		if msg == "" {
			msg = ErrPrivateAddress.Error()
		}
		return &fetchError{Reason: msg, Err: ErrPrivateAddress}
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return &fetchError{Reason: "timeout after " + timeout.String(), Err: err}
	}
	if errors.Is(err, context.Canceled) {
		return &fetchError{Reason: "canceled", Err: err}
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return &fetchError{Reason: "DNS lookup failed", Err: err, Retryable: dnsErr.IsTemporary}
	}
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var invalid x509.CertificateInvalidError
	if errors.As(err, &certErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostErr) || errors.As(err, &invalid) {
		return &fetchError{Reason: "TLS certificate not valid", Err: err}
	}
	// Refused or reset connections are often a server restarting.
	return &fetchError{Reason: "request failed", Err: err, Retryable: true}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// statusError turns an unwanted HTTP status into a fetchError.
func statusError(resp *http.Response, now time.Time, maxRetryAfter time.Duration) *fetchError {
	fe := &fetchError{Reason: fmt.Sprintf("HTTP %d", resp.StatusCode), Status: resp.StatusCode}
	switch resp.StatusCode {
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		fe.Retryable = true
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now); ok {
			fe.RetryAfter = min(d, maxRetryAfter)
		}
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		fe.Retryable = true
	}
	return fe
}
