package article

import "strings"

// keywords matches class and id strings against word lists. It replaces
// big case-insensitive regexp alternations, which cost more than the HTML
// parse itself when run on every element.
type keywords struct {
	sub  []string // match anywhere
	word []string // match only between non-alphanumerics ("ad" in "top-ad", not "head")
}

func newKeywords(sub, word string) keywords {
	return keywords{sub: strings.Fields(sub), word: strings.Fields(word)}
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// match reports whether s (any case) contains one of the keywords.
func (k keywords) match(s string) bool {
	return k.matchLower(lowerASCII(s))
}

func (k keywords) matchLower(s string) bool {
	if s == "" {
		return false
	}
	for _, w := range k.sub {
		if strings.Contains(s, w) {
			return true
		}
	}
	for _, w := range k.word {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			j += i
			end := j + len(w)
			if (j == 0 || !isAlnum(s[j-1])) && (end == len(s) || !isAlnum(s[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// classCache memoises keyword tests per class/id string: a page repeats the
// same few class names on thousands of elements.
type classCache struct {
	m map[string]uint8
}

const (
	ccUnlikely uint8 = 1 << iota
	ccMaybe
	ccPositive
	ccNegative
	ccByline
	ccDate
	ccDone
)

func (c *classCache) flags(s string) uint8 {
	if s == "" {
		return 0
	}
	if f, ok := c.m[s]; ok {
		return f
	}
	l := lowerASCII(s)
	f := ccDone
	for _, t := range []struct {
		k   *keywords
		bit uint8
	}{{&unlikely, ccUnlikely}, {&maybe, ccMaybe}, {&positive, ccPositive}, {&negative, ccNegative}, {&bylineClass, ccByline}, {&dateClass, ccDate}} {
		if t.k.matchLower(l) {
			f |= t.bit
		}
	}
	if c.m == nil {
		c.m = make(map[string]uint8, 256)
	}
	if len(c.m) < 4096 {
		c.m[s] = f
	}
	return f
}
