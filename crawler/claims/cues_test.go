package claims

import (
	"testing"
)

// TestCues checks reporting verbs and phrases of both languages across
// domains: each must give a statement with the stance it carries.
func TestCues(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"membenarkan", "id", `Kepala Dinas Pendidikan Jawa Tengah Uswatun Hasanah membenarkan adanya pungutan liar di sekolah itu.`, []string{"Uswatun Hasanah/admit"}},
		{"menilai", "id", `Pengamat ekonomi Faisal Basri menilai kebijakan tarif itu merugikan petani.`, []string{"Faisal Basri/claim"}},
		{"memastikan", "id", `Direktur Utama PLN Darmawan Prasodjo memastikan pasokan listrik aman selama Lebaran.`, []string{"Darmawan Prasodjo/claim"}},
		{"mengungkapkan", "id", `Kapolres Malang AKBP Putu Kholis mengungkapkan pelaku sudah beraksi sejak tahun lalu.`, []string{"Putu Kholis/claim"}},
		{"ucap after quote", "id", `"Kami akan banding," ucap kuasa hukum terdakwa, Hotman Paris.`, []string{"Hotman Paris/claim"}},
		{"imbuh and terang", "id", "Menteri Kesehatan Budi Gunadi Sadikin meninjau rumah sakit itu.\n\n\"Stok obat cukup,\" terang Budi. \"Tenaga medis juga siap,\" imbuhnya.", []string{"Budi Gunadi Sadikin/claim"}},
		{"lanjut and sebut", "id", "\"Pertandingan ini sulit,\" sebut pelatih Persija Carlos Pena.\n\n\"Kami tetap bersyukur,\" lanjut Pena.", []string{"Carlos Pena/claim"}},
		{"insisted", "en", `Manchester City insisted that the club had complied with every rule.`, []string{"Manchester City/claim"}},
		{"acknowledged", "en", `Barts Health NHS Trust acknowledged that staff shortages had delayed treatment.`, []string{"Barts Health NHS Trust/admit"}},
		{"rejected claims", "en", `The ministry rejected claims that the election had been rigged.`, nil},
		{"rejected claims named", "en", `Kenya's electoral commission rejected claims that the vote had been rigged. The Independent Electoral and Boundaries Commission said results were final.`, []string{"Independent Electoral and Boundaries Commission/claim"}},
		{"at no time", "en", `"At no time did we sell customer data," a Target spokeswoman said.`, []string{"Target/deny"}},
		{"the company never, said by the company", "en", `A Netflix spokeswoman said the company never accessed members' private messages.`, []string{"Netflix/deny"}},
		{"the company never, said by a critic", "en", `Senator Ron Wyden said the company never disclosed the deals to regulators.`, []string{"Ron Wyden/claim"}},
		{"perusahaan tersebut tidak pernah", "id", `Gojek menyatakan perusahaan tersebut tidak pernah menjual data mitra pengemudi.`, []string{"Gojek/deny"}},
		{"role alone after the cue", "id", "Kapolres Bogor AKBP Rio Wahyu Anggoro mengatakan dua pelaku ditangkap.\n\n\"Keduanya residivis,\" kata Kapolres saat jumpa pers.", []string{"Rio Wahyu Anggoro/claim"}},
		{"role alone, English", "en", "Chief Constable Sarah Crew said officers were at the scene.\n\n\"We will not tolerate violence,\" said the chief constable.", []string{"Sarah Crew/claim"}},
		{"nickname given", "id", "\"Klien kami hanya karyawan biasa,\" ujar pria yang akrab disapa Kang Dedi itu.", []string{"Dedi/claim"}},
		{"hal tersebut disampaikan after a denial", "id", "PT Kereta Api Indonesia membantah kabar kenaikan tarif kereta ekonomi. Hal tersebut disampaikan Vice President Public Relations KAI Anne Purba di Jakarta.", []string{"Anne Purba/deny", "PT Kereta Api Indonesia/deny"}},
		{"list of actions", "id", `Aplikasi itu bisa membaca, menulis, dan menghapus berkas pengguna tanpa izin.`, nil},
		{"told reporters", "en", `Transport Secretary Louise Haigh told reporters the rail strike would end soon.`, []string{"Louise Haigh/claim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPairs(t, tt.lang, tt.name, tt.text, tt.want) })
	}
}

