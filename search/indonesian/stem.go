// Package indonesian stems Indonesian words with the rule set of Fadillah Z.
// Tala, "A Study of Stemming Effects on Information Retrieval in Bahasa
// Indonesia" (M.Sc. thesis, University of Amsterdam, 2003), the same rules
// that Lucene's IndonesianStemmer and the Snowball Indonesian stemmer follow.
//
// The stemmer strips, in this order: an inflectional particle (-kah, -lah,
// -pun), a possessive pronoun (-ku, -mu, -nya), then the derivational affixes:
// a first-order prefix (meng-, meny-, men-, mem-, me-, peng-, peny-, pen-,
// pem-, di-, ter-, ke-), a derivational suffix (-kan, -an, -i) and a
// second-order prefix (ber-, be-, per-, pe-). A step runs only while the word
// keeps more than two syllables (counted as vowels), so short roots are left
// alone, and a suffix is not stripped when it would form a confix that
// Indonesian morphology does not allow with the prefix already removed
// (ke-…-i, ke-…-kan, di-…-an, meN-…-an, ter-…-an, peN-…-kan, peN-…-i,
// pe-…-kan, ber-…-i).
//
// Nasal prefixes change the first letter of the root (meN + sangkal →
// menyangkal). The stemmer restores the letter where the nasal form says what
// it was: meny/peny + vowel → s, mem/pem + vowel → p, men/pen + vowel → t.
// It does not restore a k after meng-/peng- + vowel, because that form is
// just as often a root beginning with a vowel (mengakui ← aku, pengakuan ←
// aku) as one beginning with k (mengirim ← kirim); the rules keep the vowel.
//
// Like every rule-based stemmer without a dictionary it over-stems some words
// (berita → ita, because ber- looks like a prefix), but it does so the same
// way for a word and its derived forms, which is what matching needs.
package indonesian

// Which affixes were removed; they decide which suffixes may follow.
const (
	removedMeng = 1 << iota // meN-
	removedPeng             // peN-
	removedDi               // di-
	removedTer              // ter-
	removedKe               // ke-
	removedBer              // ber-
	removedPe               // pe-, per-
)

// Stem returns the stem of word, which must be in lower case (words in other
// cases are returned as they are, except for matching lower-case affixes).
// The result is never empty for a non-empty word and never longer than it.
func Stem(word string) string {
	return string(StemBytes([]byte(word)))
}

// StemBytes stems the lower-case word in b. It may change bytes of b (to
// restore the first letter of a root) and returns a subslice of b, so it does
// not allocate.
func StemBytes(b []byte) []byte {
	s := stemmer{word: b, syllables: countVowels(b)}
	if s.syllables > 2 {
		s.removeParticle()
	}
	if s.syllables > 2 {
		s.removePossessive()
	}
	s.removeDerivational()
	return s.word
}

