package crawler

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "dedup", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func distance(t testing.TB, a, b string) int {
	return bits.OnesCount64(Simhash(readFixture(t, a)) ^ Simhash(readFixture(t, b)))
}

// TestSimhashDistances pins the distances NearDuplicateDistance and
// MinNearJaccard were chosen from: syndicated copies (another dateline,
// "Baca juga" links, footer) fall within both, other reports of the same
// story and translations within neither.
func TestSimhashDistances(t *testing.T) {
	tests := []struct {
		a, b string
		near bool
	}{
		{"id_original.txt", "id_syndicated.txt", true},
		{"en_original.txt", "en_syndicated.txt", true},
		{"id_original.txt", "id_same_story.txt", false},
		{"en_original.txt", "en_same_story.txt", false},
		{"id_syndicated.txt", "id_same_story.txt", false},
		{"id_original.txt", "en_original.txt", false}, // a translation is not a copy
		{"id_same_story.txt", "en_same_story.txt", false},
	}
	for _, tt := range tests {
		d := distance(t, tt.a, tt.b)
		fa, fb := fingerprintOf(textWords(readFixture(t, tt.a))), fingerprintOf(textWords(readFixture(t, tt.b)))
		j := fa.resemblance(&fb.minhash)
		t.Logf("%s ~ %s: distance %d, resemblance %.2f", tt.a, tt.b, d, j)
		if got := d <= NearDuplicateDistance; got != tt.near {
			t.Errorf("%s ~ %s: distance %d, near = %v, want %v", tt.a, tt.b, d, got, tt.near)
		}
		if got := j >= MinNearJaccard; got != tt.near {
			t.Errorf("%s ~ %s: resemblance %.2f, near = %v, want %v", tt.a, tt.b, j, got, tt.near)
		}
	}
}

func TestDedupCheck(t *testing.T) {
	dir := t.TempDir()
	d, err := OpenDedup(dir)
	if err != nil {
		t.Fatal(err)
	}
	orig := readFixture(t, "id_original.txt")
	steps := []struct {
		id, text string
		dupOf    string
		near     bool
	}{
		{"ar_orig", orig, "", false},
		{"ar_orig", orig, "", false}, // re-ingest of itself
		{"ar_exact", strings.ToUpper(strings.ReplaceAll(orig, "\n", "  ")), "ar_orig", false}, // case and spacing differ
		{"ar_synd", readFixture(t, "id_syndicated.txt"), "ar_orig", true},
		{"ar_other", readFixture(t, "id_same_story.txt"), "", false},
		{"ar_en", readFixture(t, "en_original.txt"), "", false},
		{"ar_en_synd", readFixture(t, "en_syndicated.txt"), "ar_en", true},
		{"ar_short1", "Presiden meresmikan jembatan baru.", "", false},
		{"ar_short2", "presiden MERESMIKAN jembatan baru!", "ar_short1", false},
		{"ar_short3", "Presiden meresmikan jembatan lama.", "", false},
		{"ar_empty", " ... ", "", false},
	}
	check := func(d *Dedup) {
		for _, s := range steps {
			dup, near, err := d.Check(s.id, s.text)
			if err != nil {
				t.Fatal(err)
			}
			if dup != s.dupOf || near != s.near {
				t.Errorf("Check(%s) = %q, %v; want %q, %v", s.id, dup, near, s.dupOf, s.near)
			}
		}
	}
	check(d)
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened, every text is known under the same IDs.
	d, err = OpenDedup(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	check(d)
	if dup, near, _ := d.Check("ar_new", orig+" Tambahan satu kalimat penutup."); dup != "ar_orig" || !near {
		t.Errorf("after reopen: %q, %v; want ar_orig, near", dup, near)
	}
	// An article whose text changed is recorded under its new text only.
	if dup, _, _ := d.Check("ar_other", "Teks yang sama sekali berbeda dari semula."); dup != "" {
		t.Errorf("changed text: duplicate of %q", dup)
	}
	if dup, _, _ := d.Check("ar_other2", readFixture(t, "id_same_story.txt")); dup != "" {
		t.Errorf("old text of a changed article still matches %q", dup)
	}
}

// BenchmarkDedupCheck measures Check against n recorded texts: "new" texts
// are recorded (one fsynced bbolt write each), "copy" texts are found as
// near duplicates (a read transaction and the in-memory scan).
func BenchmarkDedupCheck(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		for _, kind := range []string{"new", "copy"} {
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				d, err := OpenDedup(b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				defer d.Close()
				for i := range n { // fill the table without a transaction each
					d.put(fmt.Sprint("ar_", i), fingerprint{simhash: mix64(uint64(i))})
				}
				text := readFixture(b, "id_original.txt")
				if _, _, err := d.Check("ar_orig", text); err != nil {
					b.Fatal(err)
				}
				copyText := readFixture(b, "id_syndicated.txt")
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					t := copyText
					if kind == "new" { // a text of its own: the fixture's words shuffled
						words := strings.Fields(text)
						rand.New(rand.NewPCG(uint64(i), 1)).Shuffle(len(words), func(a, b int) { words[a], words[b] = words[b], words[a] })
						t = strings.Join(words, " ")
					}
					dup, _, err := d.Check(fmt.Sprint("new_", i), t)
					if err != nil || (kind == "copy") != (dup == "ar_orig") {
						b.Fatal(dup, err)
					}
				}
			})
		}
	}
}

func BenchmarkSimhash(b *testing.B) {
	text := readFixture(b, "id_original.txt")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Simhash(text)
	}
}
