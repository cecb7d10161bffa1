package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"meetscan/data"
	"meetscan/data/warc"
)

func newTestServer(t *testing.T, mutate func(*Config)) (*httptest.Server, *memCorpus) {
	t.Helper()
	m := testCorpus()
	cfg := Config{Search: m, Articles: m, Trends: m, Context: m, Requirements: m, Reports: m, Themes: testThemes}
	if mutate != nil {
		mutate(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, m
}

type response struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, ts *httptest.Server, path string, hdr ...string) response {
	t.Helper()
	req, err := http.NewRequest("GET", ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

// hostile are strings of the evil article that must never reach a page
// unescaped.
var hostile = []string{`<script>alert("title")</script>`, `<script>alert('body')</script>`, `<img src=x onerror`,
	`<b>bold</b>`, `<i>机关</i>`, `<b>赵六</b>`, `<script>alert("req")</script>`, `<svg onload`, `href="javascript:`}

func TestEndpoints(t *testing.T) {
	ts, _ := newTestServer(t, nil)
	long := strings.Repeat("党建", 300)
	tests := []struct {
		name, path string
		status     int
		ctype      string
		want       []string
		notWant    []string
	}{
		{"search page empty", "/", 200, "text/html", []string{`name="q"`, "meetscan"}, nil},
		{"search zh", "/?q=" + url.QueryEscape("高质量发展") + "&lang=zh", 200, "text/html",
			[]string{"2</strong>", "<mark>高质量发展</mark>", "条结果", `class="facet-link`, "高质量发展"}, nil},
		{"search en", "/?q=Party&lang=en", 200, "text/html", []string{"1</strong> results", "Joint branch meeting", "<mark>Party</mark>"}, nil},
		{"search facet filter", "/?q=" + url.QueryEscape("学习") + "&org=" + url.QueryEscape("区委") + "&lang=en", 200, "text/html",
			[]string{"1</strong> results", "区委理论学习中心组", `class="chip"`}, []string{"市委组织部召开"}},
		{"search date sort", "/?q=" + url.QueryEscape("党建") + "&sort=date", 200, "text/html", []string{`value="date" selected`}, nil},
		{"search hostile", "/?q=" + url.QueryEscape("党建"), 200, "text/html", []string{"&lt;script&gt;alert"}, hostile},
		{"search malformed", "/?q=" + url.QueryEscape(`"党建`), 400, "text/html", []string{"unterminated quote"}, nil},
		{"search huge", "/?q=" + long, 400, "text/html", []string{"too long"}, nil},
		{"search very huge url", "/?q=" + strings.Repeat("x", 10000), 400, "text/html", []string{"too long"}, nil},
		{"search bad year", "/?year=abc", 400, "text/html", []string{"not a number"}, nil},
		{"search year out of range", "/?year=99999", 400, "text/html", []string{"out of range"}, nil},
		{"search bad sort", "/?sort=random", 400, "text/html", []string{"must be one of"}, nil},
		{"search bad type", "/?type=party", 400, "text/html", []string{"unknown"}, nil},
		{"search control chars", "/?q=a%00b", 400, "text/html", []string{"control characters"}, nil},
		{"search invalid utf8", "/?q=%ff%fe", 400, "text/html", []string{"UTF-8"}, nil},
		{"search repeated", "/?q=a&q=b", 400, "text/html", []string{"given 2 times"}, nil},
		{"search deep page", "/?q=a&page=100000", 400, "text/html", []string{"out of range"}, nil},
		{"search inverted range", "/?from=2024&to=2020", 400, "text/html", []string{"empty"}, nil},
		{"article", "/articles/a1?lang=zh", 200, "text/html",
			[]string{"市委组织部召开", `class="person"`, `class="req`, "theme", "全面从严治党", "提取的信息", "https://example.org/news/a1.html"}, nil},
		{"article hostile", "/articles/evil", 200, "text/html", []string{"&lt;script&gt;"}, hostile},
		{"article unknown", "/articles/nope", 404, "text/html", nil, nil},
		{"article bad id", "/articles/" + url.PathEscape("../../etc/passwd"), 404, "", nil, nil},
		{"unknown page", "/nope", 404, "text/html", nil, nil},
		{"trends default", "/trends?lang=en", 200, "text/html", []string{`<svg id="trend-chart"`, "<polyline", "Rising and falling", "High-quality development"}, nil},
		{"trends compare", "/trends?theme=hq_development&theme=strict_governance&q=" + url.QueryEscape("党建") + "&from=2022&to=2024&lang=en", 200, "text/html",
			[]string{`<svg id="trend-chart"`, "党建", "2022", "2024", "Strict Party governance"}, nil},
		{"trends count", "/trends?theme=hq_development&measure=count", 200, "text/html", []string{"<polyline"}, nil},
		{"trends terms", "/trends?view=terms&lang=en", 200, "text/html", []string{"二十大", `id="trend-table"`}, hostile},
		{"trends malformed query", "/trends?q=" + url.QueryEscape(`"x`), 400, "text/html", []string{"unterminated"}, nil},
		{"trends too many queries", "/trends?q=1&q=2&q=3&q=4&q=5&q=6&q=7", 400, "text/html", []string{"at most"}, nil},
		{"context", "/context?term=" + url.QueryEscape("高质量发展"), 200, "text/html", []string{`id="kwic"`, "<mark>高质量发展</mark>"}, nil},
		{"context hostile", "/context?term=" + url.QueryEscape("党建"), 200, "text/html", []string{`id="kwic"`}, hostile},
		{"context empty", "/context", 200, "text/html", []string{`name="term"`}, nil},
		{"requirements", "/requirements?lang=en", 200, "text/html", []string{"要推动高质量发展，落实党建责任。", "2022, 2023", "Members"}, hostile},
		{"requirements bad", "/requirements?min_years=0", 400, "text/html", []string{"out of range"}, nil},
		{"report page", "/report", 200, "text/html", []string{`action="/api/report"`}, nil},
		{"static css", "/static/style.css", 200, "text/css", []string{"--accent"}, nil},

		{"api search", "/api/search?q=" + url.QueryEscape("高质量发展") + "&limit=2", 200, "application/json", []string{`"total":2`, `"facets"`, `\u003cmark\u003e`}, nil},
		{"api search hostile", "/api/search?q=" + url.QueryEscape("党建"), 200, "application/json", nil, []string{"<script>"}},
		{"api search malformed", "/api/search?q=" + url.QueryEscape(`"x`), 400, "application/json", []string{`"error"`, "unterminated"}, nil},
		{"api search huge", "/api/search?q=" + long, 400, "application/json", []string{"too long"}, nil},
		{"api search bad limit", "/api/search?limit=100000", 400, "application/json", []string{"out of range"}, nil},
		{"api article", "/api/articles/a2", 200, "application/json", []string{`"article"`, `"analysis"`, "李华"}, nil},
		{"api article unknown", "/api/articles/zzz", 404, "application/json", []string{"not found"}, nil},
		{"api trends", "/api/trends", 200, "application/json", []string{`"years":[2022,2023,2024]`, `"themes"`, `"share_by_year"`}, nil},
		{"api trends filtered", "/api/trends?theme=hq_development", 200, "application/json", []string{"hq_development"}, []string{"strict_governance"}},
		{"api trends terms", "/api/trends?by=term", 200, "application/json", []string{"二十大"}, nil},
		{"api trends queries", "/api/trends?q=" + url.QueryEscape("党建") + "&q=Party", 200, "application/json", []string{`"series"`, `"query":"Party"`}, nil},
		{"api trends bad by", "/api/trends?by=x", 400, "application/json", nil, nil},
		{"api context", "/api/context?term=" + url.QueryEscape("二十大"), 200, "application/json", []string{`"lines"`, `"match":"二十大"`}, nil},
		{"api context missing", "/api/context", 400, "application/json", []string{"required"}, nil},
		{"api requirements", "/api/requirements?min_years=2", 200, "application/json", []string{`"groups"`, `"count":2`}, nil},
		{"api requirements none", "/api/requirements?min_years=5", 200, "application/json", []string{`"groups":[]`}, nil},
		{"api report md", "/api/report?year=2023&format=md", 200, "text/markdown", []string{"# Report 2023–2023", "2023: 2 meetings"}, nil},
		{"api report html", "/api/report?from=2022&to=2023", 200, "text/html", []string{"<h1>Report</h1>"}, nil},
		{"api report missing", "/api/report", 400, "application/json", []string{"year"}, nil},
		{"api report bad format", "/api/report?year=2023&format=pdf", 400, "application/json", nil, nil},
		{"api unknown", "/api/nope", 404, "application/json", []string{"not found"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, ts, tt.path)
			if r.status != tt.status {
				t.Fatalf("GET %s: status %d, want %d\n%s", tt.path, r.status, tt.status, trim(r.body))
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("Content-Type %q, want %s", ct, tt.ctype)
			}
			if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
				t.Errorf("CSP %q lacks default-src 'none'", csp)
			}
			if r.header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff header")
			}
			for _, w := range tt.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("body lacks %q\n%s", w, trim(r.body))
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(r.body, w) {
					t.Errorf("body contains %q", w)
				}
			}
		})
	}
}

