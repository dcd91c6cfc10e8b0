package claims

import (
	"strings"

	"github.com/klaim/klaim"
)

// stanceRank orders the stances a quotation can reveal: an apology outranks
// a denial, which outranks an admission.
var stanceRank = map[klaim.Stance]int{klaim.StanceAdmit: 1, klaim.StanceDeny: 2, klaim.StanceApologize: 3}

// stanceOf returns a statement's stance: its cue's, unless the cue only
// reports (a claim) and what is said denies, admits or apologises: "itu
// tidak benar", "not true", "kami tidak pernah", "secara tidak sengaja",
// "we apologise".
func (r *run) stanceOf(s *stmt) klaim.Stance {
	if s.base != klaim.StanceClaim || r.judgement(s.cue) && !r.judgesReport(s) {
		return s.base
	}
	best := klaim.StanceClaim
	buf := r.buf[:0]
	defer func() { r.buf = buf[:0] }()
	for _, c := range s.content {
		if c[0] < 0 || c[1] > len(r.text) || c[0] >= c[1] {
			continue
		}
		buf = tokenize(r.text, c[0], c[1], buf[:0])
		r.x.lex.classify(buf)
		orgSpeaker := s.speaker != nil && s.speaker.kind != klaim.KindPerson
		if st := r.markerStance(buf, s.direct, orgSpeaker); stanceRank[st] > stanceRank[best] {
			best = st
		}
	}
	return best
}

// markerStance scans tokens for stance markers. orgSpeaker says an
// organisation speaks, whose reported speech calls itself "the company".
func (r *run) markerStance(toks []token, direct, orgSpeaker bool) klaim.Stance {
	lex := r.x.lex
	best := klaim.StanceClaim
	sentStart, self := true, false
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !t.word {
			switch t.raw {
			case ".", "!", "?", ";", ":":
				sentStart, self = true, false
			}
			continue
		}
		// "Netflix said the company never accessed …": in an
		// organisation's reported speech its description speaks of itself
		// as a pronoun does.
		if (t.cls&cPronFirst != 0) || !direct && ((t.cls&cPronOrg != 0) || (t.cls&cPronPerson != 0) || orgSpeaker && t.cls&cDescOrg != 0 && (i > 0 && toks[i-1].cls&cDet != 0 || i+1 < len(toks) && toks[i+1].cls&cDemonstrative != 0)) {
			self = true
		}
		if v, n, ok := lex.markers.match(toks, i, len(toks)); ok {
			st, mode := lex.markerStanc[v], lex.markerMode[v]
			if st == klaim.StanceDeny && i > 0 && toks[i-1].word && toks[i-1].cls&cNeg != 0 {
				// "Saya tidak membantah bola kena tangan saya": a denial
				// denied concedes.
				st = klaim.StanceAdmit
			}
			if mode == "any" || mode == "self" && self || mode == "start" && sentStart || mode == "label" && r.predicated(toks, i, n, sentStart) {
				if stanceRank[st] > stanceRank[best] {
					best = st
				}
			}
			i += n - 1
		}
		sentStart = false
	}
	return best
}

// judgement reports whether a cue accuses or assesses ("accused",
// "menilai"): what follows judges another's deeds, and its words
// ("misleading", "keliru") are no denial by the speaker.
func (r *run) judgement(cue string) bool {
	w, _, _ := strings.Cut(strings.ToLower(cue), " ")
	return r.x.lex.bits[w]&cJudge != 0
}

// judgesReport reports whether what a judging cue judges is a report or an
// accusation ("menilai tuduhan itu tidak berdasar", "believes the claims
// are false"): then its words do deny.
func (r *run) judgesReport(s *stmt) bool {
	return len(s.content) > 0 && firstWordsName(r.text[s.content[0][0]:s.content[0][1]], reportNouns)
}

// predicated reports whether the label toks[i:i+n] ("hoaks", "fitnah", "a
// lie") is said of something — after a copula or demonstrative ("itu
// hoaks", "merupakan berita bohong", "dismissed it as propaganda"), or a
// sentence of its own ("Fitnah!") — rather than naming a topic ("produsen
// hoaks", "penyebaran berita bohong").
func (r *run) predicated(toks []token, i, n int, sentStart bool) bool {
	if sentStart {
		return true
	}
	k := i - 1
	for k >= 0 && toks[k].word && (toks[k].low == "a" || toks[k].low == "an" || toks[k].cls&cAdverb != 0 && toks[k].low != "to") {
		k-- // "is a lie", "itu jelas hoaks"
	}
	if k < 0 || !toks[k].word {
		return k >= 0 && (toks[k].raw == "," || toks[k].qmark)
	}
	switch toks[k].low {
	case "itu", "ini", "tersebut", "adalah", "merupakan", "ialah", "sebagai", "hanya", "cuma", "semua",
		"is", "was", "are", "were", "be", "been", "as", "it's", "that's", "this", "that", "pure", "just", "complete", "total", "simply":
		return true
	}
	return false
}
