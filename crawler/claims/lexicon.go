package claims

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/klaim/klaim"
)

// cueKind says where a reporting cue finds its speaker.
type cueKind uint8

const (
	cueVerb    cueKind = iota + 1 // speaker before: "Netflix membantah", "Meta denied"
	cueInv                        // speaker after: "kata Kooswardini", "according to police"
	cueBoth                       // either: "said Stone", "Stone said"
	cueNoun                       // a report of someone: "laporan New York Times", "the Times' report"
	cuePassive                    // agent after "oleh"/"by", else a report named in the sentence
	cueNone                       // not a statement: "declined to comment", "enggan berkomentar"
	cueSource                     // where the writer read it: "dilansir", "seperti dikutip"
)

var cueKinds = map[string]cueKind{
	"verb": cueVerb, "inv": cueInv, "both": cueBoth, "noun": cueNoun,
	"passive": cuePassive, "none": cueNone, "source": cueSource,
}

// cue is one entry of lexicon/cues.tsv.
type cue struct {
	phrase string
	lang   string
	stance klaim.Stance
	kind   cueKind
}

// trie matches phrases of lower-case tokens, longest first.
type trie struct {
	next map[string]*trie
	val  int // index+1 of the value ending here; 0 for none
}

func (t *trie) add(words []string, val int) {
	n := t
	for _, w := range words {
		if n.next == nil {
			n.next = make(map[string]*trie)
		}
		c := n.next[w]
		if c == nil {
			c = &trie{}
			n.next[w] = c
		}
		n = c
	}
	if n.val == 0 {
		n.val = val + 1
	}
}

// lookup returns the value stored for exactly words, or -1.
func (t *trie) lookup(words []string) int {
	n := t
	for _, w := range words {
		if n = n.next[w]; n == nil {
			return -1
		}
	}
	return n.val - 1
}

// match returns the value and length in tokens of the longest phrase that
// starts at toks[i], skipping no token; ok is false when none does. allow
// filters the tokens that may take part.
func (t *trie) match(toks []token, i, end int) (val, n int, ok bool) {
	node := t
	for j := i; j < end; j++ {
		w := toks[j].low
		if !toks[j].word {
			if toks[j].raw != "-" && toks[j].raw != "'s" && toks[j].raw != "&" {
				break
			}
		}
		c := node.next[w]
		if c == nil {
			break
		}
		node = c
		if node.val != 0 {
			val, n, ok = node.val-1, j-i+1, true
		}
	}
	return
}

// phraseWords splits a lexicon phrase into the tokens the tokenizer makes of it.
func phraseWords(p string) []string {
	toks := tokenize(p, 0, len(p), nil)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.low)
	}
	return out
}

// wordClass is a set of word classes of lexicon/words.tsv, one bit each.
type wordClass = uint64

// The word classes the extractor uses.
const (
	cAdverb wordClass = 1 << iota
	cAgentprep
	cClassifier
	cComplementizer
	cConjAnd
	cCoord
	cDemonstrative
	cDescDoc
	cDescOrg
	cDescPerson
	cDescPost
	cDet
	cFounded
	cLocprep
	cNeg
	cNonname
	cOblique
	cParent
	cParentfill
	cParticle
	cPresubject
	cPronFirst
	cPronOrg
	cPronPerson
	cRefuse
	cRelpron
	cRolelink
	cRolemod
	cSpeechconcept
	cTimeprep
	cTitle
	cWeakterm
	cYearprep
	cYesterday
	cRole
	cAbbrev
	cMedia
	cOrgword
	cPlaceword
	cSubord
	cGroupnoun
	cPlacerole
	cOrgnoun
	cBodyhead
	cJudge
	cRequest
	cNameF
	cNameM
	cDirection
	cBalinese
	cHonorific
	cDegree
	cPlatform
)

