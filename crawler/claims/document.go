package claims

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/klaim/klaim"
)

// Thresholds of concept overlap for two statements to be about the same
// claim. Concepts are coarse (an entity, "private message", "access"), and
// statements of one story share many of them, so half the concepts in
// common (Jaccard 0.5, and never fewer than two) is the least that tells one
// proposition from its neighbours; lower values merged the distinct claims
// of one story on the seed articles, higher ones split the same denial
// reported by two outlets (measured with the seeds' gold links: 0.4 gave
// precision 0.86, 0.6 recall 0.52). A stored claim also matches when it
// covers three quarters of the new claim's concepts (two at least): the
// store merges the concepts of every article that used a claim, so its set
// grows and its Jaccard index with any one statement shrinks.
const (
	joinInArticle  = 0.5
	joinAcross     = 0.5
	containAcross  = 0.75
	minContained   = 2
	maxKeyConcepts = 8
)

// mspan is an entity (or a first-person pronoun) mentioned at bytes [s, e).
type mspan struct {
	s, e  int
	ent   *entity
	first bool
}

// cluster is a claim of the article: statements about one proposition.
type cluster struct {
	stmts []*stmt
	count map[string]int
	keys  map[string]bool // the concepts most of its statements share
	deny  map[*entity]bool
	other map[*entity]bool // speakers with a stance other than deny
	key   []string
	id    string
	text  string
	subj  []*entity
	// deniesReport: a denial in it answers a report or a rumour
	deniesReport bool
}

func newCluster() *cluster {
	return &cluster{count: make(map[string]int), deny: make(map[*entity]bool), other: make(map[*entity]bool)}
}

// maxClusters bounds how many recent claims a statement is compared with,
// which keeps clustering linear on hostile input; a news article makes far
// fewer claims.
const maxClusters = 64

// maxRebuts bounds the statements one statement is said to rebut.
const maxRebuts = 16

// concepts computes a statement's concepts: the entities its quote or
// clause mentions (we/kami standing for the speaker's organisation) and the
// glossary concepts of its words.
func (r *run) concepts(s *stmt) {
	seen := make(map[string]bool)
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			s.conc = append(s.conc, c)
		}
	}
	buf := r.buf[:0]
	defer func() { r.buf = buf[:0] }()
	for _, c := range s.content {
		lo := sort.Search(len(r.mspans), func(i int) bool { return r.mspans[i].s >= c[0] })
		for k := lo; k < len(r.mspans) && r.mspans[k].s < c[1]; k++ {
			m := r.mspans[k]
			e := m.ent
			if m.first {
				e = s.speaker
				if e.org != nil {
					e = e.org
				} else if e.kind == klaim.KindPerson {
					// "kami" of a minister with no organisation named:
					// the government, not a party to what is said.
					continue
				}
			}
			if e == nil || e.kind == klaim.KindPlace || e.kind == klaim.KindDocument {
				continue
			}
			if !seen[e.id] && e != s.speaker {
				s.subj = append(s.subj, e)
				seen[e.id] = true
			}
			add(e.conceptID())
		}
		buf = tokenize(r.text, c[0], c[1], buf[:0])
		r.x.lex.classify(buf)
		r.glossaryConcepts(buf, add)
	}
}

// glossaryConcepts calls add with the glossary concepts of toks, leaving
// out those of the act of speaking (denial, apology).
func (r *run) glossaryConcepts(toks []token, add func(string)) {
	for i := 0; i < len(toks); i++ {
		if v, n, ok := r.x.glo.trie.match(toks, i, len(toks)); ok {
			id := r.x.glo.ids[v]
			weak := n == 1 && (toks[i].cls&cWeakterm != 0)
			if !weak && !(r.x.lex.bits[strings.TrimPrefix(id, "c:")]&cSpeechconcept != 0) {
				add(id)
			}
			i += n - 1
		}
	}
}

// titleConcepts returns the concepts of the article's title: its known
// entities and glossary concepts. A headline states the article's main
// proposition, which denials without content of their own answer.
func (r *run) titleConcepts() []string {
	t := r.a.Title
	if i := strings.Index(t, ". "); i > 0 {
		t = t[:i] // a title that runs into the lead paragraph
	}
	toks := tokenize(t, 0, len(t), nil)
	r.x.lex.classify(toks)
	var out []string
	seen := make(map[string]bool)
	add := func(c string) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for i := 0; i < len(toks); i++ {
		if v, n, ok := r.x.gaz.match(toks, i, len(toks)); ok {
			g := r.x.gaz.entries[v]
			if g.kind != klaim.KindPlace && g.kind != klaim.KindDocument {
				add(klaim.EntityID(g.concept))
			}
			i += n - 1
		}
	}
	r.glossaryConcepts(toks, add)
	return out
}

