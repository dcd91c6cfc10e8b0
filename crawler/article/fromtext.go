package article

import (
	"bytes"

	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/klaim/klaim"
)

// FromText reads a plain-text article (a .txt file): the first non-empty
// line is the title and the rest is the body, with its paragraphs kept and
// separated by blank lines. name is where it came from (a file:// URL or a
// path); it becomes the article's URL and the key of its ID. Empty files and
// binary data are errors that say so.
func FromText(name string, data []byte) (*klaim.Article, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, fmt.Errorf("text %s: empty file: %w", name, ErrNoText)
	case bytes.IndexByte(data, 0) >= 0:
		return nil, fmt.Errorf("text %s: binary data (NUL bytes), not a text article", name)
	case !utf8.Valid(data):
		if !mostlyText(data) {
			return nil, fmt.Errorf("text %s: binary data (invalid UTF-8), not a text article", name)
		}
		// A Latin-1 or windows-1252 text file.
		data = decodeHTML(data, "text/plain; charset=windows-1252")
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	s = strings.TrimLeft(s, " \t\n\r")
	title, body, _ := strings.Cut(s, "\n")
	title = cleanSpace(title)
	body = normalizeText(body)
	if body == "" {
		return nil, fmt.Errorf("text %s: title but no body: %w", name, ErrNoText)
	}
	a := &klaim.Article{
		ID:    klaim.ArticleID(name),
		URL:   name,
		Title: title,
		Text:  body,
		Lang:  DetectLang(title + "\n" + body),
	}
	return a, nil
}

// mostlyText reports whether invalid UTF-8 is still text in a single-byte
// charset: few control characters.
func mostlyText(data []byte) bool {
	ctrl := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*100 < len(data)
}
