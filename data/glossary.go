package data

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
)

// Concept is one entry of the bilingual glossary: a language-independent
// concept ID with its English and Indonesian terms (lower case).
type Concept struct {
	ID         string
	English    []string
	Indonesian []string
}

// Glossary reads lexicon/glossary.tsv from fsys (usually FS).
func Glossary(fsys fs.FS) ([]Concept, error) {
	const name = "lexicon/glossary.tsv"
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("glossary: %w", err)
	}
	defer f.Close()
	var out []Concept
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return nil, fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", name, n, len(cols))
		}
		out = append(out, Concept{ID: cols[0], English: terms(cols[1]), Indonesian: terms(cols[2])})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func terms(col string) []string {
	var out []string
	for _, t := range strings.Split(col, "|") {
		if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
			out = append(out, t)
		}
	}
	return out
}