func trim(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}

// TestNoUnescapedMarkup walks every page over the hostile article and
// checks that the only tags are the server's own.
func TestNoUnescapedMarkup(t *testing.T) {
	ts, _ := newTestServer(t, nil)
	paths := []string{"/?q=" + url.QueryEscape("党建"), "/articles/evil", "/api/articles/evil",
		"/context?term=" + url.QueryEscape("党建"), "/requirements?min_years=1", "/trends?view=terms", "/api/requirements?min_years=1",
		"/api/search?q=" + url.QueryEscape("党建"), "/api/context?term=" + url.QueryEscape("党建"), "/api/trends?by=term",
		"/?person=" + url.QueryEscape("<b>赵六</b>"), "/?org=" + url.QueryEscape("<i>机关</i>")}
	for _, p := range paths {
		r := get(t, ts, p)
		if r.status != 200 {
			t.Errorf("GET %s: %d", p, r.status)
		}
		for _, bad := range []string{"<script", "<img", "<b>", "<i>", "<svg onload", "javascript:"} {
			if bad == "javascript:" && strings.HasPrefix(p, "/api/") {
				continue // data, not a link: JSON carries the URL as stored
			}
			if strings.Contains(r.body, bad) {
				t.Errorf("GET %s: response contains %q", p, bad)
			}
		}
	}
}

