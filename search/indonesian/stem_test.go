package indonesian

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// stemCases were derived by hand from Tala's rules (see the package comment);
// the comments mark where the rules over- or under-stem on purpose.
var stemCases = []struct{ word, stem string }{
	{"membantah", "bantah"},
	{"dibantah", "bantah"},
	{"bantahan", "bantah"},
	{"menyangkal", "sangkal"},
	{"mengakui", "aku"},
	{"pengakuan", "aku"},
	{"permintaan", "minta"},
	{"pemberitaan", "ita"}, // pem- then -an then ber-: berita looks prefixed
	{"berita", "ita"},
	{"kebanyakan", "banyak"},
	{"menulis", "tulis"},
	{"penulis", "tulis"},
	{"memakai", "paka"},  // meN-…-i is allowed, so the root's final i goes
	{"pemakai", "pakai"}, // peN-…-i is not
	{"menerima", "terima"},
	{"terima", "ima"}, // ter- looks like a prefix
	{"kebenaran", "benar"},
	{"bukunya", "buku"},
	{"bukumu", "buku"},
	{"rumahku", "rumah"},
	{"katakanlah", "kata"},
	{"apakah", "apa"},
	{"meskipun", "meski"},
	{"dimakan", "makan"},
	{"makanan", "makan"},
	{"perempuan", "empu"},
	{"belajar", "ajar"},
	{"pelajaran", "lajar"},
	{"bekerja", "kerja"},
	{"pekerjaan", "kerja"},
	{"mengirim", "irim"}, // meng+vowel keeps the vowel (no k restored)
	{"pengiriman", "irim"},
	{"membaca", "baca"},
	{"dibaca", "baca"},
	{"pembacaan", "baca"},
	{"pesan", "pesan"},
	{"pribadi", "pribad"}, // -i after a consonant other than s
	{"mengakses", "akses"},
	{"diakses", "akses"},
	{"membagikan", "bagi"},
	{"dibagikan", "bagi"},
	{"memberikan", "beri"},
	{"diberikan", "beri"},
	{"menjual", "jual"},
	{"dijual", "jual"},
	{"penjualan", "jual"},
	{"pengiklan", "iklan"},
	{"periklanan", "iklan"},
	{"laporan", "lapor"},
	{"melaporkan", "lapor"},
	{"dilaporkan", "lapor"},
	{"keamanan", "aman"},
	{"menepis", "tepis"},
	{"disangkal", "sangkal"},
	{"mengaku", "menga"}, // -ku (possessive) goes before prefixes
	{"pernyataan", "nyata"},
	{"menyatakan", "sata"}, // meny+vowel → s even for a root in ny-
	{"mengatakan", "ata"},  // the k of kata is not restored
	{"dikatakan", "kata"},
	{"perusahaan", "usaha"},
	{"pengguna", "guna"},
	{"menggunakan", "guna"},
	{"penggunaan", "guna"},
	{"bertanya", "berta"}, // -nya (possessive) goes first, then too short
	{"pertanyaan", "tanya"},
	{"ditanyakan", "tanya"},
	{"menanyakan", "tanya"},
	{"kekuatan", "kuat"},
	{"memperbaiki", "baik"},
	{"perbaikan", "baik"},
	{"diperbaiki", "baik"},
	{"ketua", "tua"},
	{"mengenai", "ena"},
	{"sesungguhnya", "sesungguh"},
	{"tidak", "tidak"},
	{"benar", "benar"},
	{"gugatan", "gugat"},
	{"pengadilan", "adil"},
	{"didenda", "denda"},
	{"sanksi", "sanksi"},
	{"pemilihan", "pilih"},
	{"percobaan", "coba"},
	{"minta", "minta"},
	{"maaf", "maaf"},
	{"bantah", "bantah"},
	{"kata", "kata"},
	{"ia", "ia"},
	{"dia", "dia"},
	{"penyangkalan", "sangkal"},
	{"terbukti", "bukti"},
	{"tertangkap", "tangkap"},
	{"kedatangan", "datang"},
	{"berjalan", "jalan"},
	{"menyampaikan", "sampai"},
	{"disampaikan", "sampai"},
	{"penyampaian", "sampai"},
	{"mengungkapkan", "ungkap"},
	{"diungkapkan", "ungkap"},
	{"pengungkapan", "ungkap"},
}

func TestStem(t *testing.T) {
	for _, c := range stemCases {
		if got := Stem(c.word); got != c.stem {
			t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
		}
	}
}

func TestStemEdgeCases(t *testing.T) {
	cases := []struct{ word, stem string }{
		{"", ""},
		{"a", "a"},
		{"menya", "menya"},   // two syllables: left alone
		{"meny", "meny"},     // one syllable
		{"pengaaa", "aaa"},   // nothing but vowels after the prefix
		{"dikaté", "dikaté"}, // é is not one of the counted vowels
		{"mengéaaa", "éaaa"}, // multi-byte letters survive slicing
		{"MEMBANTAH", "MEMBANTAH"},
	}
	for _, c := range cases {
		if got := Stem(c.word); got != c.stem {
			t.Errorf("Stem(%q) = %q, want %q", c.word, got, c.stem)
		}
	}
}

func TestStemBytesInPlace(t *testing.T) {
	b := []byte("menyangkal")
	got := StemBytes(b)
	if string(got) != "sangkal" {
		t.Fatalf("StemBytes = %q, want sangkal", got)
	}
	if &got[0] != &b[3] {
		t.Errorf("StemBytes did not return a subslice of its input")
	}
}

func FuzzStem(f *testing.F) {
	for _, c := range stemCases {
		f.Add(c.word)
	}
	f.Add("mempermainkannyalah")
	f.Add("peny")
	f.Add("bel\xffajar")
	f.Fuzz(func(t *testing.T, word string) {
		got := Stem(word)
		if word != "" && got == "" {
			t.Fatalf("Stem(%q) is empty", word)
		}
		if len(got) > len(word) {
			t.Fatalf("Stem(%q) = %q is longer than its input", word, got)
		}
		if utf8.ValidString(word) && !utf8.ValidString(got) {
			t.Fatalf("Stem(%q) = %q is not valid UTF-8", word, got)
		}
		// The stem is what is left of the word: a substring, except for the
		// one letter restored after a nasal prefix.
		if !strings.Contains(word, got) && !strings.Contains(word, got[1:]) {
			t.Fatalf("Stem(%q) = %q is not part of the word", word, got)
		}
	})
}

func BenchmarkStem(b *testing.B) {
	words := make([][]byte, len(stemCases))
	var n int64
	for i, c := range stemCases {
		words[i] = []byte(c.word)
		n += int64(len(c.word))
	}
	buf := make([]byte, 0, 64)
	b.SetBytes(n / int64(len(words)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		w := words[i%len(words)]
		buf = append(buf[:0], w...)
		StemBytes(buf)
	}
}

func ExampleStem() {
	for _, w := range []string{"membantah", "dibantah", "bantahan", "menyangkal", "pengakuan", "permintaan"} {
		fmt.Println(w, "→", Stem(w))
	}
	// Output:
	// membantah → bantah
	// dibantah → bantah
	// bantahan → bantah
	// menyangkal → sangkal
	// pengakuan → aku
	// permintaan → minta
}
