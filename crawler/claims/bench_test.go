package claims

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract measures the whole extractor on the seed articles (or the
// bundled samples): MB/s of article text per core.
func BenchmarkExtract(b *testing.B) {
	x := extractor(b)
	dir := "../../data/samples"
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no sample articles")
	}
	var arts []*articleText
	size := 0
	for _, f := range files {
		a := readTxt(b, f)
		arts = append(arts, &articleText{a.Text})
		size += len(a.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j, f := range files {
			a := article("", f, arts[j].text)
			if _, err := x.Extract(context.Background(), a, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkHostile measures paragraphs of attribution-dense text without
// sentence ends (a cue every few words), at two sizes: equal MB/s at both
// shows the extractor is linear.
func BenchmarkHostile(b *testing.B) {
	x := extractor(b)
	for _, size := range []int{256 << 10, 1 << 20} {
		text := strings.Repeat("Kata Budi “tidak benar kata Ani bahwa Meta membantah laporan Reuters ", size/70)
		a := article("id", "hostile", text)
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for i := 0; i < b.N; i++ {
				if _, err := x.Extract(context.Background(), a, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type articleText struct{ text string }