// TestClaimLinks checks that statements of one article about one thing
// share a claim, and statements about different things do not.
func TestClaimLinks(t *testing.T) {
	tests := []struct {
		name, lang, text string
		same             [][2]string // speaker/stance pairs that must share a claim
		apart            [][2]string // pairs that must not
	}{
		{"report then denial of the report", "en",
			"Bloomberg reported on Monday that Nissan would cut 9,000 jobs in Europe.\n\nNissan denied the report. \"We have no such plan,\" the company said.",
			[][2]string{{"Bloomberg/claim", "Nissan/deny"}}, nil},
		{"denial of a report, then the report", "en",
			"The Kremlin on Friday denied a report that President Vladimir Putin was ill.\n\nThe Daily Mail reported on Thursday, citing unnamed sources, that Putin had undergone surgery.",
			[][2]string{{"Kremlin/deny", "Daily Mail/claim"}}, nil},
		{"kabar tersebut", "id",
			"Sebelumnya, majalah Tempo melaporkan Garuda Indonesia akan menjual lima pesawat.\n\nGaruda Indonesia membantah kabar tersebut.",
			[][2]string{{"Tempo/claim", "Garuda Indonesia/deny"}}, nil},
		{"apology repeated by the chairman", "id",
			"Lion Air meminta maaf kepada penumpang atas keterlambatan penerbangan di Bandara Soekarno-Hatta.\n\nDirektur Utama Lion Air Daniel Putut mengakui sistem penjadwalan bermasalah. \"Kami mohon maaf kepada seluruh penumpang,\" tutur Daniel.",
			[][2]string{{"Lion Air/apologize", "Daniel Putut/apologize"}}, nil},
		{"shared concepts", "id",
			"Kementerian Perdagangan memastikan stok minyak goreng aman.\n\nIkatan Pedagang Pasar Indonesia (Ikappi) menyebut stok minyak goreng di pasar menipis.\n\nKapolri Listyo Sigit Prabowo mengatakan tiga tersangka penimbunan sudah ditangkap.",
			[][2]string{{"Kementerian Perdagangan/claim", "Ikatan Pedagang Pasar Indonesia/claim"}},
			[][2]string{{"Kementerian Perdagangan/claim", "Listyo Sigit Prabowo/claim"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract(t, article(tt.lang, tt.name, tt.text))
			ids := map[string]map[string]bool{}
			for _, s := range doc.Statements {
				p := s.Speaker.Name + "/" + string(s.Stance)
				if ids[p] == nil {
					ids[p] = map[string]bool{}
				}
				ids[p][s.Claim.ID] = true
			}
			shared := func(a, b string) bool {
				for id := range ids[a] {
					if ids[b][id] {
						return true
					}
				}
				return false
			}
			for _, p := range tt.same {
				if ids[p[0]] == nil || ids[p[1]] == nil || !shared(p[0], p[1]) {
					t.Errorf("%s and %s do not share a claim", p[0], p[1])
				}
			}
			for _, p := range tt.apart {
				if shared(p[0], p[1]) {
					t.Errorf("%s and %s share a claim", p[0], p[1])
				}
			}
			if t.Failed() {
				for _, s := range doc.Statements {
					t.Logf("  %s/%s claim=%s quote=%q", s.Speaker.Name, s.Stance, s.Claim.ID, s.Quote)
				}
			}
		})
	}
}

// TestReportReferent checks that "according to the report" and "menurut
// laporan tersebut" attribute to the report named before.
func TestReportReferent(t *testing.T) {
	tests := []struct{ lang, text, speaker string }{
		{"en", "The Guardian reported that the club had breached spending rules.\n\nAccording to the report, the club hid payments to its manager.", "The Guardian"},
		{"id", "Majalah Tempo melaporkan bahwa proyek itu digelembungkan.\n\nMenurut laporan tersebut, anggaran naik dua kali lipat.", "Tempo"},
	}
	for _, tt := range tests {
		doc := extract(t, article(tt.lang, tt.speaker, tt.text))
		n := 0
		for _, s := range doc.Statements {
			if s.Speaker.Name == tt.speaker {
				n++
			}
		}
		if n != 2 || len(doc.Statements) != 2 {
			t.Errorf("%s: %d statements of %s among %d, want 2 of 2", tt.lang, n, tt.speaker, len(doc.Statements))
		}
	}
}
