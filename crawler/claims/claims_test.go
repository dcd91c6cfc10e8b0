package claims

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klaim/klaim"
)

var (
	testX    *Extractor
	testXErr error
	testOnce sync.Once
)

func extractor(t testing.TB) *Extractor {
	t.Helper()
	testOnce.Do(func() { testX, testXErr = New() })
	if testXErr != nil {
		t.Fatal(testXErr)
	}
	return testX
}

func article(lang, title, text string) *klaim.Article {
	u := "file:///test/" + klaim.NormalizeName(title) + ".txt"
	return &klaim.Article{
		ID: klaim.ArticleID(u), URL: u, Title: title, Lang: lang, Text: text,
		Published: time.Date(2024, 4, 3, 0, 0, 0, 0, time.UTC), // a Wednesday
	}
}

func extract(t testing.TB, a *klaim.Article) *klaim.Document {
	t.Helper()
	doc, err := extractor(t).Extract(context.Background(), a, nil)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return doc
}

// pairs lists the distinct "speaker/stance" pairs of a document, sorted.
func pairs(doc *klaim.Document) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range doc.Statements {
		p := s.Speaker.Name + "/" + string(s.Stance)
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// TestStatements checks who says what with which stance on short texts of
// both languages and many kinds of news: politics, police, sport, business.
func TestStatements(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		// Indonesian
		{"kata after quote", "id", `"Kami tidak pernah menerima uang itu," kata Budi Santoso kepada wartawan, Selasa (2/4/2024).`, []string{"Budi Santoso/deny"}},
		{"minister denies", "id", `Menteri Keuangan Sri Mulyani membantah kabar bahwa anggaran subsidi dipotong.`, []string{"Sri Mulyani Indrawati/deny"}},
		{"not a denial", "id", `Kapolda Metro Jaya Irjen Karyoto tidak membantah adanya penangkapan tersebut.`, []string{"Karyoto/claim"}},
		{"police confirm", "id", `Polda Metro Jaya membenarkan penangkapan dua tersangka kasus narkoba di Jakarta Selatan.`, []string{"Polda Metro Jaya/admit"}},
		{"club apologises", "id", `Persija Jakarta meminta maaf kepada suporter atas kekalahan telak di kandang sendiri.`, []string{"Persija Jakarta/apologize"}},
		{"company admits", "id", `PT Maju Jaya Tbk mengakui adanya kebocoran data pelanggan pada pekan lalu.`, []string{"PT Maju Jaya Tbk/admit"}},
		{"menurut with role", "id", `Menurut juru bicara Kementerian Luar Negeri, Lalu Muhammad Iqbal, pemerintah telah mengirim nota protes.`, []string{"Lalu Muhammad Iqbal/claim"}},
		{"ujarnya pronoun", "id", "Ketua KPU Hasyim Asyari memastikan tahapan pemilu berjalan sesuai jadwal.\n\n\"Semua logistik sudah tiba di gudang,\" ujarnya.", []string{"Hasyim Asyari/claim"}},
		{"ia pronoun", "id", "Pelatih Persib Bojan Hodak kecewa dengan hasil pertandingan.\n\nIa mengatakan timnya kurang fokus di babak kedua.", []string{"Bojan Hodak/claim"}},
		{"hoaks in quote", "id", `"Itu hoaks, tidak ada rencana kenaikan harga," tegas Direktur Utama Pertamina, Nicke Widyawati.`, []string{"Nicke Widyawati/deny"}},
		{"declined to comment", "id", `Juru bicara Istana enggan berkomentar soal isu perombakan kabinet.`, nil},
		{"belum memberikan komentar", "id", `Hingga berita ini diturunkan, Garuda Indonesia belum memberikan komentar.`, nil},
		{"nested report", "id", `Gojek membantah laporan Reuters bahwa perusahaan akan memangkas ribuan karyawan.`, []string{"Gojek/deny", "Reuters/claim"}},
		{"dalam laporan", "id", `Dalam laporan Tempo, pejabat itu diberitakan menerima suap miliaran rupiah.`, []string{"Tempo/claim"}},
		{"coordinated verbs", "id", `Partai Gerindra menepis tudingan itu, serta menyatakan siap diperiksa.`, []string{"Partai Gerakan Indonesia Raya/claim", "Partai Gerakan Indonesia Raya/deny"}},
		{"surname later", "id", "Wakil Ketua DPR Sufmi Dasco Ahmad menyebut rapat digelar pekan depan.\n\nDasco juga membantah adanya lobi politik.", []string{"Sufmi Dasco Ahmad/claim", "Sufmi Dasco Ahmad/deny"}},
		{"perusahaan tersebut", "id", "Tokopedia sedang menyelidiki gangguan layanan.\n\nPerusahaan tersebut mengakui ada kesalahan sistem.", []string{"Tokopedia/admit"}},
		{"pihak", "id", `Pihak Shopee menegaskan tidak ada data pengguna yang bocor.`, []string{"Shopee/deny"}},
		{"mohon maaf in quote", "id", `"Kami mohon maaf atas ketidaknyamanan ini," kata Corporate Communication PLN, Gregorius Adi Trianto.`, []string{"Gregorius Adi Trianto/apologize"}},
		{"split quote", "id", `"Kami sudah bekerja keras," kata Shin Tae-yong, "tetapi lawan lebih baik malam ini."`, []string{"Shin Tae-yong/claim"}},
		{"dilansir is no speaker", "id", `"Proyek itu sudah ditutup," ujar Andi Wijaya dilansir laman resmi Antara, Senin.`, []string{"Andi Wijaya/claim"}},
		{"not a cue inside a name", "id", `Dengan kata lain, harga beras naik tajam bulan ini.`, nil},
		{"a thing from a place says it", "id", `Rumor itu pertama kali diembuskan oleh sebuah akun media sosial asal Thailand yang menyebut Buriram United tertarik mendatangkan Ridho.`, nil},
		// English
		{"said after quote", "en", `"We have never shared user data with advertisers," said Jane Porter, a spokeswoman for Acme Corp.`, []string{"Jane Porter/deny"}},
		{"did not deny", "en", `The minister did not deny that talks had taken place. Defence Minister Richard Marles did not deny the report.`, []string{"Richard Marles/claim"}},
		{"denied report nested", "en", `Tesla denied a Reuters report that it would cut prices in China.`, []string{"Reuters/claim", "Tesla/deny"}},
		{"possessive report", "en", `Google rejected The Wall Street Journal's report that it had paused the project.`, []string{"Google/deny", "The Wall Street Journal/claim"}},
		{"police confirmed", "en", `Police confirmed on Tuesday that two men had been arrested.`, []string{"Police/admit"}},
		{"polisi membenarkan", "id", `Polisi membenarkan penangkapan dua pria di Bekasi.`, []string{"Polisi/admit"}},
		{"named police", "en", `The Metropolitan Police confirmed on Tuesday that two men had been arrested.`, []string{"Metropolitan Police/admit"}},
		{"club apologised", "en", `Chelsea apologised to supporters after the ticketing system crashed.`, []string{"Chelsea/apologize"}},
		{"company admitted", "en", `Boeing admitted that the panel had been installed without bolts.`, []string{"Boeing/admit"}},
		{"declined to comment", "en", `Microsoft declined to comment on the report.`, nil},
		{"she is not a man already called he", "en", "Rachel Ainsworth denied the report.\n\nTom Ellery said the emails raised questions. \"It is lobbying,\" he said.\n\n\"The scheme was routine,\" she said.", []string{"Rachel Ainsworth/claim", "Rachel Ainsworth/deny", "Tom Ellery/claim"}},
		{"subject after a fronted phrase", "en", "Rachel Ainsworth denied the report.\n\nSpeaking on BBC Radio 4's Today programme on Monday, she conceded that she had asked her officials about the scheme.", []string{"Rachel Ainsworth/admit", "Rachel Ainsworth/deny"}},
		{"subject after a fronted phrase, Indonesian", "id", "Peneliti Yudhistira Nugroho mengatakan data itu asli.\n\nMelalui unggahan di akun X miliknya, ia menulis bahwa sampel data cocok dengan data pengguna.", []string{"Yudhistira Nugroho/claim"}},
		{"commissioner role", "id", `Komisioner Komnas HAM Wahyu Setiawati menyebut pihaknya sudah menerima aduan dari keluarga.`, []string{"Wahyu Setiawati/claim"}},
		{"derived noun opens the sentence", "id", "Pelatih Persebaya Marco Ferreira menuding wasit berat sebelah.\n\nKemarahan Ferreira dipicu keputusan wasit. \"Itu penalti yang aneh,\" kata Ferreira.", []string{"Marco Ferreira/claim"}},
		{"common noun opens the sentence", "id", "Polisi menyerahkan jenazah kepada keluarga pada Minggu.\n\nKeluarga menduga Rizal dianiaya selama pemeriksaan.", nil},
		{"passive told is no speech by its subject", "en", `Pupils at some schools were told of the switch shortly before the exam started.`, nil},
		{"passive charged", "en", `Robert Kessler was charged with operating a passenger train under the influence.`, nil},
		{"participle as adjective", "en", `A Chinese ship collided with a Philippine boat near Second Thomas Shoal, a contested reef in the South China Sea.`, nil},
		{"related-story link", "id", "Bupati Luwu, Andi Syahrir, mengatakan bantuan sudah tiba.\n\nBaca juga: Korban Banjir Bandang Luwu Mengungsi di Masjid dan Sekolah", []string{"Andi Syahrir/claim"}},
		{"photo caption", "en", "Image caption, Pupils at some schools said the paper had leaked", nil},
		{"the newspaper is an outlet", "en", "Rachel Ainsworth denied helping a company owned by a major Labour donor, after the Sunday Times published emails.\n\nThe newspaper reported that her office contacted officials four times.", []string{"Rachel Ainsworth/deny", "The Sunday Times/claim"}},
		{"the answer's own words are not the report's", "en", `LONDON (Reuters) - Revolut on Thursday denied a report in the Financial Times that the watchdog had found "serious weaknesses" in its controls, calling the story "simply false".`, []string{"Financial Times/claim", "Revolut/deny"}},
		{"but insisted: one subject, two verbs", "en", `Boeing admitted that its quality controls had failed, but insisted the planes were safe.`, []string{"Boeing/admit", "Boeing/claim"}},
		{"accused of misleading is no denial", "en", `Senator Elizabeth Warren accused the bank of misleading customers.`, []string{"Elizabeth Warren/claim"}},
		{"an assessment is no denial", "id", `Pengamat politik dari Universitas Indonesia Ade Armando menilai langkah tersebut keliru.`, []string{"Ade Armando/claim"}},
		{"an assessment of an accusation denies it", "id", `Pengacara Maqdir Ismail menilai tuduhan itu tidak berdasar.`, []string{"Maqdir Ismail/deny"}},
		{"rejected by: the agent rejects", "en", `The RSF says it has captured the town of Bara, a claim flatly rejected by the army.`, []string{"RSF/claim"}},
		{"a denial denied in a quote is no denial", "id", `"Saya tidak membantah bola kena tangan saya. Tapi jaraknya dekat sekali," ujar Aldo Kurniawan.`, []string{"Aldo Kurniawan/admit"}},
		{"in no mood to apologise", "en", `Gareth Ainsley was in no mood to apologise for the manner of the victory.`, nil},
		{"not a word of it is true", "en", `"Not a word of that story is true," Vance's publicist, Jordan Feld, said in a statement.`, []string{"Jordan Feld/deny"}},
		{"a report asked for is no report", "id", `Direktur Industri Alat Transportasi Kemenperin, Rudi Hartawan, mengatakan pihaknya meminta perusahaan melaporkan progres recall setiap dua pekan.`, []string{"Rudi Hartawan/claim"}},
		{"urged to explain", "en", `The regulator urged the airline to explain why refunds were delayed.`, nil},
		{"hoaks as a topic is no denial", "id", `"Kami hanya mengimbau agar buzzer dan para produsen hoaks berhenti merusak persatuan," kata Dahnil Anzar Simanjuntak.`, []string{"Dahnil Anzar Simanjuntak/claim"}},
		{"hoaks said of something denies", "id", `Deputi Protokol Bey Machmudin menekankan pesan berantai tersebut merupakan berita bohong.`, []string{"Bey Machmudin/deny"}},
		{"the main clause's speaker is the one referred to", "id", "Juru bicara Prabowo, Dahnil Anzar Simanjuntak, memastikan rumor tersebut hoaks, karena sudah dibantah oleh Presiden Joko Widodo.\n\n\"Kami sudah nyatakan itu hoaks,\" katanya.", []string{"Dahnil Anzar Simanjuntak/deny", "Joko Widodo/deny"}},
		{"a report judged untrue keeps its own claim", "en", `A Reuters report that Chancellor Angela Merkel had asked France to back Christine Lagarde is untrue, a government spokesman said on Tuesday.`, []string{"Reuters/claim"}},
		{"the report is wrong", "en", `"The report is wrong. What the chancellor said yesterday still stands," Steffen Seibert said.`, []string{"Steffen Seibert/deny"}},
		{"after a fronted phrase, roles before the subject", "en", `Following a report from the Fars News Agency that Hassan Rouhani had turned down a meeting, White House Press Secretary Sarah Huckabee Sanders said on Monday that the report was false.`, []string{"Sarah Huckabee Sanders/deny"}},
		{"appositive person right before the cue", "en", `A spokesperson for the FBI's Sacramento field office, Kelsey Armitage, confirmed that agents had carried out court-authorized activity.`, []string{"Kelsey Armitage/admit"}},
		{"a question's verb is no statement", "en", `Asked whether Okafor-Reid had told team-mates he wanted to leave, Daniel Rourke said: "That's not true."`, []string{"Daniel Rourke/deny"}},
		{"not what happened", "en", `"That is not what happened," Thomas Albrecht said.`, []string{"Thomas Albrecht/deny"}},
		{"not one", "en", `"Not one operator has been terminated for joining this strike," Dana Lindqvist said.`, []string{"Dana Lindqvist/deny"}},
		{"a woman's given name is no he", "en", "Dale Fischer told supporters the count was rigged.\n\nA spokesperson for the Secretary of State's office, Melissa Grant, said the office had found nothing wrong.\n\n\"I was frustrated and I said something I shouldn't have,\" he said.", []string{"Dale Fischer/claim", "Melissa Grant/claim"}},
		{"rubbish, said of a story", "en", `Voss's agent, Paul Merriman, said the newspaper's story was "rubbish from start to finish".`, []string{"Paul Merriman/deny"}},
		{"someone else's apology is no apology", "id", `"BGN jangan hanya minta maaf setiap ada kasus," tegas Yusnita Harahap.`, []string{"Yusnita Harahap/claim"}},
		{"wire credit line", "en", "Revolut said profits rose.\n\n(Reporting by Hannah Lowry; Additional reporting by Tomas Berger; Editing by Alison Trent)", []string{"Revolut/claim"}},
		{"saying sorry", "en", `"We let our customers down this weekend, and I am deeply sorry," JetBlue's chief operating officer, Marcus Whitfield, said.`, []string{"Marcus Whitfield/apologize"}},
		{"a website in a place", "en", `The story was first posted by a website in Russia that claimed the minister had resigned.`, nil},
		{"according to", "en", `According to the Federal Trade Commission, the company misled millions of users.`, []string{"Federal Trade Commission/claim"}},
		{"not true quote", "en", `"That is simply not true," Andy Stone, a Meta spokesman, wrote on X.`, []string{"Andy Stone/deny"}},
		{"he said", "en", "Manchester United manager Erik ten Hag was asked about the defeat.\n\n\"We were not good enough today,\" he said.", []string{"Erik ten Hag/claim"}},
		{"surname", "en", "Treasury Secretary Janet Yellen spoke in Washington. Yellen said inflation was easing.", []string{"Janet Yellen/claim"}},
		{"the company", "en", "Shares of Nvidia fell 5 percent. The company said demand remained strong.", []string{"Nvidia/claim"}},
		{"inadvertently", "en", "Twitter said it had found a bug.\n\n\"Some passwords were inadvertently stored in plain text,\" the company said.", []string{"Twitter/admit", "Twitter/claim"}},
		{"headline title case", "en", `Apple CEO Tim Cook Says The US Should Let Users Track Their Data`, nil},
		{"spokesperson told", "en", `A White House spokesperson told reporters that the president would sign the bill.`, []string{"White House/claim"}},
		{"refused to apologise", "en", `The coach refused to apologise for his comments.`, nil},
		{"orphan quote paragraph", "en", "Facebook stated that it did not sell data:\n\n\u201cNone of these partnerships gave companies access to information without permission.\u201d", []string{"Facebook/deny"}},
		{"conjoined subjects", "en", `Spotify and Netflix both said they were unaware of the access.`, []string{"Netflix/claim", "Spotify/claim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := extract(t, article(tt.lang, tt.name, tt.text))
			got := pairs(doc)
			want := append([]string(nil), tt.want...)
			sort.Strings(want)
			if strings.Join(got, ", ") != strings.Join(want, ", ") {
				t.Errorf("pairs = %q, want %q", got, want)
				for _, s := range doc.Statements {
					t.Logf("  %s/%s cue=%q quote=%q", s.Speaker.Name, s.Stance, s.Cue, s.Quote)
				}
			}
			if err := doc.Validate(); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestNewsPatterns checks attribution phrasings common in Indonesian and
// English news copy.
func TestNewsPatterns(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"hal itu disampaikan", "id", "Harga beras akan turun bulan depan. Hal itu disampaikan Menteri Perdagangan Budi Santoso di Jakarta, Senin.", []string{"Budi Santoso/claim"}},
		{"dibantah oleh", "id", `Tudingan itu dibantah oleh Kepala Dinas Kesehatan DKI Ani Ruspitawati.`, []string{"Ani Ruspitawati/deny"}},
		{"saat dikonfirmasi", "id", `"Betul, ada penangkapan," kata Kasat Reskrim Polres Bogor AKP Teguh Kumara saat dikonfirmasi, Selasa (2/4/2024).`, []string{"Teguh Kumara/admit"}},
		{"imbuhnya", "id", "Direktur Utama Garuda Indonesia Irfan Setiaputra mengatakan penerbangan kembali normal.\n\n\"Kami mohon maaf kepada penumpang,\" imbuhnya.", []string{"Irfan Setiaputra/apologize", "Irfan Setiaputra/claim"}},
		{"menuturkan comma", "id", `Gubernur Jawa Barat Dedi Mulyadi menuturkan, pemprov akan menanggung biaya pengobatan korban.`, []string{"Dedi Mulyadi/claim"}},
		{"who clause", "en", `Senator Elizabeth Warren, who chairs the panel, said the bank had misled regulators.`, []string{"Elizabeth Warren/claim"}},
		{"analysts at", "en", `Analysts at Goldman Sachs said the merger was likely to be approved.`, []string{"Goldman Sachs/claim"}},
		{"said in a statement", "en", `In a statement, Amazon said it had fired the employees involved.`, []string{"Amazon/claim"}},
		{"menurut data", "id", `Menurut data BPS, angka kemiskinan turun menjadi 9 persen.`, []string{"Badan Pusat Statistik/claim"}},
		{"says present", "en", `Ryanair says the strike will not affect flights.`, []string{"Ryanair/claim"}},
		{"we made mistakes", "en", `"We have made mistakes and we take full responsibility," chief executive Kelly Ortberg told employees.`, []string{"Kelly Ortberg/admit"}},
		{"confirmed the death", "en", `The club confirmed the death of its former captain on Sunday. Liverpool said he would be remembered.`, []string{"Liverpool/claim"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkPairs(t, tt.lang, tt.name, tt.text, tt.want) })
	}
}

// checkPairs extracts the statements of one short article and compares its
// speaker/stance pairs with want, logging every statement when they differ.
func checkPairs(t *testing.T, lang, title, text string, want []string) {
	t.Helper()
	doc := extract(t, article(lang, title, text))
	got := pairs(doc)
	want = append([]string(nil), want...)
	sort.Strings(want)
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("pairs = %q, want %q", got, want)
		for _, s := range doc.Statements {
			t.Logf("  %s/%s cue=%q quote=%q", s.Speaker.Name, s.Stance, s.Cue, s.Quote)
		}
	}
}
