package article

import "testing"

func TestStripRaw(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p>a</p><script>var x = "<p>no</p>";</script><p>b</p>`, `<p>a</p></script><p>b</p>`},
		{`<SCRIPT type="text/javascript">x</Script ><p>b`, `</Script ><p>b`},
		{`<script type="application/ld+json">{"a":1}</script>`, `<script type="application/ld+json">{"a":1}</script>`},
		{`a<!-- <p>hidden</p> -->b`, `ab`},
		{`a<!-- never closed`, `a`},
		{`<style>p{}</style><p>x</p>`, `</style><p>x</p>`},
		{`<noscript><img src=x></noscript>t`, `</noscript>t`},
		{`<scripts>kept</scripts><strong>s</strong>`, `<scripts>kept</scripts><strong>s</strong>`},
		{`<script>unterminated`, ``},
		{`<p>1 < 2</p>`, `<p>1 < 2</p>`},
	}
	for _, tt := range tests {
		if got := string(stripRaw([]byte(tt.in))); got != tt.want {
			t.Errorf("stripRaw(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