func (e *entity) conceptID() string {
	if e.concept != "" {
		return e.concept
	}
	return e.id
}

// jaccard is the Jaccard index of two concept sets, 0 when they share fewer
// than two concepts: one shared entity says two statements are about the
// same party, not that they state the same proposition.
func jaccard(a []string, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for _, c := range a {
		if b[c] {
			inter++
		}
	}
	if inter < 2 {
		if inter == 1 && len(a) == 1 && len(b) == 1 && strings.HasPrefix(a[0], "c:") {
			// Two statements of one article about the one same thing
			// ("stok", "reshuffle") and nothing else.
			return 1
		}
		return 0
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// similarity scores how likely a stored claim's concepts a state the same
// proposition as a new claim's concepts b, 0 when they do not: their
// Jaccard index when it reaches joinAcross (ranked first), else the share of
// b that a covers when it reaches containAcross.
func similarity(a []string, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter, sharedEnt, aEnt := 0, false, false
	for _, c := range a {
		isEnt := !strings.HasPrefix(c, "c:")
		aEnt = aEnt || isEnt
		if b[c] {
			inter++
			sharedEnt = sharedEnt || isEnt
		}
	}
	if aEnt && !sharedEnt {
		for c := range b {
			if !strings.HasPrefix(c, "c:") {
				// Both name parties to the proposition and none is
				// shared: the same kind of event of other parties.
				return 0
			}
		}
	}
	j := float64(inter) / float64(len(a)+len(b)-inter)
	if j >= joinAcross && inter >= 2 {
		return 1 + j
	}
	// The store merges the concepts of every article that used a claim ID,
	// so a stored claim's set grows: what matters is how much of the new
	// claim (b) it covers.
	if inter >= minContained && float64(inter) >= containAcross*float64(len(b)) {
		return float64(inter) / float64(len(b))
	}
	return 0
}

func set(cs []string) map[string]bool {
	m := make(map[string]bool, len(cs))
	for _, c := range cs {
		m[c] = true
	}
	return m
}

// cluster groups the article's statements into claims.
func (r *run) cluster() []*cluster {
	var cls []*cluster
	keyset := func(c *cluster) map[string]bool {
		if c.keys != nil {
			return c.keys
		}
		m := make(map[string]bool)
		half := (len(c.stmts) + 1) / 2
		for k, n := range c.count {
			if n >= half || len(c.stmts) <= 2 {
				m[k] = true
			}
		}
		c.keys = m
		return m
	}
	join := func(c *cluster, s *stmt) {
		c.stmts = append(c.stmts, s)
		for _, k := range s.conc {
			c.count[k]++
		}
		c.keys = nil
		if s.stance == klaim.StanceDeny {
			c.deniesReport = c.deniesReport || r.refersToReport(s)
			c.deny[s.speaker] = true
		} else {
			c.other[s.speaker] = true
		}
		s.claim = c
	}
	for _, s := range r.stmts {
		r.concepts(s)
	}
	var title *cluster
	if tc := r.titleConcepts(); len(tc) >= 2 {
		title = newCluster()
		for _, c := range tc {
			title.count[c] = 1
		}
		cls = append(cls, title)
	}
	for _, s := range r.stmts {
		if s.target != nil && s.target.claim != nil {
			join(s.target.claim, s)
			continue
		}
		var best *cluster
		bestJ := 0.0
		report := s.stance == klaim.StanceClaim && r.reports(s)
		for _, c := range cls[max(0, len(cls)-maxClusters):] {
			if !consistent(c, s) {
				continue
			}
			j := jaccard(s.conc, keyset(c))
			if report && j >= joinInArticle && len(c.deny) > 0 {
				// A report as like a claim some party denies as one it
				// admits is the one denied: denials answer reports,
				// admissions concede a part of them.
				j += 1
			}
			if j > bestJ {
				best, bestJ = c, j
			}
		}
		var denied *cluster
		if s.stance == klaim.StanceClaim && r.reports(s) {
			denied = deniedReport(cls, s)
		}
		switch {
		case best != nil && bestJ >= joinInArticle:
		case denied != nil:
			// "The White House denied a report that …" then "Politico
			// reported that …": the report is the one denied.
			best = denied
		case (len(s.conc) < 2 || r.refersToReport(s)) && s.stance != klaim.StanceClaim && len(cls) > 0:
			// "Ini sangat tidak benar": a denial with nothing of its own
			// answers what the article was last about, or its headline.
			best = title
			found := false
			if s.stance == klaim.StanceApologize {
				// "PSSI meminta maaf … Erick Thohir: 'Kami mohon maaf'": an
				// apology with nothing of its own repeats the apology made.
				for k := len(r.stmts) - 1; k >= 0 && k >= len(r.stmts)-maxClusters; k-- {
					if o := r.stmts[k]; o != s && o.claim != nil && o.stance == klaim.StanceApologize && consistent(o.claim, s) {
						best, found = o.claim, true
						break
					}
				}
			}
			for k := len(r.stmts) - 1; !found && k >= 0 && k >= len(r.stmts)-maxClusters; k-- {
				o := r.stmts[k]
				if o.claim == nil || o == s {
					continue
				}
				if consistent(o.claim, s) && (o.stance.Opposes(s.stance) || s.stance == klaim.StanceApologize) {
					best = o.claim
					break
				}
			}
			if best != nil && !consistent(best, s) {
				best = nil
			}
		default:
			best = newCluster()
			cls = append(cls, best)
		}
		if best == nil {
			best = newCluster()
			cls = append(cls, best)
		}
		join(best, s)
	}
	kept := cls[:0]
	for _, c := range cls {
		if len(c.stmts) > 0 {
			kept = append(kept, c)
		}
	}
	cls = kept
	for _, c := range cls {
		ks := keyset(c)
		for k := range ks {
			c.key = append(c.key, k)
		}
		sort.Slice(c.key, func(i, j int) bool {
			ni, nj := c.count[c.key[i]], c.count[c.key[j]]
			if ni != nj {
				return ni > nj
			}
			return c.key[i] < c.key[j]
		})
		if len(c.key) > maxKeyConcepts {
			c.key = c.key[:maxKeyConcepts]
		}
		sort.Strings(c.key)
		c.text = r.claimText(c)
		seen := make(map[*entity]bool)
		for _, s := range c.stmts {
			for _, e := range s.subj {
				if !seen[e] && containsStr(c.key, e.id) {
					seen[e] = true
					c.subj = append(c.subj, e)
				}
			}
		}
	}
	return cls
}

// consistent reports whether s may join cluster c: a speaker does not both
// deny a proposition and assert, admit or apologise for it, so a denial and
// another stance of the same speaker are about different claims.
func consistent(c *cluster, s *stmt) bool {
	if s.stance == klaim.StanceDeny {
		return !c.other[s.speaker]
	}
	return !c.deny[s.speaker]
}

// clustersConsistent reports whether a and b may be one proposition: no
// speaker denies in one and takes another stance in the other.
func clustersConsistent(a, b *cluster) bool {
	for e := range a.deny {
		if b.other[e] {
			return false
		}
	}
	for e := range a.other {
		if b.deny[e] {
			return false
		}
	}
	return true
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// claimText picks a readable text for a claim: the reported clause of its
// first statement that reports one (a report or a claim rather than a
// denial), else the first sentence of its first quote.
func (r *run) claimText(c *cluster) string {
	pick := c.stmts[0]
	for _, s := range c.stmts {
		if s.stance == klaim.StanceClaim && len(s.content) > 0 {
			pick = s
			break
		}
	}
	if len(pick.content) == 0 {
		return trimText(r.text[pick.sent[0]:pick.sent[1]], 240)
	}
	t := r.text[pick.content[0][0]:pick.content[0][1]]
	if pick.direct {
		t = firstSentence(t)
	}
	return trimText(t, 240)
}

// firstSentence returns s up to its first sentence end.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?':
			if i+1 >= len(s) || s[i+1] == ' ' {
				if i >= 20 {
					return s[:i+1]
				}
			}
		}
	}
	return s
}

