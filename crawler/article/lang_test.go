package article

import "testing"

func TestDetectLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Netflix membantah bahwa perusahaannya bisa mengakses pesan pribadi pengguna Facebook.", "id"},
		{"Netflix denied that the company could read the private messages of Facebook users.", "en"},
		{"Menurut dia, hal itu tidak benar.", "id"},
		{"He said it was not true.", "en"},
		{"Jokowi", ""},
		{"", ""},
		{"12345 678 90", ""},
		{"Kooswardini Wulandari mengatakan Netflix tidak pernah membaca pesan pengguna dan tidak meminta akses itu. \"We never accessed private messages,\" ujarnya.", "id"},
		{"The company said on Wednesday that it had not accessed messages, menurut laporan Kompas.", "en"},
		{"Ketua KPK Agus Rahardjo menyebutkan penyidik sudah memeriksa saksi-saksi dalam kasus tersebut pada Rabu (19/12/2018).", "id"},
		{"Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuer erhöht wird.", ""},
		{"Le gouvernement a annoncé mercredi une hausse des impôts pour les entreprises.", ""},
		{"yang dan the and", ""},
	}
	for _, tt := range tests {
		if got := DetectLang(tt.in); got != tt.want {
			t.Errorf("DetectLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