func TestLanguageSwitch(t *testing.T) {
	ts, _ := newTestServer(t, nil)
	r := get(t, ts, "/?lang=en")
	if !strings.Contains(r.body, ">Search<") || !strings.Contains(r.body, `lang="en"`) {
		t.Errorf("English page lacks English labels")
	}
	var cookie string
	for _, c := range strings.Split(r.header.Get("Set-Cookie"), ";") {
		if strings.HasPrefix(c, "lang=") {
			cookie = c
		}
	}
	if cookie != "lang=en" {
		t.Fatalf("Set-Cookie %q", r.header.Get("Set-Cookie"))
	}
	r = get(t, ts, "/trends", "Cookie", cookie)
	if !strings.Contains(r.body, "Themes year by year") {
		t.Errorf("cookie did not keep English")
	}
	r = get(t, ts, "/trends")
	if !strings.Contains(r.body, "主题逐年变化") {
		t.Errorf("default is not Chinese")
	}
	r = get(t, ts, "/trends", "Accept-Language", "en-GB,en;q=0.9")
	if !strings.Contains(r.body, "Themes year by year") {
		t.Errorf("Accept-Language en ignored")
	}
	r = get(t, ts, "/?lang=xx")
	if r.status != 200 || !strings.Contains(r.body, `lang="zh-CN"`) {
		t.Errorf("bad lang not ignored: %d", r.status)
	}
}

