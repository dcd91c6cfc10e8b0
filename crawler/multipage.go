package crawler

import (
	"net/url"
	"strconv"
	"strings"
)

// Indonesian news sites split long articles over pages and offer the whole
// text on one: kompas.com and tribunnews.com with ?page=all, detik.com with
// ?single=1, others with showpage=all, behind a "Tampilkan semua" or
// "Lihat semua" link. The crawler fetches that version instead of the
// fragments, so the ingester sees the article once and whole.

// showAllQuery lists the query pairs that ask for the single-page version.
var showAllQuery = [][2]string{
	{"page", "all"}, {"single", "1"}, {"showpage", "all"}, {"show", "all"},
	{"view", "all"}, {"singlepage", "1"}, {"page", "semua"},
}

// showAllTexts are anchor texts of "the whole article" links (lower case).
var showAllTexts = []string{
	"tampilkan semua", "lihat semua", "baca semua", "tampilkan semua halaman",
	"show all", "view all", "single page", "satu halaman",
}

// pageParams are query keys that number the pages of one article.
var pageParams = map[string]bool{"page": true, "p": true, "hal": true, "halaman": true, "pg": true}

// isShowAll reports whether u asks for the single-page version.
func isShowAll(u *url.URL) bool {
	q := u.Query()
	for _, kv := range showAllQuery {
		for _, v := range q[kv[0]] {
			if strings.EqualFold(v, kv[1]) {
				return true
			}
		}
	}
	return false
}

// showAllLink returns the link of page to its own single-page version, or
// nil: a link to the same path whose query asks for it, or whose anchor
// text says "show all" and which is the same path or one of its pages.
func showAllLink(page *url.URL, anchors []anchor) *url.URL {
	if isShowAll(page) {
		return nil
	}
	for _, a := range anchors {
		u := a.URL
		if u.Scheme != page.Scheme || u.Host != page.Host || u.String() == page.String() {
			continue
		}
		same := samePath(u.Path, page.Path)
		if same && isShowAll(u) {
			return u
		}
		if !same && !isPageOf(page, u) && !isAllSuffix(page, u) {
			continue
		}
		text := strings.ToLower(a.Text)
		for _, t := range showAllTexts {
			if strings.Contains(text, t) {
				return u
			}
		}
	}
	return nil
}

// isPageOf reports whether link is another page of the article at page:
// the same path with a numeric page parameter (?page=2), or the path with
// a page number appended (/judul/2).
func isPageOf(page, link *url.URL) bool {
	if link.Scheme != page.Scheme || link.Host != page.Host {
		return false
	}
	if samePath(link.Path, page.Path) {
		lq, pq := link.Query(), page.Query()
		numbered := false
		for k := range pageParams {
			if v := lq.Get(k); v != "" {
				if _, err := strconv.Atoi(v); err != nil {
					return false
				}
				numbered = true
				lq.Del(k)
				pq.Del(k)
			}
		}
		return numbered && lq.Encode() == pq.Encode()
	}
	base := strings.TrimSuffix(stripPageNumber(page.Path), "/")
	if base == "" || strings.Count(base, "/") < 2 {
		return false // /news/2 on a section front is not an article page
	}
	rest, ok := strings.CutPrefix(link.Path, base+"/")
	if !ok {
		return false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(rest, "/"))
	return err == nil && n > 0 && n < 100
}

// isAllSuffix reports whether link is page's path followed by a segment
// naming the whole article (/judul/all).
func isAllSuffix(page, link *url.URL) bool {
	rest, ok := strings.CutPrefix(link.Path, strings.TrimSuffix(stripPageNumber(page.Path), "/")+"/")
	if !ok {
		return false
	}
	switch strings.ToLower(strings.TrimSuffix(rest, "/")) {
	case "all", "semua", "full", "single":
		return true
	}
	return false
}

// stripPageNumber removes a trailing "/N" page number from a path.
func stripPageNumber(p string) string {
	t := strings.TrimSuffix(p, "/")
	i := strings.LastIndexByte(t, '/')
	if i < 0 {
		return p
	}
	if n, err := strconv.Atoi(t[i+1:]); err == nil && n > 0 && n < 100 {
		return t[:i]
	}
	return p
}

func samePath(a, b string) bool {
	return strings.TrimSuffix(a, "/") == strings.TrimSuffix(b, "/")
}