type stemmer struct {
	word      []byte
	syllables int
	flags     int
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

func countVowels(b []byte) int {
	n := 0
	for _, c := range b {
		if isVowel(c) {
			n++
		}
	}
	return n
}

func (s *stemmer) hasPrefix(p string) bool {
	return len(s.word) >= len(p) && string(s.word[:len(p)]) == p
}

func (s *stemmer) hasSuffix(p string) bool {
	return len(s.word) >= len(p) && string(s.word[len(s.word)-len(p):]) == p
}

// vowelAt reports whether the byte at i exists and is a vowel.
func (s *stemmer) vowelAt(i int) bool { return i < len(s.word) && isVowel(s.word[i]) }

// cutPrefix drops the first n bytes, which hold exactly one vowel.
func (s *stemmer) cutPrefix(n, flag int) {
	s.word = s.word[n:]
	s.syllables--
	s.flags |= flag
}

// cutSuffix drops the last n bytes, which hold exactly one vowel.
func (s *stemmer) cutSuffix(n int) {
	s.word = s.word[:len(s.word)-n]
	s.syllables--
}

// recode replaces the last letter of a nasal prefix of length n by the root's
// first letter c, then drops the rest of the prefix.
func (s *stemmer) recode(n int, c byte, flag int) {
	s.word[n-1] = c
	s.cutPrefix(n-1, flag)
}

func (s *stemmer) removeParticle() {
	if s.hasSuffix("kah") || s.hasSuffix("lah") || s.hasSuffix("pun") {
		s.cutSuffix(3)
	}
}

func (s *stemmer) removePossessive() {
	switch {
	case s.hasSuffix("nya"):
		s.cutSuffix(3)
	case s.hasSuffix("ku") || s.hasSuffix("mu"):
		s.cutSuffix(2)
	}
}

// removeDerivational follows Tala's order: when a first-order prefix comes
// off, try a suffix and, only if one came off too, a second-order prefix
// (mem-per-…-kan); otherwise try a second-order prefix, then a suffix.
func (s *stemmer) removeDerivational() {
	if s.syllables <= 2 {
		return
	}
	before := len(s.word)
	s.removeFirstOrderPrefix()
	if len(s.word) != before {
		before = len(s.word)
		if s.syllables > 2 {
			s.removeSuffix()
		}
		if len(s.word) != before && s.syllables > 2 {
			s.removeSecondOrderPrefix()
		}
		return
	}
	s.removeSecondOrderPrefix()
	if s.syllables > 2 {
		s.removeSuffix()
	}
}

func (s *stemmer) removeFirstOrderPrefix() {
	switch {
	case s.hasPrefix("meng"):
		s.cutPrefix(4, removedMeng)
	case s.hasPrefix("meny") && s.vowelAt(4):
		s.recode(4, 's', removedMeng)
	case s.hasPrefix("men") && s.vowelAt(3):
		s.recode(3, 't', removedMeng)
	case s.hasPrefix("mem") && s.vowelAt(3):
		s.recode(3, 'p', removedMeng)
	case s.hasPrefix("men") || s.hasPrefix("mem"):
		s.cutPrefix(3, removedMeng)
	case s.hasPrefix("me"):
		s.cutPrefix(2, removedMeng)
	case s.hasPrefix("peng"):
		s.cutPrefix(4, removedPeng)
	case s.hasPrefix("peny") && s.vowelAt(4):
		s.recode(4, 's', removedPeng)
	case s.hasPrefix("pen") && s.vowelAt(3):
		s.recode(3, 't', removedPeng)
	case s.hasPrefix("pem") && s.vowelAt(3):
		s.recode(3, 'p', removedPeng)
	case s.hasPrefix("pen") || s.hasPrefix("pem"):
		s.cutPrefix(3, removedPeng)
	case s.hasPrefix("di"):
		s.cutPrefix(2, removedDi)
	case s.hasPrefix("ter"):
		s.cutPrefix(3, removedTer)
	case s.hasPrefix("ke"):
		s.cutPrefix(2, removedKe)
	}
}

func (s *stemmer) removeSecondOrderPrefix() {
	switch {
	case s.hasPrefix("ber"):
		s.cutPrefix(3, removedBer)
	case len(s.word) == 7 && s.hasPrefix("belajar"):
		// bel- occurs only in belajar (ajar).
		s.cutPrefix(3, removedBer)
	case s.hasPrefix("be") && len(s.word) > 4 && !isVowel(s.word[2]) && s.word[3] == 'e' && s.word[4] == 'r':
		// be- before a root whose first syllable ends in -er: bekerja, beserta.
		s.cutPrefix(2, removedBer)
	case s.hasPrefix("per"):
		s.cutPrefix(3, removedPe)
	case len(s.word) == 7 && s.hasPrefix("pelajar"):
		s.cutPrefix(3, removedPe)
	case s.hasPrefix("pe"):
		s.cutPrefix(2, removedPe)
	}
}

func (s *stemmer) removeSuffix() {
	// A forbidden -kan may still end in an allowed -an: ke+banyak+an.
	switch {
	case s.hasSuffix("kan") && s.flags&(removedKe|removedPeng|removedPe) == 0:
		s.cutSuffix(3)
	case s.hasSuffix("an") && s.flags&(removedDi|removedMeng|removedTer) == 0:
		s.cutSuffix(2)
	case s.hasSuffix("i") && !s.hasSuffix("si") && s.flags&(removedBer|removedKe|removedPeng) == 0:
		s.cutSuffix(1)
	}
}
