//go:build unix

package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// artifactDir is where screenshots go: $MEETSCAN_ARTIFACTS/web when set (CI
// keeps them), else the test's temp dir.
func artifactDir(t *testing.T) string {
	dir := os.Getenv("MEETSCAN_ARTIFACTS")
	if dir == "" {
		return t.TempDir()
	}
	dir = filepath.Join(dir, "web")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserEndToEnd drives Debian's headless chromium through the pages
// a researcher uses: search in Chinese and English, a facet, an article,
// the trends chart. It skips when chromium is missing, except in CI.
func TestBrowserEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	cfg := e2eConfig(t)
	s, err := New(cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	b := startBrowser(t)
	dir := artifactDir(t)
	shot := func(name string) { t.Logf("screenshot %s", b.screenshot(dir, name)) }

	// A dialog opened by any script would mean crawled text ran.
	b.do("Page.setInterceptFileChooserDialog", map[string]any{"enabled": false})

	b.navigate(ts.URL + "/?lang=zh")
	if got := b.evalString(`document.querySelector("#search-go").textContent`); got != "检索" {
		t.Errorf("search button %q, want 检索", got)
	}
	shot("1-search-home")

	// A Chinese query, typed and submitted with Enter.
	b.typeInto("#q", e2eQueryZH)
	zhHits := b.evalNumber(`document.querySelectorAll("li.hit").length`)
	if zhHits == 0 {
		t.Fatalf("Chinese query %q: no hit; page: %s", e2eQueryZH, b.evalString(`document.body.innerText.slice(0, 800)`))
	}
	if n := b.evalNumber(`document.querySelectorAll("li.hit mark, li.hit .title mark").length`); n == 0 {
		t.Errorf("Chinese query: no highlighted match in snippets")
	}
	if !strings.Contains(b.evalString(`location.search`), "q=") {
		t.Errorf("query not in URL: %s", b.evalString(`location.href`))
	}
	shot("2-search-zh")

	// An English query, with the interface switched to English.
	b.click("#lang-switch", true)
	if got := b.evalString(`document.querySelector("#search-go").textContent`); got != "Search" {
		t.Errorf("after switch, search button %q, want Search", got)
	}
	b.typeInto("#q", e2eQueryEN)
	if n := b.evalNumber(`document.querySelectorAll("li.hit").length`); n == 0 {
		t.Fatalf("English query %q: no hit; page: %s", e2eQueryEN, b.evalString(`document.body.innerText.slice(0, 800)`))
	}
	shot("3-search-en")

	// Back to the Chinese query, then narrow by a year facet.
	b.navigate(ts.URL + "/?q=" + url.QueryEscape(e2eQueryZH))
	totalBefore := b.evalString(`document.querySelector("#summary strong").textContent`)
	facetYear := b.evalString(`document.querySelector('section[data-facet="year"] a.facet-link').textContent`)
	if facetYear == "" {
		t.Fatal("no year facet")
	}
	b.click(`section[data-facet="year"] a.facet-link`, true)
	if !strings.Contains(b.evalString(`location.search`), "year="+facetYear) {
		t.Errorf("facet click: URL %s lacks year=%s", b.evalString(`location.search`), facetYear)
	}
	if b.evalNumber(`document.querySelectorAll("a.chip").length`) == 0 {
		t.Errorf("facet click: no active filter chip")
	}
	if b.evalNumber(`document.querySelectorAll("a.facet-link.active").length`) == 0 {
		t.Errorf("facet click: facet not shown active")
	}
	t.Logf("facet %s: %s -> %s results", facetYear, totalBefore, b.evalString(`document.querySelector("#summary strong").textContent`))
	shot("4-search-facet")

	// Open the first ordinary result (the hostile article is checked below).
	b.click(fmt.Sprintf(`li.hit a.title:not([href="/articles/%s"])`, cfg.hostileID), true)
	if !strings.HasPrefix(b.evalString(`location.pathname`), "/articles/") {
		t.Fatalf("hit click went to %s", b.evalString(`location.href`))
	}
	if b.evalString(`document.querySelector("#article-title").textContent`) == "" {
		t.Error("article page has no title")
	}
	if b.evalNumber(`document.querySelectorAll(".body span.person, .body span.req, .body span.theme").length`) == 0 {
		t.Error("article text has nothing marked")
	}
	if b.evalNumber(`document.querySelectorAll(".facts dd").length`) < 3 {
		t.Error("article facts missing")
	}
	shot("5-article")

	// The hostile article: its markup shows as text and never runs.
	if cfg.hostileID != "" {
		b.navigate(ts.URL + "/articles/" + cfg.hostileID)
		if n := b.evalNumber(`document.querySelectorAll("script, img, svg[onload], b, i").length`); n != 0 {
			t.Errorf("hostile article: %v injected elements in the DOM", n)
		}
		if title := b.evalString(`document.querySelector("#article-title").textContent`); !strings.Contains(title, "<script>") {
			t.Errorf("hostile title not shown as text: %q", title)
		}
		for {
			select {
			case ev := <-b.events:
				if ev.Method == "Page.javascriptDialogOpening" {
					t.Errorf("a script from article text ran: %s", ev.Params)
				}
				continue
			default:
			}
			break
		}
		shot("5b-hostile-article")
	}

	// Trends: default chart, then a comparison of two themes and a query
	// over a year range chosen in the form.
	b.navigate(ts.URL + "/trends")
	checkChart(t, b, 1)
	shot("6-trends-default")
	b.eval(`(() => { document.querySelectorAll('input[name=theme]').forEach((e, i) => e.checked = i < 2);
		return true; })()`)
	b.typeInto(`input[name=q]`, e2eQueryZH)
	checkChart(t, b, 3)
	if b.evalNumber(`document.querySelectorAll("#trend-table tbody tr").length`) == 0 {
		t.Error("trends: no rising/falling table")
	}
	shot("7-trends-compare")
	b.click("#terms-tab", true)
	if b.evalNumber(`document.querySelectorAll("#trend-table tbody tr").length`) == 0 {
		t.Error("trends terms view: empty table")
	}
	shot("8-trends-terms")

	b.navigate(ts.URL + "/context?term=" + url.QueryEscape(e2eQueryZH))
	if b.evalNumber(`document.querySelectorAll("#kwic tr").length`) == 0 {
		t.Error("context: no KWIC line")
	}
	t.Logf("screenshot %s", b.screenshotTop(dir, "9-context-top"))
	b.navigate(ts.URL + "/requirements")
	if b.evalNumber(`document.querySelectorAll("li.group").length`) == 0 {
		t.Error("requirements: no group")
	}
	shot("10-requirements")
	t.Logf("screenshot %s", b.screenshotTop(dir, "10-requirements-top"))
	b.navigate(ts.URL + "/report")
	shot("11-report")
	// The form's download link, fetched as the browser would.
	got := b.evalString(`(async () => { const f = document.querySelector("form.reportform");
		const u = new URL(f.action); new FormData(f).forEach((v, k) => u.searchParams.set(k, v));
		u.searchParams.set("format", "md");
		const r = await fetch(u); return r.status + " " + r.headers.get("Content-Disposition") + " " + (await r.text()).slice(0, 80); })()`)
	if !strings.HasPrefix(got, "200 attachment") {
		t.Errorf("report download: %q", got)
	}
}

// checkChart asserts that the trend chart is drawn with at least n series,
// each a visible line of at least two points.
func checkChart(t *testing.T, b *browser, n int) {
	t.Helper()
	if b.evalNumber(`document.querySelectorAll("#trend-chart").length`) != 1 {
		t.Fatalf("trends: no chart; page: %s", b.evalString(`document.body.innerText.slice(0, 600)`))
	}
	lines := b.evalNumber(`document.querySelectorAll("#trend-chart polyline").length`)
	if int(lines) < n {
		t.Errorf("trends: %v series drawn, want ≥ %d", lines, n)
	}
	w := b.evalNumber(`document.querySelector("#trend-chart polyline").getBBox().width`)
	pts := b.evalNumber(`document.querySelector("#trend-chart polyline").points.length`)
	if w < 100 || pts < 2 {
		t.Errorf("trends: first line %v units wide with %v points", w, pts)
	}
}