var classBits = map[string]wordClass{
	"placerole":      cPlacerole,
	"orgnoun":        cOrgnoun,
	"bodyhead":       cBodyhead,
	"judge":          cJudge,
	"request":        cRequest,
	"name_f":         cNameF,
	"name_m":         cNameM,
	"direction":      cDirection,
	"balinese":       cBalinese,
	"honorific":      cHonorific,
	"degree":         cDegree,
	"platform":       cPlatform,
	"groupnoun":      cGroupnoun,
	"subord":         cSubord,
	"placeword":      cPlaceword,
	"orgword":        cOrgword,
	"media":          cMedia,
	"adverb":         cAdverb,
	"agentprep":      cAgentprep,
	"classifier":     cClassifier,
	"complementizer": cComplementizer,
	"conj_and":       cConjAnd,
	"coord":          cCoord,
	"demonstrative":  cDemonstrative,
	"desc_doc":       cDescDoc,
	"desc_org":       cDescOrg,
	"desc_person":    cDescPerson,
	"desc_post":      cDescPost,
	"det":            cDet,
	"founded":        cFounded,
	"locprep":        cLocprep,
	"neg":            cNeg,
	"nonname":        cNonname,
	"oblique":        cOblique,
	"parent":         cParent,
	"parentfill":     cParentfill,
	"particle":       cParticle,
	"presubject":     cPresubject,
	"pron_first":     cPronFirst,
	"pron_org":       cPronOrg,
	"pron_person":    cPronPerson,
	"refuse":         cRefuse,
	"relpron":        cRelpron,
	"rolelink":       cRolelink,
	"rolemod":        cRolemod,
	"speechconcept":  cSpeechconcept,
	"timeprep":       cTimeprep,
	"title":          cTitle,
	"weakterm":       cWeakterm,
	"yearprep":       cYearprep,
	"yesterday":      cYesterday,
	"role":           cRole,
	"abbrev":         cAbbrev,
}

// lexicon holds the reporting cues and word classes of lexicon/*.tsv.
type lexicon struct {
	cues    []cue
	cueTrie trie
	// nounTrie holds the noun cues alone: "reports" is a verb after a
	// subject and a noun after a determiner or another cue.
	nounTrie trie
	// bits holds the word classes of each lower-case word of words.tsv
	bits map[string]wordClass
	// multi-word classes matched as phrases: roles
	roles     trie
	roleNames []string
	// stance markers inside quotes and complements
	markers     trie
	markerStanc []klaim.Stance
	markerMode  []string // any, self (after a first-person subject), start (opens a sentence) or label (predicated)
	abbrev      map[string]bool
}

// classify sets the word classes of tokens.
func (l *lexicon) classify(toks []token) {
	for i := range toks {
		if toks[i].word {
			toks[i].cls = l.bits[toks[i].low]
		}
	}
}

// loadLexicon reads lexicon/cues.tsv, lexicon/words.tsv and lexicon/markers.tsv.
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	l := &lexicon{bits: make(map[string]wordClass), abbrev: make(map[string]bool)}
	err := readTSV(fsys, "lexicon/cues.tsv", 4, func(cols []string) error {
		kind, ok := cueKinds[cols[3]]
		if !ok {
			return fmt.Errorf("unknown cue kind %q", cols[3])
		}
		var st klaim.Stance
		if kind != cueNone && kind != cueSource {
			s, err := klaim.ParseStance(cols[2])
			if err != nil {
				return err
			}
			st = s
		}
		for _, p := range strings.Split(cols[1], "|") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			l.cueTrie.add(phraseWords(p), len(l.cues))
			if kind == cueNoun {
				l.nounTrie.add(phraseWords(p), len(l.cues))
			}
			l.cues = append(l.cues, cue{phrase: p, lang: cols[0], stance: st, kind: kind})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(fsys, "lexicon/words.tsv", 3, func(cols []string) error {
		bit, ok := classBits[cols[0]]
		if !ok {
			return fmt.Errorf("unknown word class %q", cols[0])
		}
		for _, w := range strings.Split(cols[2], "|") {
			w = strings.ToLower(strings.TrimSpace(w))
			if w == "" {
				continue
			}
			switch cols[0] {
			case "role":
				l.roles.add(phraseWords(w), len(l.roleNames))
				l.roleNames = append(l.roleNames, w)
			case "abbrev":
				l.abbrev[strings.TrimSuffix(w, ".")] = true
			}
			l.bits[w] |= bit
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readTSV(fsys, "lexicon/markers.tsv", 3, func(cols []string) error {
		st, err := klaim.ParseStance(cols[1])
		if err != nil {
			return err
		}
		if cols[0] != "any" && cols[0] != "self" && cols[0] != "start" && cols[0] != "label" {
			return fmt.Errorf("unknown marker mode %q (want any, self or start)", cols[0])
		}
		for _, p := range strings.Split(cols[2], "|") {
			if p = strings.TrimSpace(p); p != "" {
				l.markers.add(phraseWords(p), len(l.markerStanc))
				l.markerStanc = append(l.markerStanc, st)
				l.markerMode = append(l.markerMode, cols[0])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// readTSV calls row for every non-comment line of name, split into exactly
// want tab-separated columns (any number when want is 0).
func readTSV(fsys fs.FS, name string, want int, row func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if want > 0 && len(cols) != want {
			return fmt.Errorf("%s:%d: want %d tab-separated columns, got %d", name, n, want, len(cols))
		}
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if err := row(cols); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
