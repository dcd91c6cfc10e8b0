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
	f := ccDone | classTable.scan(lowerASCII(s))
	if c.m == nil {
		c.m = make(map[string]uint8, 256)
	}
	if len(c.m) < 4096 {
		c.m[s] = f
	}
	return f
}

// kwTable finds, in one pass over a string, which of several keyword sets
// occur in it. Keywords are bucketed by their first two bytes, so each
// position of the string costs one array lookup.
type kwTable struct {
	index   [1 << 16]int32 // two-byte prefix → bucket number + 1
	buckets [][]kwEntry
}

type kwEntry struct {
	w    string
	bit  uint8
	word bool // must stand between non-alphanumerics
}

var classTable = newKWTable(map[uint8]*keywords{
	ccUnlikely: &unlikely, ccMaybe: &maybe, ccPositive: &positive,
	ccNegative: &negative, ccByline: &bylineClass, ccDate: &dateClass,
})

func newKWTable(sets map[uint8]*keywords) *kwTable {
	t := &kwTable{}
	add := func(w string, bit uint8, word bool) {
		if len(w) < 2 {
			return
		}
		key := uint16(w[0])<<8 | uint16(w[1])
		if t.index[key] == 0 {
			t.buckets = append(t.buckets, nil)
			t.index[key] = int32(len(t.buckets))
		}
		b := t.index[key] - 1
		t.buckets[b] = append(t.buckets[b], kwEntry{w, bit, word})
	}
	for bit, k := range sets {
		for _, w := range k.sub {
			add(w, bit, false)
		}
		for _, w := range k.word {
			add(w, bit, true)
		}
	}
	return t
}

// scan returns the bits of every keyword set with a keyword in s, which
// must be lower case.
func (t *kwTable) scan(s string) uint8 {
	var f uint8
	for i := 0; i+1 < len(s); i++ {
		b := t.index[uint16(s[i])<<8|uint16(s[i+1])]
		if b == 0 {
			continue
		}
		for _, e := range t.buckets[b-1] {
			if f&e.bit != 0 || !strings.HasPrefix(s[i:], e.w) {
				continue
			}
			if e.word {
				end := i + len(e.w)
				if (i > 0 && isAlnum(s[i-1])) || (end < len(s) && isAlnum(s[end])) {
					continue
				}
			}
			f |= e.bit
		}
	}
	return f
}