// trimText cuts s to at most n bytes at a word boundary, trims punctuation
// and space at its ends.
func trimText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		cut := strings.LastIndexByte(s[:n], ' ')
		if cut < n/2 {
			cut = n
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
		}
		s = s[:cut] + " …"
	}
	return strings.Trim(s, " ,;:\"“”'‘’«»")
}

// document assembles the klaim.Document: claims get their IDs (a stored
// claim with similar concepts when f finds one, else one derived from the
// concepts), statements their rebuttals.
func (r *run) document(ctx context.Context, f ClaimFinder) (*klaim.Document, error) {
	doc := &klaim.Document{Article: *r.a, Statements: []klaim.Statement{}, Entities: []klaim.Entity{}, Claims: []klaim.Claim{}, Relations: r.rels}
	if doc.Relations == nil {
		doc.Relations = []klaim.Relation{}
	}
	cls := r.cluster()
	// holders are the article's clusters given each claim ID so far. Two
	// clusters the article keeps apart because one speaker denies in one and
	// asserts or admits in the other ("Meta denied that Netflix read
	// messages … but admitted Netflix had inbox access") are two
	// propositions, however alike their concepts: they never share an ID.
	holders := make(map[string][]*cluster)
	mayHold := func(id string, c *cluster) bool {
		for _, o := range holders[id] {
			if !clustersConsistent(o, c) {
				return false
			}
		}
		return true
	}
	for _, c := range cls {
		if len(c.key) >= 2 && !hasEntityConcept(c.key) && len(c.stmts) > 0 {
			// "BSI admits a cyberattack caused the outage" and "Microsoft
			// admits …" share only kinds of events: the party that speaks
			// tells the propositions apart.
			sp := c.stmts[0].speaker
			if sp.org != nil {
				sp = sp.org
			}
			c.key = append(c.key, sp.conceptID())
			sort.Strings(c.key)
		}
		if len(c.key) < 2 {
			// One concept does not make a proposition: a claim of its own.
			c.id = r.textClaimID(c)
		} else {
			c.id = klaim.ClaimID(strings.Join(c.key, " "))
			if !mayHold(c.id, c) {
				c.id = r.textClaimID(c)
			}
			if f != nil {
				found, err := f.SimilarClaims(ctx, c.key, 10)
				if err != nil {
					return nil, fmt.Errorf("similar claims: %w", err)
				}
				ks := set(c.key)
				own := c.id
				bestJ, best, bestN := 0.0, "", 0
				for _, o := range found {
					j := similarity(o.Concepts, ks)
					if o.ID == own && j > 0 {
						// The claim these concepts made before (this article
						// ingested again): keep it, so IDs are stable.
						best = own
						break
					}
					// Of equally similar claims, the one more articles
					// discuss: a story's main proposition, not the side
					// remark that happens to share its concepts.
					if j > 0 && (j > bestJ || j == bestJ && (o.Articles > bestN || o.Articles == bestN && o.ID < best)) {
						best, bestJ, bestN = o.ID, j, o.Articles
					}
				}
				// A nearest claim taken by an earlier claim of this article
				// that this one contradicts says these concepts describe
				// the story's main proposition, which the article keeps
				// apart from this one: a weaker match would be no better.
				// The claim gets an ID of its own words, not of its
				// concepts, which would draw the next article that states
				// the main proposition.
				switch {
				case best == "":
				case mayHold(best, c):
					c.id = best
				default:
					c.id = r.textClaimID(c)
				}
			}
		}
		holders[c.id] = append(holders[c.id], c)
		if len(holders[c.id]) > 1 {
			continue
		}
		cl := klaim.Claim{ID: c.id, Text: c.text, Lang: r.lang, Concepts: c.key}
		for _, e := range c.subj {
			cl.Subjects = append(cl.Subjects, klaim.EntityRef{ID: e.id, Name: e.name})
		}
		doc.Claims = append(doc.Claims, cl)
	}
	for _, s := range r.stmts {
		s.id = klaim.StatementID(r.a.ID, s.span)
	}
	ref := r.a.Ref()
	for _, s := range r.stmts {
		st := klaim.Statement{
			ID: s.id, Article: ref, Stance: s.stance,
			Speaker: klaim.SpeakerRef{ID: s.speaker.id, Name: s.speaker.name, Kind: s.speaker.kind, Role: s.speaker.role},
			Claim:   klaim.ClaimRef{ID: s.claim.id, Text: s.claim.text},
			Direct:  s.direct, Cue: s.cue, Span: s.span, SaidAt: s.said, Rebuts: []string{},
			Sentence: strings.TrimSpace(r.text[s.sent[0]:s.sent[1]]),
		}
		if s.speaker.org != nil {
			st.Speaker.Org = &klaim.EntityRef{ID: s.speaker.org.id, Name: s.speaker.org.name}
		}
		if s.speaker.kind == klaim.KindPlace && len(s.speaker.aliases) > 0 {
			// A state speaking by its capital goes by the article's word
			// for it: "Moscow" in English, "Moskow" in Indonesian.
			st.Speaker.Name = s.speaker.aliases[0]
		}
		var q []string
		for _, c := range s.content {
			q = append(q, strings.TrimSpace(r.text[c[0]:c[1]]))
		}
		st.Quote = strings.Join(q, " ")
		for _, e := range s.subj {
			st.Subjects = append(st.Subjects, klaim.EntityRef{ID: e.id, Name: e.name})
		}
		for _, o := range s.claim.stmts {
			if len(st.Rebuts) >= maxRebuts {
				break
			}
			if o == s || o.speaker == s.speaker {
				continue
			}
			// A denial answers every claim or admission of its claim; a claim
			// answers the denials of earlier sentences.
			if s.stance.Opposes(o.stance) && (s.stance == klaim.StanceDeny || o.sent[1] <= s.sent[0]) {
				st.Rebuts = append(st.Rebuts, o.id)
			}
		}
		if s.target != nil && s.target.claim != s.claim && s.stance.Opposes(s.target.stance) {
			st.Rebuts = append(st.Rebuts, s.target.id)
		}
		doc.Statements = append(doc.Statements, st)
	}
	relsOf := make(map[string][]klaim.Relation)
	for _, rel := range doc.Relations {
		relsOf[rel.From.ID] = append(relsOf[rel.From.ID], rel)
		relsOf[rel.To.ID] = append(relsOf[rel.To.ID], rel)
	}
	for _, e := range r.order {
		ent := klaim.Entity{ID: e.id, Name: e.name, Kind: e.kind, Aliases: e.aliases, Relations: relsOf[e.id]}
		if ent.Aliases == nil {
			ent.Aliases = []string{}
		}
		if ent.Relations == nil {
			ent.Relations = []klaim.Relation{}
		}
		doc.Entities = append(doc.Entities, ent)
	}
	return doc, nil
}

