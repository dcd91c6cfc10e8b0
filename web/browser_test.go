package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath finds a Chromium to drive: $KLAIM_CHROMIUM, else the usual
// install paths.
func chromiumPath() string {
	if p := os.Getenv("KLAIM_CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives the page in headless Chromium: a search typed in the
// form, a facet, a claim's timeline, a speaker's page, the hostile article
// (no script of it may run) and the page with JavaScript off.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	bin := chromiumPath()
	if bin == "" {
		t.Skip("no Chromium at /usr/bin/chromium (or $KLAIM_CHROMIUM): install it (apt-get install chromium) to run the browser test")
	}
	f := newFixture(t, "")
	ts := httptest.NewServer(f.srv)
	defer ts.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	// Any dialog (alert) or uncaught exception fails the test: the hostile
	// article tries alert(), and the page's own script must not throw.
	var mu sync.Mutex
	var incidents []string
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *cdppage.EventJavascriptDialogOpening:
			incidents = append(incidents, "dialog: "+ev.Message)
			go chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		case *runtime.EventExceptionThrown:
			incidents = append(incidents, "exception: "+ev.ExceptionDetails.Text)
		}
	}); err != nil {
		t.Fatalf("listen to the browser: %v", err)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	steps := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	search := chromedp.CSS(`#search button[type="submit"]`)

	steps("search with the form",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "pesan pribadi"),
		chromedp.Click(search),
		chromedp.WaitVisible(chromedp.CSS("#results ol.statements li")),
	)
	results := text("#results")
	for _, want := range []string{"Kooswardini Wulandari", "denies · membantah", "Kami sama sekali", "viva.co.id"} {
		if !strings.Contains(results, want) {
			t.Errorf("results lack %q:\n%s", want, results)
		}
	}
	if loc, err := chromedp.Run(ctx, chromedp.Location()); err != nil || !strings.Contains(loc, "q=pesan+pribadi") {
		t.Errorf("the address does not keep the search: %s %v", loc, err)
	}

	steps("open a claim", chromedp.Click(chromedp.CSS(`#results a[data-claim="cl_pm"]`)), chromedp.WaitVisible(chromedp.CSS("#detail ol.timeline li")))
	detail := text("#detail")
	nyt, koos := strings.Index(detail, "The New York Times"), strings.Index(detail, "Kami sama sekali")
	if nyt < 0 || koos < 0 || nyt > koos {
		t.Errorf("timeline is not NYT's claim, then the denial:\n%s", detail)
	}

	steps("open a speaker", chromedp.Click(chromedp.CSS(`#detail a[data-entity="en_koos"]`)), chromedp.WaitVisible(chromedp.CSS("#detail ul.relations")))
	if entity := text("#detail"); !strings.Contains(entity, "works for · bekerja di (Director of Communications)") {
		t.Errorf("entity panel lacks the relation:\n%s", entity)
	}

	steps("click a facet",
		chromedp.Navigate(ts.URL+"/?q=users"),
		chromedp.WaitVisible(chromedp.CSS("a[data-facet]")),
		chromedp.Click(chromedp.Search(`//a[@data-facet][contains(., "apologizes")]`)),
		chromedp.WaitVisible(chromedp.CSS(`#results a[data-facet][aria-current="true"]`)),
	)
	if hits := text("#results .hits"); !strings.Contains(hits, "Mark Zuckerberg") || strings.Contains(hits, "Kooswardini") {
		t.Errorf("after the apologize facet:\n%s", hits)
	}

	// The hostile article, rendered by the server, then by the script (from
	// an empty page, so that what the waits see is the script's work).
	steps("show the hostile article",
		chromedp.Navigate(ts.URL+"/?q=trust"),
		chromedp.WaitVisible(chromedp.CSS("#results ol.statements li")),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "trust me"),
		chromedp.Click(search),
		chromedp.WaitVisible(chromedp.CSS(`#results a[data-claim="cl_xss"]`)),
		chromedp.Click(chromedp.CSS(`#results a[data-claim="cl_xss"]`)),
		chromedp.WaitVisible(chromedp.CSS("#detail ol.timeline li")),
	)
	if hostile := text("#detail"); !strings.Contains(hostile, `<script>alert("xss")</script> trust me`) {
		t.Errorf("the hostile quote is not shown as text:\n%s", hostile)
	}

	// Without JavaScript the server renders the results.
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	steps("search without JavaScript",
		chromedp.Navigate(ts.URL+"/?q=pesan+pribadi"),
		chromedp.WaitVisible(chromedp.CSS("#results ol.statements li")),
	)
	if plain := text("#results"); !strings.Contains(plain, "Kooswardini Wulandari") {
		t.Errorf("no results without JavaScript:\n%s", plain)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, inc := range incidents {
		t.Errorf("browser: %s", inc)
	}
}
