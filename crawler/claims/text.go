package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteRole says what a quotation mark token does.
type quoteRole uint8

const (
	qNone quoteRole = iota
	qOpen
	qClose
	qStraight // " or ': opens or closes depending on its neighbours
)

// quote families: a quotation opened by one family is closed by the same one.
const (
	famDouble = 1
	famSingle = 2
	famGuill  = 3
)

// token is a word, a number or one punctuation rune, with its byte range in
// the article text.
type token struct {
	s, e   int
	raw    string
	low    string
	word   bool // letters or digits
	cap    bool // starts with an upper-case letter
	allcap bool // two or more letters, all upper case
	q      quoteRole
	fam    uint8
	inq    bool // inside a quotation (the marks themselves excluded)
	qmark  bool // a quotation mark that opened or closed a quotation
	nl     bool // a line break separates it from the previous token
	cls    wordClass
	spaceB bool // white space precedes it
}

// tokenize splits text[start:end] into tokens. It runs in one pass.
func tokenize(text string, start, end int, out []token) []token {
	i := start
	nl, sp := false, true
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		switch {
		case r == '\n' || r == '\r':
			nl, sp = true, true
			i += n
			continue
		case unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r):
			sp = true
			i += n
			continue
		}
		t := token{s: i, nl: nl, spaceB: sp}
		nl, sp = false, false
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := i + n
			digit := unicode.IsDigit(r)
			for j < end {
				r2, n2 := utf8.DecodeRuneInString(text[j:end])
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
					j += n2
					continue
				}
				// Characters that may sit inside a word when a letter or digit follows.
				if j+n2 < end && (r2 == '-' || r2 == '\'' || r2 == '’' || (digit && (r2 == '.' || r2 == ',' || r2 == '/' || r2 == ':'))) {
					r3, n3 := utf8.DecodeRuneInString(text[j+n2 : end])
					if !(unicode.IsLetter(r3) || unicode.IsDigit(r3)) {
						break
					}
					if digit && r2 != '-' && !unicode.IsDigit(r3) {
						break
					}
					if r2 == '\'' || r2 == '’' {
						// Split the English possessive: Facebook's → Facebook 's.
						if (r3 == 's' || r3 == 'S') && !wordCharAt(text, j+n2+n3, end) {
							break
						}
					}
					if r2 == '-' && j+n2+3 <= end && strings.EqualFold(text[j+n2:j+n2+3], "nya") && !wordCharAt(text, j+n2+3, end) {
						// Watch-nya: the suffix is a pronoun of its own.
						break
					}
					j += n2 + n3
					continue
				}
				break
			}
			t.e = j
			t.raw = text[i:j]
			t.word = true
			t.cap = unicode.IsUpper(r)
			t.allcap = isAllCaps(t.raw)
			t.low = lower(t.raw)
			out = append(out, t)
			i = j
			continue
		}
		t.e = i + n
		t.raw = text[i : i+n]
		t.low = t.raw
		switch r {
		case '“', '„', '‟':
			t.q, t.fam = qOpen, famDouble
		case '”':
			t.q, t.fam = qClose, famDouble
		case '"', '＂':
			t.q, t.fam = qStraight, famDouble
		case '‘', '‚':
			t.q, t.fam = qOpen, famSingle
		case '’', '\'':
			t.q, t.fam = qStraight, famSingle
			// The English possessive: Facebook's → Facebook 's.
			if i > start && wordCharAt(text, i-1, end) && i+n < end && (text[i+n] == 's' || text[i+n] == 'S') && !wordCharAt(text, i+n+1, end) {
				t.e = i + n + 1
				t.raw = text[i:t.e]
				t.low = "'s"
				t.q, t.fam = qNone, 0
			}
		case '«', '‹':
			t.q, t.fam = qOpen, famGuill
		case '»', '›':
			t.q, t.fam = qClose, famGuill
		case '-':
			// "-nya" after a hyphen: fold the hyphen into the suffix token.
			if i+n+3 <= end && strings.EqualFold(text[i+n:i+n+3], "nya") && !wordCharAt(text, i+n+3, end) && i > start && wordCharAt(text, i-1, end) {
				t.e = i + n + 3
				t.raw = text[i:t.e]
				t.low = "-nya"
				t.word = true
			}
		}
		out = append(out, t)
		i = t.e
	}
	return out
}

func wordCharAt(text string, i, end int) bool {
	if i >= end || i < 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// lower lower-cases s, with the typographic apostrophe made straight
// (didn’t → didn't), without allocating when it is already lower-case ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ReplaceAll(strings.ToLower(s), "’", "'")
		}
	}
	return s
}

