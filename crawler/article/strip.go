package article

import "bytes"

// stripRaw removes comments and the bodies of <script>, <style> and
// <noscript> elements from a document before it is parsed, keeping JSON-LD
// scripts. On news pages those make up more than half of the bytes, and
// the tokenizer reads raw text one byte at a time; skipping them with
// bytes.Index halves the parse. The end of each element is found the way
// the HTML tokenizer finds it: the first "</script" (any case).
func stripRaw(src []byte) []byte {
	out := make([]byte, 0, len(src))
	last := 0 // src[last:i] is still to be copied
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := src[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			out = append(out, src[last:i]...)
			if end < 0 {
				return out
			}
			i += 4 + end + 3
			last = i
			continue
		case len(rest) > 7 && (rest[1] == 's' || rest[1] == 'S' || rest[1] == 'n' || rest[1] == 'N'):
			name := rawTextName(rest[1:])
			if name == "" {
				break
			}
			tagEnd := bytes.IndexByte(rest, '>')
			if tagEnd < 0 {
				return append(out, src[last:]...)
			}
			if name == "script" && bytes.Contains(bytes.ToLower(rest[:tagEnd]), []byte("ld+json")) {
				break // JSON-LD: metadata, keep it
			}
			close := indexCloseTag(rest[tagEnd+1:], name)
			out = append(out, src[last:i]...)
			if close < 0 {
				return out
			}
			i += tagEnd + 1 + close
			last = i // the end tag itself is kept for the parser
			i++
			continue
		}
		i++
	}
	return append(out, src[last:]...)
}

// rawTextName returns "script", "style" or "noscript" when b starts with
// that tag name followed by the end of the name.
func rawTextName(b []byte) string {
	for _, name := range [...]string{"script", "style", "noscript"} {
		if len(b) > len(name) && bytes.EqualFold(b[:len(name)], []byte(name)) {
			switch b[len(name)] {
			case ' ', '\t', '\n', '\r', '\f', '>', '/':
				return name
			}
		}
	}
	return ""
}

// indexCloseTag finds "</name" (any case) followed by the end of the name.
func indexCloseTag(b []byte, name string) int {
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte("</"))
		if j < 0 {
			return -1
		}
		k := i + j
		rest := b[k+2:]
		if len(rest) > len(name) && bytes.EqualFold(rest[:len(name)], []byte(name)) {
			switch rest[len(name)] {
			case ' ', '\t', '\n', '\r', '\f', '>', '/':
				return k
			}
		}
		i = k + 2
	}
}
