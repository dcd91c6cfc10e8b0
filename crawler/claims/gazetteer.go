package claims

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/klaim/klaim"
	"github.com/klaim/klaim/data"
)

// gazEntry is one known entity of gazetteer/entities.tsv.
type gazEntry struct {
	name string
	kind klaim.EntityKind
	// concept is the entity that stands for this one in claim concepts: a
	// product or a renamed company is the same party to a proposition
	// (Messenger and Facebook count as Meta).
	concept string
}

// gazAlias is one way of writing a known entity: which tokens of it must be
// capitalised in the text ("Meta", "X" and "Times" are names only when
// capitalised; "the" in "the Times" is not).
type gazAlias struct {
	entry int
	caps  []bool
}

// gazetteer finds known entities in token sequences.
type gazetteer struct {
	entries []gazEntry
	aliases []gazAlias
	trie    trie
}

var kinds = map[string]klaim.EntityKind{
	"person": klaim.KindPerson, "organization": klaim.KindOrganization, "media": klaim.KindMedia,
	"place": klaim.KindPlace, "document": klaim.KindDocument,
}

// loadGazetteer reads every gazetteer/*.tsv file: name, kind, aliases.
func loadGazetteer(fsys fs.FS) (*gazetteer, error) {
	g := &gazetteer{}
	files, err := fs.Glob(fsys, "gazetteer/*.tsv")
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("gazetteer: no gazetteer/*.tsv files (%v)", err)
	}
	for _, f := range files {
		err := readTSV(fsys, f, 0, func(cols []string) error {
			if len(cols) < 3 || len(cols) > 4 {
				return fmt.Errorf("want 3 or 4 tab-separated columns, got %d", len(cols))
			}
			kind, ok := kinds[cols[1]]
			if !ok {
				return fmt.Errorf("unknown kind %q", cols[1])
			}
			idx := len(g.entries)
			e := gazEntry{name: cols[0], kind: kind, concept: cols[0]}
			if len(cols) == 4 && cols[3] != "" {
				e.concept = cols[3]
			}
			g.entries = append(g.entries, e)
			g.addAlias(cols[0], idx)
			for _, a := range strings.Split(cols[2], "|") {
				if a = strings.TrimSpace(a); a != "" {
					g.addAlias(a, idx)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g *gazetteer) addAlias(a string, entry int) {
	toks := tokenize(a, 0, len(a), nil)
	words := make([]string, len(toks))
	caps := make([]bool, len(toks))
	for i, t := range toks {
		words[i] = t.low
		caps[i] = t.cap
	}
	if v := g.trie.lookup(words); v >= 0 && g.aliases[v].entry == entry && len(g.aliases[v].caps) == len(caps) {
		// "Metropolitan Police" and its alias "Metropolitan police": one
		// phrase, which needs only the capitals both need.
		for i := range caps {
			g.aliases[v].caps[i] = g.aliases[v].caps[i] && caps[i]
		}
		return
	}
	g.trie.add(words, len(g.aliases))
	g.aliases = append(g.aliases, gazAlias{entry: entry, caps: caps})
}

// match returns the known entity whose alias starts at toks[i] and its length
// in tokens, longest first, honouring the capitalisation each alias needs.
func (g *gazetteer) match(toks []token, i, end int) (entry, n int, ok bool) {
	node := &g.trie
	type hit struct{ val, n int }
	var hits [8]hit
	k := 0
	for j := i; j < end && j-i < 12; j++ {
		if !toks[j].word && toks[j].raw != "&" && toks[j].raw != "." && toks[j].raw != "'s" && toks[j].raw != "-" {
			break
		}
		c := node.next[toks[j].low]
		if c == nil {
			break
		}
		node = c
		if node.val != 0 && k < len(hits) {
			hits[k] = hit{node.val - 1, j - i + 1}
			k++
		}
	}
	for k--; k >= 0; k-- {
		a := g.aliases[hits[k].val]
		good := true
		for m, need := range a.caps {
			if need && !toks[i+m].cap {
				good = false
				break
			}
		}
		if good {
			return a.entry, hits[k].n, true
		}
	}
	return 0, 0, false
}

func anyCap(c []bool) bool {
	for _, b := range c {
		if b {
			return true
		}
	}
	return false
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// glossary matches the bilingual concepts of data.Glossary in token sequences.
type glossary struct {
	ids  []string
	trie trie
}

func loadGlossary(fsys fs.FS) (*glossary, error) {
	cs, err := data.Glossary(fsys)
	if err != nil {
		return nil, err
	}
	g := &glossary{}
	for _, c := range cs {
		idx := len(g.ids)
		g.ids = append(g.ids, "c:"+c.ID)
		for _, t := range c.English {
			g.trie.add(phraseWords(t), idx)
		}
		for _, t := range c.Indonesian {
			g.trie.add(phraseWords(t), idx)
		}
	}
	return g, nil
}

// firstRuneUpper reports whether s starts with an upper-case letter.
func firstRuneUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
