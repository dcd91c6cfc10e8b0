// Package article turns a fetched web page into a klaim.Article: its main
// text as plain paragraphs, and its metadata (title, dates with time zone,
// authors, language, site, canonical URL and ClaimReview verdicts).
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

	"github.com/klaim/klaim"
	"golang.org/x/net/html"
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
	src := decodeHTML(raw, contentType)
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("extract %s: parse html: %w", pageURL, err)
	}
	a := &klaim.Article{URL: pageURL}
	md := readMetadata(doc, pageURL, ref)
	text := mainText(doc, md.titles())
	if utf8Len(text) < 25 && md.body != "" {
		// The page renders its text with scripts; the JSON-LD copy is
		// all there is.
		text = normalizeText(md.body)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("extract %s: %w", pageURL, ErrNoText)
	}
	md.apply(a, text)
	return a, nil
}
