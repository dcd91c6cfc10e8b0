package crawler

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/idna"
)

// trackingParams are query keys that only say where a reader came from; two
// URLs differing in them name the same page. Keys starting with "utm_" are
// dropped too.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "msclkid": true,
	"mc_cid": true, "mc_eid": true, "ref_src": true, "ref_url": true,
	"igshid": true, "yclid": true, "twclid": true, "_ga": true, "_gl": true,
	"ocid": true, "cmpid": true, "s_cid": true, "wt_mc": true, "spm": true,
}

func isTrackingParam(key string) bool {
	k := strings.ToLower(key)
	return strings.HasPrefix(k, "utm_") || trackingParams[k]
}

// NormalizeURL returns the canonical spelling of an http or https URL, so one
// page has one frontier key: scheme and host lower-cased, the default port,
// user info and fragment dropped, dot segments resolved, an empty path made
// "/", percent-encoding made canonical, tracking parameters (utm_*, fbclid,
// gclid, mc_cid, mc_eid, ref_src …) dropped and query keys sorted (values of
// one key keep their order).
func NormalizeURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("normalize %q: %w", raw, err)
	}
	n, err := normalize(u)
	if err != nil {
		return "", fmt.Errorf("normalize %q: %w", raw, err)
	}
	return n.String(), nil
}

var errNotHTTP = errors.New("not an http or https URL")

// normalize returns a normalised copy of u.
func normalize(u *url.URL) (*url.URL, error) {
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return nil, errNotHTTP
	}
	if u.Opaque != "" {
		return nil, errors.New("opaque URL")
	}
	host := strings.TrimRight(strings.ToLower(u.Hostname()), ".")
	if host == "" {
		return nil, errors.New("no host")
	}
	if !isASCII(host) {
		// Internationalised names are kept in their ASCII (punycode) form,
		// the one DNS and the Host header use.
		a, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return nil, fmt.Errorf("bad host %q: %w", host, err)
		}
		host = strings.ToLower(a)
	}
	if strings.HasPrefix(host, ".") || strings.Contains(host, "..") || strings.ContainsAny(host, " %/\\@") {
		return nil, fmt.Errorf("bad host %q", host)
	}
	port := u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	for _, c := range port {
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("bad port %q", port)
		}
	}
	hostport := host
	if strings.Contains(host, ":") { // IPv6 literal
		hostport = "[" + host + "]"
	}
	if port != "" {
		hostport = net.JoinHostPort(host, port)
	}
	n := &url.URL{Scheme: scheme, Host: hostport}
	p := u.Path
	if p == "" || p[0] != '/' {
		p = "/" + p
	}
	n.Path = removeDotSegments(p)
	// EscapedPath of a URL without RawPath is the canonical encoding of the
	// decoded path; re-parsing it keeps the two in step.
	n.RawPath = ""
	n.RawQuery = normalizeQuery(u.RawQuery)
	return n, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// removeDotSegments applies RFC 3986 section 5.2.4 to an absolute path.
func removeDotSegments(p string) string {
	segs := strings.Split(p, "/")
	out := make([]string, 0, len(segs))
	for i, s := range segs {
		switch s {
		case ".":
			if i == len(segs)-1 {
				out = append(out, "")
			}
		case "..":
			if len(out) > 1 {
				out = out[:len(out)-1]
			}
			if i == len(segs)-1 {
				out = append(out, "")
			}
		default:
			out = append(out, s)
		}
	}
	r := strings.Join(out, "/")
	if !strings.HasPrefix(r, "/") {
		r = "/" + r
	}
	return r
}

// normalizeQuery drops tracking parameters, makes the percent-encoding of
// each key and value canonical and sorts the pairs by key.
func normalizeQuery(raw string) string {
	if raw == "" {
		return ""
	}
	type pair struct{ key, enc string }
	var pairs []pair
	for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, hasValue := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			key = k
		}
		k = url.QueryEscape(key)
		if key == "" || isTrackingParam(key) {
			continue
		}
		if val, err := url.QueryUnescape(v); err == nil {
			v = url.QueryEscape(val)
		} else {
			v = url.QueryEscape(v)
		}
		enc := k
		if hasValue {
			enc += "=" + v
		}
		pairs = append(pairs, pair{k, enc})
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].key < pairs[j].key })
	encs := make([]string, len(pairs))
	for i, p := range pairs {
		encs[i] = p.enc
	}
	return strings.Join(encs, "&")
}

// resolve resolves href against base and normalises it; it reports false for
// links the crawler cannot follow (mailto:, javascript:, malformed).
func resolve(base *url.URL, href string) (*url.URL, bool) {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil, false
	}
	ref, err := url.Parse(href)
	if err != nil {
		return nil, false
	}
	n, err := normalize(base.ResolveReference(ref))
	if err != nil {
		return nil, false
	}
	return n, true
}
