package data

import (
	"testing"
	"testing/fstest"
)

func TestGlossaryBundled(t *testing.T) {
	g, err := Glossary(FS)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range g {
		if seen[c.ID] {
			t.Errorf("concept %q listed twice", c.ID)
		}
		seen[c.ID] = true
		if len(c.English) == 0 || len(c.Indonesian) == 0 {
			t.Errorf("concept %q lacks terms in one language", c.ID)
		}
	}
	if !seen["private_message"] {
		t.Error("bundled glossary lacks private_message")
	}
}

func TestGlossaryRejectsBadLine(t *testing.T) {
	fsys := fstest.MapFS{"lexicon/glossary.tsv": {Data: []byte("# c\nok\tread|see\tbaca\nbroken line\n")}}
	if _, err := Glossary(fsys); err == nil {
		t.Fatal("a line without three columns must be an error")
	}
}