// reportNouns are the words by which a statement points at a report or a
// rumour it answers: "membantah kabar tersebut", "denied the report".
var reportNouns = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "allegation": true, "allegations": true,
	"story": true, "rumour": true, "rumours": true, "rumor": true, "rumors": true, "speculation": true,
	"laporan": true, "kabar": true, "isu": true, "klaim": true, "tudingan": true, "tuduhan": true,
	"berita": true, "pemberitaan": true, "informasi": true, "rumor-rumor": true, "spekulasi": true,
}

// refersToReport reports whether s answers a report or rumour: its cue or
// the first words of what it says name one ("menepis kabar", "rejected
// claims of a rift", "This report is simply not true").
func (r *run) refersToReport(s *stmt) bool {
	for _, w := range strings.Fields(strings.ToLower(s.cue)) {
		if reportNouns[w] {
			return true
		}
	}
	// The words after the cue ("denied a report that …") and those the
	// statement opens with ("This report is simply not true").
	sent := r.text[s.sent[0]:s.sent[1]]
	if i := strings.Index(sent, s.cue); i >= 0 && firstWordsName(sent[i+len(s.cue):], reportNouns) {
		return true
	}
	if len(s.content) == 0 {
		return false
	}
	c := s.content[0]
	return firstWordsName(r.text[c[0]:c[1]], reportNouns)
}

