package article

import (
	"bytes"
	"mime"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// metaCharset finds a charset declared in a <meta charset> or http-equiv
// tag. The standard prescan only looks at the first 1024 bytes; many pages
// put the declaration after a long block of scripts, so we look further.
func metaCharset(head []byte) string {
	for i := 0; i < len(head); {
		j := bytes.IndexByte(head[i:], '<')
		if j < 0 {
			return ""
		}
		start := i + j
		i = start + 1
		if start+5 > len(head) {
			return ""
		}
		tag5 := head[start+1 : start+5]
		if bytes.EqualFold(tag5, []byte("body")) {
			return "" // declarations after <body> do not count
		}
		if !bytes.EqualFold(tag5, []byte("meta")) {
			continue
		}
		end := bytes.IndexByte(head[start:], '>')
		if end < 0 {
			return ""
		}
		tag := bytes.ToLower(head[start : start+end])
		i = start + end
		k := bytes.Index(tag, []byte("charset"))
		if k < 0 {
			continue
		}
		v := bytes.TrimLeft(tag[k+len("charset"):], " \t\n\r")
		if len(v) == 0 || v[0] != '=' {
			continue
		}
		v = bytes.TrimLeft(v[1:], " \t\n\r\"'")
		n := 0
		for n < len(v) && (v[n] >= 'a' && v[n] <= 'z' || v[n] >= '0' && v[n] <= '9' || bytes.IndexByte([]byte("_:.-"), v[n]) >= 0) {
			n++
		}
		if n > 0 {
			return string(v[:n])
		}
	}
	return ""
}

// decodeHTML converts raw page bytes to UTF-8. The charset comes from the
// Content-Type header, then a byte-order mark, then a <meta> declaration, and
// last from sniffing: valid UTF-8 stays as it is, anything else is read as
// windows-1252 (which is what browsers do with undeclared Latin-1 pages).
func decodeHTML(raw []byte, contentType string) []byte {
	enc, name := headerEncoding(contentType)
	if enc == nil {
		switch {
		case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
			return raw[3:]
		case bytes.HasPrefix(raw, []byte("\xfe\xff")), bytes.HasPrefix(raw, []byte("\xff\xfe")):
			enc = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
		}
	}
	if enc == nil {
		head := raw
		if len(head) > 64<<10 {
			head = head[:64<<10]
		}
		if cs := metaCharset(head); cs != "" {
			enc, name = charset.Lookup(cs)
		}
	}
	if enc == nil || name == "utf-8" {
		if utf8.Valid(raw) {
			return raw
		}
		if enc != nil && mostlyUTF8(raw) {
			// Declared UTF-8 with a few broken bytes: keep it UTF-8 and
			// let the invalid bytes become U+FFFD.
			return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		}
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
	}
	return out
}

func headerEncoding(contentType string) (encoding.Encoding, string) {
	if contentType == "" {
		return nil, ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil, ""
	}
	if cs, ok := params["charset"]; ok {
		return charset.Lookup(cs)
	}
	return nil, ""
}

// mostlyUTF8 reports whether raw has multi-byte UTF-8 sequences and only a
// few invalid bytes.
func mostlyUTF8(raw []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid > 0 && invalid*10 < valid
}
