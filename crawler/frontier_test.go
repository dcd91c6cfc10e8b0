package crawler

import (
	"testing"
	"time"
)

func TestFrontierRecover(t *testing.T) {
	dir := t.TempDir()
	f, err := openFrontier(dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	window := func(record) time.Duration { return time.Hour }
	qs, _, err := f.enqueue([]string{"https://a.id/1", "https://a.id/2"}, record{Depth: 1}, now, window, false)
	if err != nil || len(qs) != 2 {
		t.Fatal(qs, err)
	}
	// Both in flight when the process dies; the file is reopened.
	for _, q := range qs {
		if _, ok, err := f.take(q); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}
	f.Close()
	if f, err = openFrontier(dir); err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	requeued, failed, err := f.recover(now)
	if err != nil || requeued != 2 || len(failed) != 0 {
		t.Fatalf("first recover: %d, %v, %v", requeued, failed, err)
	}
	pending, _ := f.pending()
	if len(pending) != 2 || pending[0].URL != "https://a.id/1" || pending[0].Rec.Resumed != 1 || pending[0].Rec.Depth != 1 {
		t.Fatalf("pending %+v", pending)
	}
	// /1 finishes; /2 is in flight at a second crash: it is failed, not
	// retried forever.
	r1, _, _ := f.take(pending[0])
	r1.State, r1.At = stateDone, now
	f.finish(pending[0].URL, r1)
	f.take(pending[1])
	requeued, failed, err = f.recover(now)
	if err != nil || requeued != 0 || len(failed) != 1 || failed[0].URL != "https://a.id/2" {
		t.Fatalf("second recover: %d, %v, %v", requeued, failed, err)
	}
	// Done within the window: not queued again; failed: only when asked.
	qs, whys, _ := f.enqueue([]string{"https://a.id/1", "https://a.id/2"}, record{}, now, window, false)
	if len(qs) != 0 || len(whys) != 2 {
		t.Errorf("re-enqueue: %v %v", qs, whys)
	}
	qs, _, _ = f.enqueue([]string{"https://a.id/1", "https://a.id/2"}, record{}, now, window, true)
	if len(qs) != 1 || qs[0].URL != "https://a.id/2" {
		t.Errorf("retry failed: %v", qs)
	}
	qs, _, _ = f.enqueue([]string{"https://a.id/1"}, record{}, now.Add(2*time.Hour), window, false)
	if len(qs) != 1 {
		t.Errorf("after the window: %v", qs)
	}
}

func TestFrontierAlias(t *testing.T) {
	f, err := openFrontier(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.setAlias("https://a.id/p", "https://a.id/p?page=all")
	f.setAlias("https://a.id/p?page=all", "https://a.id/p") // would be a cycle: ignored
	f.setAlias("https://a.id/old", "https://a.id/p")
	for in, want := range map[string]string{
		"https://a.id/old":        "https://a.id/p?page=all",
		"https://a.id/p":          "https://a.id/p?page=all",
		"https://a.id/p?page=all": "https://a.id/p?page=all",
		"https://a.id/other":      "https://a.id/other",
	} {
		if got, _ := f.resolve(in); got != want {
			t.Errorf("resolve(%s) = %s, want %s", in, got, want)
		}
	}
	now := time.Now()
	qs, _, _ := f.enqueue([]string{"https://a.id/old"}, record{}, now, func(record) time.Duration { return time.Hour }, false)
	if len(qs) != 1 || qs[0].URL != "https://a.id/p?page=all" {
		t.Errorf("enqueue of an alias queued %v", qs)
	}
}