func TestPaging(t *testing.T) {
	ts, _ := newTestServer(t, nil)
	r := get(t, ts, "/?q=&limit=1")
	if !strings.Contains(r.body, `id="next"`) || strings.Contains(r.body, `id="prev"`) {
		t.Fatalf("first page: want next, no prev")
	}
	r = get(t, ts, "/?limit=1&page=2")
	if !strings.Contains(r.body, `id="next"`) || !strings.Contains(r.body, `id="prev"`) || !strings.Contains(r.body, "2 / 4") {
		t.Fatalf("second page: want prev and next and 2 / 4")
	}
	r = get(t, ts, "/?limit=1&page=4")
	if strings.Contains(r.body, `id="next"`) {
		t.Fatalf("last page has next")
	}
	var res SearchResult
	r = get(t, ts, "/api/search?limit=2&offset=2")
	if err := json.Unmarshal([]byte(r.body), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 4 || len(res.Hits) != 2 {
		t.Fatalf("total %d hits %d", res.Total, len(res.Hits))
	}
}

func TestUnavailableParts(t *testing.T) {
	ts, _ := newTestServer(t, func(c *Config) { *c = Config{} })
	for _, p := range []string{"/api/search", "/api/articles/a1", "/api/trends", "/api/requirements", "/api/report?year=2023", "/api/context?term=x"} {
		if r := get(t, ts, p); r.status != 503 {
			t.Errorf("GET %s: %d, want 503", p, r.status)
		}
	}
	if r := get(t, ts, "/"); r.status != 503 {
		t.Errorf("search page: %d", r.status)
	}
}

// TestWritesNeedFlag checks that no endpoint changes data unless the
// server was started with writes allowed.
func TestWritesNeedFlag(t *testing.T) {
	fc := &fakeCrawler{done: make(chan struct{})}
	ts, _ := newTestServer(t, func(c *Config) { c.Crawler = fc })
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
		for _, p := range []string{"/api/crawl", "/api/search", "/api/articles/a1", "/"} {
			req, _ := http.NewRequest(m, ts.URL+p, strings.NewReader(`{"urls":["http://127.0.0.1/"]}`))
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: %d, want 405/404", m, p, resp.StatusCode)
			}
		}
	}
	if fc.calls() != 0 {
		t.Fatal("crawler called without --allow-writes")
	}

	ts2, _ := newTestServer(t, func(c *Config) { c.Crawler = fc; c.AllowWrites = true })
	post := func(body string) int {
		resp, err := ts2.Client().Post(ts2.URL+"/api/crawl", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if s := post(`{"urls":["file:///etc/passwd"]}`); s != 400 {
		t.Errorf("file URL: %d", s)
	}
	if s := post(`{"urls":[`); s != 400 {
		t.Errorf("malformed body: %d", s)
	}
	if s := post(`{"urls":["http://127.0.0.1/` + strings.Repeat("a", 2<<20) + `"]}`); s != 400 {
		t.Errorf("oversized body: %d", s)
	}
	if s := post(`{"urls":["http://127.0.0.1:1/"]}`); s != 202 {
		t.Fatalf("crawl: %d", s)
	}
	if s := post(`{"urls":["http://127.0.0.1:1/"]}`); s != 409 {
		t.Errorf("second crawl while running: %d", s)
	}
	close(fc.done)
	deadline := time.Now().Add(5 * time.Second)
	for {
		r := get(t, ts2, "/api/crawl")
		if strings.Contains(r.body, `"running":false`) && strings.Contains(r.body, "1 added") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("crawl status: %s", r.body)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if fc.calls() != 1 {
		t.Errorf("crawler calls %d", fc.calls())
	}
}

type fakeCrawler struct {
	mu   sync.Mutex
	n    int
	done chan struct{}
}

func (f *fakeCrawler) Crawl(ctx context.Context, urls []string) (string, error) {
	f.mu.Lock()
	f.n++
	f.mu.Unlock()
	<-f.done
	return "1 added", nil
}

func (f *fakeCrawler) calls() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.n
}

// TestCapture serves an article's archived response from a real WARC
// file, sandboxed, and refuses references outside the data dir.
func TestCapture(t *testing.T) {
	dir := t.TempDir()
	w, err := warc.Create(dir, "warc/test.warc.gz", "meetscan-test")
	if err != nil {
		t.Fatal(err)
	}
	page := `<html><head><title>t</title></head><body><script>alert(1)</script><p>原文</p></body></html>`
	ref, err := w.WriteExchange(&warc.Exchange{URL: "https://example.org/news/a1.html", Date: time.Now(), StatusCode: 200,
		RespHeader: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	// A record pointing outside the data dir.
	secret := filepath.Join(filepath.Dir(dir), "secret.warc")
	os.WriteFile(secret, []byte("WARC/1.1\r\nContent-Length: 0\r\n\r\n"), 0o644)
	t.Cleanup(func() { os.Remove(secret) })

	ts, m := newTestServer(t, func(c *Config) { c.DataDir = dir })
	m.arts[0].Capture = &ref
	m.arts[1].Capture = &data.CaptureRef{File: "../secret.warc", Offset: 0, Length: 40}
	m.arts[2].Capture = &data.CaptureRef{File: "warc/test.warc.gz", Offset: ref.Offset + 1, Length: ref.Length}

	r := get(t, ts, "/articles/a1/capture")
	if r.status != 200 || !strings.Contains(r.body, "<p>原文</p>") {
		t.Fatalf("capture: %d %s", r.status, trim(r.body))
	}
	if csp := r.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("capture CSP %q", csp)
	}
	if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("capture Content-Type %q", ct)
	}
	r = get(t, ts, "/articles/a1/capture?as=text")
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("as=text Content-Type %q", ct)
	}
	if r := get(t, ts, "/articles/a2/capture"); r.status != 404 {
		t.Errorf("capture outside data dir: %d", r.status)
	}
	if r := get(t, ts, "/articles/a3/capture"); r.status != 500 {
		t.Errorf("corrupt capture ref: %d", r.status)
	}
	if r := get(t, ts, "/articles/evil/capture"); r.status != 404 {
		t.Errorf("no capture: %d", r.status)
	}
	if r := get(t, ts, "/articles/nope/capture"); r.status != 404 {
		t.Errorf("unknown article capture: %d", r.status)
	}
	r = get(t, ts, "/articles/a1")
	if !strings.Contains(r.body, `href="/articles/a1/capture"`) {
		t.Errorf("article page lacks capture link")
	}
}

// TestRequestTimeout checks that a slow backend is cut off by the request
// deadline and answered 504.
func TestRequestTimeout(t *testing.T) {
	ts, _ := newTestServer(t, func(c *Config) {
		c.Search = slowSearcher{}
		c.RequestTimeout = 50 * time.Millisecond
	})
	start := time.Now()
	r := get(t, ts, "/api/search?q=x")
	if r.status != http.StatusGatewayTimeout {
		t.Fatalf("status %d", r.status)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("took %v", d)
	}
}

type slowSearcher struct{}

func (slowSearcher) Search(ctx context.Context, req SearchRequest) (*SearchResult, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestListenAndServe(t *testing.T) {
	s, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- s.ListenAndServe(ctx, "127.0.0.1:0", func(a string) { addrc <- a }) }()
	addr := <-addrc
	resp, err := http.Get("http://" + addr + "/static/style.css")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop")
	}
}