// firstWordsName reports whether one of the first three words of s is in
// nouns.
func firstWordsName(s string, nouns map[string]bool) bool {
	words := 0
	for _, f := range strings.Fields(s[:min(len(s), 80)]) {
		f = strings.ToLower(strings.Trim(f, `"'“”‘’.,:;()`))
		if nouns[f] {
			return true
		}
		if words++; words >= 3 {
			break
		}
	}
	return false
}

// reports reports whether s is a report of the news media ("Politico
// reported", "laporan Tempo").
func (r *run) reports(s *stmt) bool {
	if s.speaker != nil && s.speaker.kind == klaim.KindMedia {
		return true
	}
	cue := strings.ToLower(s.cue)
	for _, p := range []string{"report", "melaporkan", "memberitakan", "mengabarkan", "laporan", "dilaporkan", "diberitakan"} {
		if strings.HasPrefix(cue, p) {
			return true
		}
	}
	return false
}

// deniedReport returns the latest claim of the article a denial of a report
// or rumour made, which a report s may join, or nil.
func deniedReport(cls []*cluster, s *stmt) *cluster {
	for k := len(cls) - 1; k >= 0 && k >= len(cls)-maxClusters; k-- {
		if c := cls[k]; c.deniesReport && consistent(c, s) {
			return c
		}
	}
	return nil
}

// hasEntityConcept reports whether a claim's concepts name a party to it:
// an entity, not only glossary concepts (which start with "c:").
func hasEntityConcept(key []string) bool {
	for _, k := range key {
		if !strings.HasPrefix(k, "c:") {
			return true
		}
	}
	return false
}

// textClaimID is the ID of a claim known by its words rather than its
// concepts: one concept alone, or concepts another claim of the article
// holds.
func (r *run) textClaimID(c *cluster) string {
	return klaim.ClaimID("text:" + r.a.ID + ":" + klaim.NormalizeName(c.text))
}
