// Package article turns a fetched web page into a klaim.Article: its main
// text as plain paragraphs, and its metadata (title, dates with time zone,
// authors, language, site, canonical URL and ClaimReview verdicts).
//
// Article.Text is plain text without markup: paragraphs (headings and list
// items count as paragraphs) separated by exactly "\n\n", white space inside
// a paragraph collapsed to single spaces, no leading or trailing space.
// Statement spans are byte offsets into this string.
//
// Dates keep the zone the page gave; a date written without one is read in
// WIB (+07) on Indonesian pages (lang "id" or a .id host) and in UTC
// elsewhere. Lang is "id" or "en" when the text says so, otherwise the
// language the page declares ("" when none).
//
// Extraction is rule-based and fast: one x/net/html parse, a handful of
// linear passes over the tree, no network and no model.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/klaim/klaim"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoText is returned (wrapped) when a page or file has no article text.
var ErrNoText = errors.New("no article text found")

// Extract reads a page: raw bytes in any charset, the URL it was fetched
// from (or file:///abs/path for a local file) and the Content-Type header
// ("" when unknown). It returns the article with its text and metadata, or
// an error wrapping ErrNoText when the page has no extractable text.
func Extract(raw []byte, pageURL, contentType string) (*klaim.Article, error) {
	return ExtractAt(raw, pageURL, contentType, time.Now())
}

// ExtractAt is Extract with the reference time for relative dates ("2 jam
// lalu", "3 hours ago") and for rejecting future dates: usually the fetch time.
func ExtractAt(raw []byte, pageURL, contentType string, ref time.Time) (*klaim.Article, error) {
	src := stripRaw(decodeHTML(raw, contentType))
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		// x/net/html refuses documents nested deeper than 512 open
		// elements; flatten the excess and parse again.
		doc, err = html.Parse(bytes.NewReader(flatten(src, maxDepth)))
		if err != nil {
			return nil, fmt.Errorf("extract %s: parse html: %w", pageURL, err)
		}
	}
	a := &klaim.Article{URL: pageURL}
	cc := &classCache{}
	md := readMetadata(doc, pageURL, ref, cc)
	text := mainText(doc, cc, md.titles(), md.authors(md.site(md.canonicalURL())))
	if md.body != "" {
		if utf8Len(text) < 25 || (utf8Len(md.body) >= 500 && coverage(md.body, text) < 0.5) {
			// Either the page renders its text with scripts and the
			// JSON-LD copy is all there is, or the container we chose
			// misses most of what the publisher calls the article body.
			text = bodyText(md.body)
		}
	}
	if !hasWords(text) {
		return nil, fmt.Errorf("extract %s: %w", pageURL, ErrNoText)
	}
	md.apply(a, text)
	return a, nil
}

// maxDepth is how deep flatten lets elements nest; the parser's own limit
// is 512 open elements and the adoption agency may reopen a few more.
const maxDepth = 256

// flatten rewrites an HTML document so that no element nests deeper than
// limit: start and end tags below that depth are dropped (block tags become
// <br> so paragraphs stay apart) and their text is kept. It is one linear
// pass of the tokenizer.
func flatten(src []byte, limit int) []byte {
	z := html.NewTokenizer(bytes.NewReader(src))
	out := make([]byte, 0, len(src))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElements[a] {
				out = append(out, z.Raw()...)
				continue
			}
			depth++
			if depth > limit {
				if blockTags[a] {
					out = append(out, "<br>"...)
				}
				continue
			}
			out = append(out, z.Raw()...)
		case html.EndTagToken:
			depth--
			if depth >= limit {
				continue
			}
			if depth < 0 {
				depth = 0
			}
			out = append(out, z.Raw()...)
		default:
			out = append(out, z.Raw()...)
		}
	}
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}

// hasWords reports whether text holds at least a few words: a page whose
// only "text" is stray symbols or binary noise has no article.
func hasWords(text string) bool {
	words, run := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			run++
			continue
		}
		if run >= 2 {
			words++
			if words >= 3 {
				return true
			}
		}
		run = 0
	}
	if run >= 2 {
		words++
	}
	return words >= 3
}

// coverage is the share of the word trigrams of ref that also occur in
// text: how much of the publisher's own article body we extracted.
func coverage(ref, text string) float64 {
	grams := func(s string) []string {
		w := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if len(w) > 3000 {
			w = w[:3000]
		}
		out := make([]string, 0, len(w))
		for i := 0; i+3 <= len(w); i++ {
			out = append(out, w[i]+" "+w[i+1]+" "+w[i+2])
		}
		return out
	}
	r := grams(ref)
	if len(r) == 0 {
		return 1
	}
	have := make(map[string]bool, len(r))
	for _, g := range grams(text) {
		have[g] = true
	}
	n := 0
	for _, g := range r {
		if have[g] {
			n++
		}
	}
	return float64(n) / float64(len(r))
}

// bodyText turns a JSON-LD articleBody into article text; some publishers
// put HTML in it.
func bodyText(body string) string {
	if strings.Contains(body, "</") || strings.Contains(body, "<br") {
		if doc, err := html.Parse(strings.NewReader(flattenString(body))); err == nil {
			if b := findBody(doc); b != nil {
				m := &emitter{e: &extractor{stats: map[*html.Node]*nodeStats{}, cc: &classCache{}}}
				m.walk(b, 0)
				m.flush()
				return strings.Join(filterParagraphs(m.paras, nil, nil), "\n\n")
			}
		}
	}
	return normalizeText(html.UnescapeString(body))
}

func flattenString(s string) string { return string(flatten([]byte(s), maxDepth)) }