// markQuotes pairs the quotation marks of one paragraph's tokens and flags
// the tokens inside quotations. A quotation left open at the end of the
// paragraph counts only when it opened the paragraph (a quote that continues
// in the next paragraph); otherwise its mark is taken for a stray one.
// It returns the quotations as token index pairs [open, close].
func markQuotes(toks []token, out [][2]int) [][2]int {
	open := -1
	var fam uint8
	for i := range toks {
		t := &toks[i]
		if t.q == qNone {
			continue
		}
		if t.fam == famSingle && t.q == qStraight {
			// ' and ’ are apostrophes unless they stand at a word edge in a
			// way only a quotation mark does.
			prevWord := i > 0 && !t.spaceB && toks[i-1].word
			nextWord := i+1 < len(toks) && !toks[i+1].spaceB && toks[i+1].word
			switch {
			case open >= 0 && fam == famSingle && prevWord && !nextWord:
				t.q = qClose
			case open < 0 && !prevWord && nextWord:
				t.q = qOpen
			default:
				t.q = qNone
				continue
			}
		}
		switch t.q {
		case qOpen:
			if open < 0 {
				open, fam = i, t.fam
			}
		case qClose:
			if open >= 0 && fam == t.fam {
				out = append(out, [2]int{open, i})
				open = -1
			}
		case qStraight:
			switch {
			case open >= 0 && fam == t.fam:
				out = append(out, [2]int{open, i})
				open = -1
			case open < 0:
				open, fam = i, t.fam
			}
		}
	}
	if open == 0 {
		out = append(out, [2]int{0, len(toks)})
	}
	for _, q := range out {
		toks[q[0]].qmark = true
		if q[1] < len(toks) {
			toks[q[1]].qmark = true
		}
		for k := q[0] + 1; k < q[1] && k < len(toks); k++ {
			toks[k].inq = true
		}
	}
	return out
}

// splitSentences cuts a paragraph's tokens into sentences, returned as token
// index ranges [a, b). It never cuts inside a quotation, and it knows the
// abbreviations of the lexicon (Dr., Jl., U.S., dll.) and initials.
func (x *Extractor) splitSentences(toks []token, out [][2]int) [][2]int {
	a := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if i > a && t.nl && !t.inq && !t.qmark {
			out = append(out, [2]int{a, i})
			a = i
		}
		if i-a >= maxSentence {
			// No sentence is this long: text without punctuation. Cut it so
			// that the work per sentence stays bounded.
			out = append(out, [2]int{a, i})
			a = i
		}
		if t.inq {
			continue
		}
		end := false
		switch {
		case t.raw == "!" || t.raw == "?" || t.raw == "…":
			end = true
		case t.raw == ".":
			end = !x.isAbbrevBefore(toks, i)
		case t.qmark && t.q == qClose || t.qmark && t.q == qStraight && i > 0 && toks[i-1].inq:
			// A quotation that ends its sentence: “… .” Next sentence.
			if i > 0 {
				p := toks[i-1].raw
				end = p == "." || p == "!" || p == "?" || p == "…"
			}
		}
		if !end || i+1 >= len(toks) {
			continue
		}
		// Absorb closing marks and brackets that belong to this sentence.
		j := i + 1
		for j < len(toks) && (toks[j].raw == ")" || toks[j].raw == "]" || (toks[j].qmark && (toks[j].q == qClose || toks[j].q == qStraight) && !toks[j].spaceB)) {
			j++
		}
		if j >= len(toks) {
			i = j
			continue
		}
		n := &toks[j]
		if n.cap || n.q == qOpen || n.qmark || n.raw == "(" || n.raw == "[" || n.nl || (n.word && unicode.IsDigit(rune(n.raw[0]))) || !n.word && n.raw != "," && n.raw != ";" && n.raw != ":" {
			out = append(out, [2]int{a, j})
			a = j
			i = j - 1
		}
	}
	if a < len(toks) {
		out = append(out, [2]int{a, len(toks)})
	}
	return out
}

// maxSentence is the most tokens a sentence may have; the analysis of a
// sentence compares its mentions and cues pairwise, so this bound keeps the
// whole extraction linear in the length of the text.
const maxSentence = 160

// isAbbrevBefore reports whether the period toks[i] ends an abbreviation or
// an initial rather than a sentence.
func (x *Extractor) isAbbrevBefore(toks []token, i int) bool {
	if i == 0 || toks[i].spaceB {
		return false
	}
	p := &toks[i-1]
	if !p.word {
		return false
	}
	if x.lex.abbrev[p.low] {
		return true
	}
	// An initial (J. K. Rowling, U.S.) or a dotted abbreviation (a.n.).
	if utf8.RuneCountInString(p.raw) == 1 {
		return true
	}
	return false
}

// paragraphs returns the byte ranges of the paragraphs of text: blocks
// separated by blank lines.
func paragraphs(text string) [][2]int {
	var out [][2]int
	i := 0
	for i < len(text) {
		j := strings.Index(text[i:], "\n\n")
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		if t := strings.TrimSpace(text[i:end]); t != "" && !asideLine(t) {
			out = append(out, [2]int{i, end})
		}
		if j < 0 {
			break
		}
		i = end + 2
	}
	return out
}

// asidePrefixes open the lines of web copy that are not the story: credit
// lines, which name who wrote or edited it, links to related stories and
// photo captions.
var asidePrefixes = []string{
	"reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
	"laporan:", "penulis:", "editor:", "reporter:", "pewarta:", "editing:",
	"baca juga:", "baca juga :", "baca:", "lihat juga:", "simak juga:", "read more:", "read also:",
	"related:", "see also:", "image caption", "image source", "foto:", "ilustrasi:",
}

// asideLine reports whether a paragraph is such a line: "(Reporting by Hannah
// Lowry; Editing by Alison Trent)", "Baca juga: Korban Banjir Mengungsi …",
// "Image caption, Pupils at …".
func asideLine(p string) bool {
	if len(p) > 300 {
		return false
	}
	p = strings.TrimLeft(p, "(—–- ")
	low := strings.ToLower(p[:min(len(p), 40)])
	for _, c := range asidePrefixes {
		if strings.HasPrefix(low, c) {
			return true
		}
	}
	return false
}
