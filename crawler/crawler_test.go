package crawler_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"meetscan/crawler"
	"meetscan/crawler/extract"
	"meetscan/crawler/fixture"
	"meetscan/data"
	"meetscan/data/warc"
)

func testConfig(srvURL string) crawler.Config {
	return crawler.Config{
		StartURLs:    []string{srvURL + "/"},
		Delay:        -1,
		Parallel:     2,
		Timeout:      2 * time.Second,
		RetryBackoff: 10 * time.Millisecond,
		MaxBodySize:  1 << 20,
	}
}

func openStore(t testing.TB, dir string) *data.Store {
	t.Helper()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// checkArticles asserts that every expected article is stored once with
// exactly the expected fields, and that its capture re-extracts the same.
func checkArticles(t *testing.T, store *data.Store, srvURL string, want []fixture.Article) {
	t.Helper()
	n, err := store.Count()
	if err != nil {
		t.Fatal(err)
	}
	if n != len(want) {
		t.Errorf("store holds %d articles, want %d", n, len(want))
	}
	for _, w := range want {
		id, err := store.ArticleIDByURL(srvURL + w.Path)
		if err != nil {
			t.Errorf("%s: %v", w.Path, err)
			continue
		}
		a, err := store.Article(id)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != w.Title || a.Published.String() != w.Published || a.Source != w.Source || a.Author != w.Author || a.Lang != w.Lang {
			t.Errorf("%s: got %q %q %q %q %q, want %q %q %q %q %q", w.Path, a.Title, a.Published, a.Source, a.Author, a.Lang,
				w.Title, w.Published, w.Source, w.Author, w.Lang)
		}
		if body := strings.Join(w.Paras, "\n"); a.Body != body {
			t.Errorf("%s: body\n%s\nwant\n%s", w.Path, a.Body, body)
		}
		if a.Capture == nil {
			t.Errorf("%s: no capture", w.Path)
			continue
		}
		target, hdr, raw, err := warc.ReadResponse(store.Dir(), *a.Capture)
		if err != nil {
			t.Errorf("%s: capture: %v", w.Path, err)
			continue
		}
		again, err := extract.Extract(raw, target, extract.Options{ContentType: hdr.Get("Content-Type")})
		if err != nil || again.Title != w.Title {
			t.Errorf("%s: re-extraction from WARC: %v %+v", w.Path, err, again)
		}
		re, err := crawler.Reextract(store.Dir(), a, nil)
		if err != nil || re.Body != a.Body || re.Published != a.Published || re.Capture != a.Capture {
			t.Errorf("%s: Reextract: %v", w.Path, err)
		}
	}
}

func TestCrawlFixtureSite(t *testing.T) {
	site := fixture.New(fixture.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t, t.TempDir())

	sum, err := crawler.Crawl(context.Background(), testConfig(srv.URL), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum)
	want := site.Expected()
	// /xwdt/dup.html is article 0 again under another URL: a duplicate.
	// /xwdt/moved.html redirects to article 1, stored under article 1's URL:
	// whichever of the two is fetched second finds it unchanged.
	if sum.ArticlesNew != len(want) || sum.ArticlesDuplicate != 1 || sum.ArticlesUnchanged != 1 || sum.ArticlesUpdated != 0 {
		t.Errorf("new %d dup %d unchanged %d updated %d, want %d 1 1 0", sum.ArticlesNew, sum.ArticlesDuplicate, sum.ArticlesUnchanged, sum.ArticlesUpdated, len(want))
	}
	// /, /xwdt/index.html + index_1 + index_2, /en/index.html + ?page=2, /tzgg/index.html
	if sum.Listings != 7 {
		t.Errorf("listings %d, want 7", sum.Listings)
	}
	if sum.RobotsBlocked != 2 { // /private/secret.html, /private/admin.html
		t.Errorf("robots blocked %d, want 2", sum.RobotsBlocked)
	}
	// /missing.html (404), /xwdt/big.html (too large), /go-away.html (302 off the site, not followed)
	if sum.Errors != 3 {
		t.Errorf("errors %d, want 3: %+v", sum.Errors, sum.PageErrors)
	}
	foundBig := false
	for _, e := range sum.PageErrors {
		if strings.HasSuffix(e.URL, "/xwdt/big.html") && strings.Contains(e.Err, "exceeds the size limit") {
			foundBig = true
		}
	}
	if !foundBig {
		t.Errorf("oversize page not reported: %+v", sum.PageErrors)
	}
	if sum.Retries < 1 || sum.Traps < 2 || sum.Offsite < 2 || sum.Queued != 0 {
		t.Errorf("retries %d traps %d offsite %d queued %d", sum.Retries, sum.Traps, sum.Offsite, sum.Queued)
	}
	for _, p := range []string{"/private/secret.html", "/private/admin.html", "/calendar/?month=2023-01", "/calendar/?month=2023-02", "/xwdt/xwdt/xwdt/index.html"} {
		if n := site.Hits(p); n != 0 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	if n := site.Hits("/xwdt/flaky.html"); n != 2 {
		t.Errorf("flaky page fetched %d times, want 2", n)
	}
	if n := site.Hits("/xwdt/index.html"); n != 1 {
		t.Errorf("listing fetched %d times (session-id variant not deduplicated?)", n)
	}
	checkArticles(t, store, srv.URL, want)
	// The duplicate URL points at the original article.
	id0, _ := store.ArticleIDByURL(srv.URL + site.ZHArticle(0).Path)
	idDup, _ := store.ArticleIDByURL(srv.URL + "/xwdt/dup.html")
	if id0 == "" || id0 != idDup {
		t.Errorf("duplicate URL maps to %q, original to %q", idDup, id0)
	}

	// Incremental: three new articles appear; the second crawl fetches the
	// listings and only the new articles.
	site.AddArticles(3)
	before := site.Hits(site.ZHArticle(5).Path)
	sum2, err := crawler.Crawl(context.Background(), testConfig(srv.URL), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sum2)
	if sum2.ArticlesNew != 3 {
		t.Errorf("second crawl: %d new, want 3", sum2.ArticlesNew)
	}
	if want := len(want) + 2; sum2.ArticlesUnchanged != want { // every known article incl. the duplicate URLs
		t.Errorf("second crawl: %d unchanged, want %d", sum2.ArticlesUnchanged, want)
	}
	if sum2.Listings != 7 || sum2.Run != sum.Run+1 || sum2.Resumed {
		t.Errorf("second crawl: listings %d run %d resumed %v", sum2.Listings, sum2.Run, sum2.Resumed)
	}
	if after := site.Hits(site.ZHArticle(5).Path); after != before {
		t.Errorf("known article fetched again (%d -> %d)", before, after)
	}
	checkArticles(t, store, srv.URL, site.Expected())

	// Recheck: conditional requests; the fixture answers 304.
	cfg := testConfig(srv.URL)
	cfg.Recheck = true
	sum3, err := crawler.Crawl(context.Background(), cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum3.ArticlesNew != 0 || sum3.ArticlesUpdated != 0 || sum3.ArticlesUnchanged != len(site.Expected())+2 {
		t.Errorf("recheck: %s", sum3)
	}
}

func TestCrawlLimits(t *testing.T) {
	site := fixture.New(fixture.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t, t.TempDir())
	cfg := testConfig(srv.URL)
	cfg.MaxPages = 5
	sum, err := crawler.Crawl(context.Background(), cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pages != 5 || sum.Queued == 0 {
		t.Errorf("max-pages 5: %s", sum)
	}
	// The next run resumes the page-limited one.
	cfg.MaxPages = 0
	sum2, err := crawler.Crawl(context.Background(), cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !sum2.Resumed || sum.ArticlesNew+sum2.ArticlesNew != len(site.Expected()) {
		t.Errorf("resume after max-pages: %s / %s", sum, sum2)
	}

	// Depth 1 from the home page: listings' first pages and the home page's
	// direct article links, pagination followed at the same depth.
	store2 := openStore(t, t.TempDir())
	cfg = testConfig(srv.URL)
	cfg.MaxDepth = 1
	sum3, err := crawler.Crawl(context.Background(), cfg, store2, nil)
	if err != nil {
		t.Fatal(err)
	}
	// depth 1: flaky, slow, dup, moved (4 articles) plus listing pages; the
	// articles on the listings are depth 2.
	if sum3.ArticlesNew != 4 {
		t.Errorf("max-depth 1: %s", sum3)
	}

	// Robots can be ignored on request.
	store3 := openStore(t, t.TempDir())
	cfg = testConfig(srv.URL)
	cfg.IgnoreRobots = true
	sum4, err := crawler.Crawl(context.Background(), cfg, store3, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum4.RobotsBlocked != 0 || site.Hits("/private/secret.html") != 1 {
		t.Errorf("ignore robots: %s", sum4)
	}
}

// cancelAfter wraps a handler and cancels ctx once n requests were served.
type cancelAfter struct {
	h      http.Handler
	n      int64
	served atomic.Int64
	cancel func()
}

func (c *cancelAfter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if c.served.Add(1) == c.n {
		c.cancel()
	}
	c.h.ServeHTTP(w, r)
}

func TestCrawlCancelAndResume(t *testing.T) {
	site := fixture.New(fixture.Options{Articles: 120})
	ctx, cancel := context.WithCancel(context.Background())
	ca := &cancelAfter{h: site, n: 40, cancel: cancel}
	srv := httptest.NewServer(ca)
	defer srv.Close()
	store := openStore(t, t.TempDir())
	sum1, err := crawler.Crawl(ctx, testConfig(srv.URL), store, nil)
	if err == nil || sum1.Queued == 0 {
		t.Fatalf("cancelled crawl: err %v, %s", err, sum1)
	}
	sum2, err := crawler.Crawl(context.Background(), testConfig(srv.URL), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := site.Expected()
	if !sum2.Resumed || sum1.ArticlesNew+sum2.ArticlesNew != len(want) {
		t.Errorf("resume: %s / %s", sum1, sum2)
	}
	checkArticles(t, store, srv.URL, want)
}

// TestCrawlChild is the crawl the SIGKILL test runs in a subprocess.
func TestCrawlChild(t *testing.T) {
	dir, u := os.Getenv("MEETSCAN_TEST_CHILD_DIR"), os.Getenv("MEETSCAN_TEST_CHILD_URL")
	if dir == "" {
		t.Skip("only run as the subprocess of TestCrawlKill9")
	}
	store := openStore(t, dir)
	cfg := testConfig(u)
	cfg.BatchSize = 4
	crawler.Crawl(context.Background(), cfg, store, nil)
}

// slowHandler slows every request so the child is killed mid-crawl.
type slowHandler struct {
	h      http.Handler
	served atomic.Int64
	hit    chan struct{}
	at     int64
}

func (s *slowHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.served.Add(1) == s.at {
		close(s.hit)
	}
	time.Sleep(3 * time.Millisecond)
	s.h.ServeHTTP(w, r)
}

func TestCrawlKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("subprocess test")
	}
	site := fixture.New(fixture.Options{Articles: 150})
	sh := &slowHandler{h: site, hit: make(chan struct{}), at: 70}
	srv := httptest.NewServer(sh)
	defer srv.Close()
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrawlChild$", "-test.v")
	cmd.Env = append(os.Environ(), "MEETSCAN_TEST_CHILD_DIR="+dir, "MEETSCAN_TEST_CHILD_URL="+srv.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sh.hit:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("child crawl did not get going")
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	store := openStore(t, dir)
	n1, _ := store.Count()
	queued, _ := store.FrontierLen()
	if queued == 0 {
		t.Fatalf("child finished before it was killed (%d articles)", n1)
	}
	sum, err := crawler.Crawl(context.Background(), testConfig(srv.URL), store, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("killed with %d articles stored, %d queued; resumed: %s", n1, queued, sum)
	want := site.Expected()
	if !sum.Resumed || n1+sum.ArticlesNew != len(want) {
		t.Errorf("after kill -9: %d stored before, %s; want %d in all", n1, sum, len(want))
	}
	checkArticles(t, store, srv.URL, want)
}

func TestCrawlTimeoutRetriesAndProgress(t *testing.T) {
	site := fixture.New(fixture.Options{SlowDelay: 3 * time.Second})
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t, t.TempDir())
	cfg := testConfig(srv.URL)
	cfg.Timeout = 800 * time.Millisecond // generous: the machine may be loaded
	cfg.Retries = 1
	cfg.ProgressEvery = 5 * time.Millisecond
	var calls atomic.Int64
	cfg.Progress = func(crawler.Stats) { calls.Add(1) }
	sum, err := crawler.Crawl(context.Background(), cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 4 || site.Hits("/xwdt/slow.html") != 2 {
		t.Errorf("slow page: %d errors, %d attempts; %s %+v", sum.Errors, site.Hits("/xwdt/slow.html"), sum, sum.PageErrors)
	}
	if calls.Load() == 0 {
		t.Error("progress never reported")
	}
}

func TestCrawlWithProfile(t *testing.T) {
	site := fixture.New(fixture.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	p, err := crawler.ParseProfile(strings.NewReader(`
follow_links: ['/xwdt/']
selectors: {title: 'h1.title', body: '.TRS_Editor', source: '.info span:nth-child(2)'}
`))
	if err != nil {
		t.Fatal(err)
	}
	store := openStore(t, t.TempDir())
	cfg := testConfig(srv.URL)
	cfg.Profile = p
	sum, err := crawler.Crawl(context.Background(), cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.ArticlesNew != 27 || sum.ArticlesDuplicate != 1 || site.Hits("/en/index.html") != 0 {
		t.Errorf("profile crawl: %s", sum)
	}
	a := site.ZHArticle(3)
	id, err := store.ArticleIDByURL(srv.URL + a.Path)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := store.Article(id)
	if got.Title != a.Title || got.Source != a.Source || got.Body != strings.Join(a.Paras, "\n") {
		t.Errorf("profile selectors: %+v", got)
	}
}

// failingSink fails after it has saved ok batches.
type failingSink struct {
	store *data.Store
	ok    int
}

func (f *failingSink) Save(ctx context.Context, arts []*data.Article) ([]data.PutStatus, error) {
	if f.ok == 0 {
		return nil, errors.New("index unavailable")
	}
	f.ok--
	return f.store.PutArticles(arts)
}

func TestCrawlSinkFailureLosesNothing(t *testing.T) {
	site := fixture.New(fixture.Options{Articles: 60})
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := openStore(t, t.TempDir())
	cfg := testConfig(srv.URL)
	cfg.BatchSize = 8
	_, err := crawler.Crawl(context.Background(), cfg, store, &failingSink{store: store, ok: 2})
	if err == nil || !strings.Contains(err.Error(), "index unavailable") {
		t.Fatalf("sink failure not reported: %v", err)
	}
	sum, err := crawler.Crawl(context.Background(), cfg, store, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !sum.Resumed {
		t.Errorf("run after a sink failure did not resume: %s", sum)
	}
	checkArticles(t, store, srv.URL, site.Expected())
}

func TestCrawlBadConfig(t *testing.T) {
	store := openStore(t, t.TempDir())
	if _, err := crawler.Crawl(context.Background(), crawler.Config{StartURLs: []string{"ftp://x/"}}, store, nil); err == nil {
		t.Error("ftp start URL accepted")
	}
	if _, err := crawler.Crawl(context.Background(), crawler.Config{}, store, nil); err == nil {
		t.Error("crawl without start URLs accepted")
	}
}

func TestCrawlHonoursCrawlDelay(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("User-agent: *\nCrawl-delay: 0.25\n"))
	})
	var times []time.Time
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now()) // Parallel 1: one request at a time
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><body><a href="/a">a</a><a href="/b">b</a><a href="/c">c</a></body></html>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	cfg := testConfig(srv.URL)
	cfg.Parallel = 1
	if _, err := crawler.Crawl(context.Background(), cfg, openStore(t, t.TempDir()), nil); err != nil {
		t.Fatal(err)
	}
	if len(times) != 4 {
		t.Fatalf("%d pages fetched, want 4", len(times))
	}
	for i := 1; i < len(times); i++ {
		if gap := times[i].Sub(times[i-1]); gap < 240*time.Millisecond {
			t.Errorf("request %d came %v after the previous one; Crawl-delay is 250ms", i, gap)
		}
	}
	// --ignore-robots also ignores the Crawl-delay.
	times = nil
	cfg.IgnoreRobots = true
	if _, err := crawler.Crawl(context.Background(), cfg, openStore(t, t.TempDir()), nil); err != nil {
		t.Fatal(err)
	}
	shortest := time.Hour
	for i := 1; i < len(times); i++ {
		shortest = min(shortest, times[i].Sub(times[i-1]))
	}
	if shortest >= 240*time.Millisecond {
		t.Errorf("ignoring robots.txt still waited %v between requests", shortest)
	}
}
