package main

// CLI-level tests: meetscan used the way researchers, committee staff and
// report writers use it, in-process through run() (and, for kill -9, as a
// real child process), on real data dirs and real HTTP servers on loopback.

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"meetscan/crawler/fixture"
	"meetscan/data"
	"meetscan/data/sample"
)

// childEnv makes the test binary act as the meetscan binary: the kill -9
// test re-executes it, so no separate `go build` is needed.
const childEnv = "MEETSCAN_CLI_TEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		// As main does: Ctrl-C and SIGTERM cancel the context.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, args, os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	code := m.Run()
	if sharedDemo.dir != "" {
		os.RemoveAll(sharedDemo.dir)
	}
	os.Exit(code)
}

// sharedDemo is one data dir built by `meetscan demo --data DIR`, shared by
// the read-only tests (building it costs several seconds).
var sharedDemo struct {
	once sync.Once
	dir  string
	err  error
}

func demoDir(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("needs the demo data dir; skipped in -short mode")
	}
	sharedDemo.once.Do(func() {
		dir, err := os.MkdirTemp("", "meetscan-cli-demo-")
		if err != nil {
			sharedDemo.err = err
			return
		}
		sharedDemo.dir = dir
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"--data", dir, "demo"}, strings.NewReader(""), &out, &errb); code != exitOK {
			sharedDemo.err = fmt.Errorf("demo exit %d: %s", code, errb.String())
		}
	})
	if sharedDemo.err != nil {
		t.Fatal(sharedDemo.err)
	}
	return sharedDemo.dir
}

// oneLine checks that stderr is exactly one non-empty line.
func oneLine(t *testing.T, what, stderr string) {
	t.Helper()
	s := strings.TrimRight(stderr, "\n")
	if s == "" || strings.Contains(s, "\n") {
		t.Errorf("%s: stderr is not one line: %q", what, stderr)
	}
}

// summaryRE matches the crawl's final summary line.
var summaryRE = regexp.MustCompile(`(?m)^crawl: (\d+) new, (\d+) unchanged \((\d+) pages, .*\)$`)

func crawlSummary(t *testing.T, stderr string) (newN, unchanged, pages int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no crawl summary in stderr:\n%s", stderr)
	}
	newN, _ = strconv.Atoi(m[1])
	unchanged, _ = strconv.Atoi(m[2])
	pages, _ = strconv.Atoi(m[3])
	return
}

func storeArticles(t *testing.T, dir string) map[string]*data.Article {
	t.Helper()
	st, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]*data.Article{}
	err = st.Each(context.Background(), func(a *data.Article, _ *data.Analysis) error {
		if _, dup := out[a.ID]; dup {
			t.Errorf("article %s listed twice", a.ID)
		}
		out[a.ID] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCLICrawl(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls a local site")
	}
	site := fixture.New(fixture.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	want := len(site.Expected()) // 25 Chinese + 6 English + flaky + slow

	dir := t.TempDir()
	code, _, stderr := runCLI(t, dir, "crawl", "--delay", "0", srv.URL+"/")
	if code != exitOK {
		t.Fatalf("crawl exit %d: %s", code, stderr)
	}
	newN, unchanged, _ := crawlSummary(t, stderr)
	// /xwdt/moved.html redirects to a known article: found unchanged once.
	if newN != want || unchanged != 1 {
		t.Errorf("first crawl: %d new, %d unchanged; want %d, 1", newN, unchanged, want)
	}
	// --delay 0 means no delay (not the crawler's 1s default): ~45 pages
	// at 1s per host would take well over 10s.
	if m := regexp.MustCompile(`, ([0-9.]+)(ms|s)\)`).FindStringSubmatch(stderr); m != nil {
		d, _ := time.ParseDuration(m[1] + m[2])
		if d > 10*time.Second {
			t.Errorf("--delay 0 crawl took %s", d)
		}
	}
	if n := len(storeArticles(t, dir)); n != want {
		t.Errorf("store holds %d articles, want %d", n, want)
	}
	if n := site.Hits("/private/secret.html"); n != 0 {
		t.Errorf("robots.txt-disallowed page fetched %d times", n)
	}

	// Second run: two new articles; everything known is unchanged and not
	// fetched again.
	site.AddArticles(2)
	before := site.Hits(site.ZHArticle(3).Path)
	code, _, stderr = runCLI(t, dir, "crawl", "--delay", "0", srv.URL+"/")
	if code != exitOK {
		t.Fatalf("second crawl exit %d: %s", code, stderr)
	}
	newN, unchanged, _ = crawlSummary(t, stderr)
	if newN != 2 || unchanged != want+2 { // + the duplicate and the moved URL
		t.Errorf("second crawl: %d new, %d unchanged; want 2, %d\n%s", newN, unchanged, want+2, stderr)
	}
	if after := site.Hits(site.ZHArticle(3).Path); after != before {
		t.Errorf("known article fetched again on the second crawl")
	}
	if n := len(storeArticles(t, dir)); n != want+2 {
		t.Errorf("store holds %d articles after second crawl, want %d", n, want+2)
	}

	tests := []struct {
		name      string
		args      []string
		check     func(t *testing.T, s *fixture.Site, newN, pages int)
		wantStore int // -1: do not check
	}{
		{"max-pages", []string{"--max-pages", "5"}, func(t *testing.T, s *fixture.Site, newN, pages int) {
			if pages != 5 || newN > 5 {
				t.Errorf("--max-pages 5: %d pages, %d new", pages, newN)
			}
		}, -1},
		{"ignore-robots", []string{"--ignore-robots"}, func(t *testing.T, s *fixture.Site, newN, pages int) {
			if s.Hits("/private/secret.html") != 1 {
				t.Errorf("--ignore-robots did not fetch the disallowed page")
			}
			if s.Hits("/robots.txt") != 0 {
				t.Errorf("--ignore-robots still read robots.txt")
			}
		}, -1},
		{"robots honoured", nil, func(t *testing.T, s *fixture.Site, newN, pages int) {
			if s.Hits("/private/secret.html") != 0 || s.Hits("/robots.txt") == 0 {
				t.Errorf("robots.txt not honoured: secret %d robots %d", s.Hits("/private/secret.html"), s.Hits("/robots.txt"))
			}
		}, want},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixture.New(fixture.Options{})
			srv := httptest.NewServer(s)
			defer srv.Close()
			dir := t.TempDir()
			args := append([]string{"crawl", "--delay", "0"}, tt.args...)
			code, _, stderr := runCLI(t, dir, append(args, srv.URL+"/")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			newN, _, pages := crawlSummary(t, stderr)
			tt.check(t, s, newN, pages)
			if got := len(storeArticles(t, dir)); got != newN || (tt.wantStore >= 0 && got != tt.wantStore) {
				t.Errorf("store holds %d articles; summary said %d new, want %d", got, newN, tt.wantStore)
			}
		})
	}
}

// TestCLICrawlSiteProfile: --site FILE.yaml gives the start URLs and link
// rules; its skip_links keep a section out.
func TestCLICrawlSiteProfile(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls a local site")
	}
	site := fixture.New(fixture.Options{})
	srv := httptest.NewServer(site)
	defer srv.Close()
	prof := filepath.Join(t.TempDir(), "site.yaml")
	writeFiles(t, filepath.Dir(prof), map[string]string{"site.yaml": fmt.Sprintf("name: fixture\nstart_urls: [%q]\nskip_links: [\"/en/\"]\n", srv.URL+"/")})
	dir := t.TempDir()
	code, _, stderr := runCLI(t, dir, "crawl", "--delay", "0", "--site", prof)
	if code != exitOK {
		t.Fatalf("crawl --site: exit %d %s", code, stderr)
	}
	arts := storeArticles(t, dir)
	for _, a := range arts {
		if strings.Contains(a.URL, "/en/") {
			t.Errorf("skip_links /en/ but %s stored", a.URL)
		}
	}
	if want := len(site.Expected()) - 6; len(arts) != want { // the 6 English articles skipped
		t.Errorf("crawl --site stored %d articles, want %d", len(arts), want)
	}
}

// startChildCrawl starts a real `meetscan crawl` child process on a
// 60-article fixture site and returns once the crawl is well under way
// (listings and some articles fetched), long before its ~75 pages are done.
func startChildCrawl(t *testing.T) (*fixture.Site, *httptest.Server, string, *exec.Cmd, *bytes.Buffer) {
	t.Helper()
	site := fixture.New(fixture.Options{Articles: 60, English: 6})
	srv := httptest.NewServer(site)
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "--", "--data", dir, "crawl", "--delay", "25ms", "--parallel", "1", srv.URL+"/")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	childErr := new(bytes.Buffer)
	cmd.Stderr = childErr
	if err := cmd.Start(); err != nil {
		srv.Close()
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for site.Fetches.Load() < 30 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	return site, srv, dir, cmd, childErr
}

// TestCLICrawlKill9Resume kills a real `meetscan crawl` process with SIGKILL
// mid-crawl and checks that a re-run loses nothing, stores nothing twice
// and leaves every stored article searchable.
func TestCLICrawlKill9Resume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child crawl process")
	}
	site, srv, dir, cmd, childErr := startChildCrawl(t)
	defer srv.Close()
	want := len(site.Expected())
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if site.Fetches.Load() < 30 {
		t.Fatalf("child crawl never got going: %s", childErr.String())
	}
	if summaryRE.MatchString(childErr.String()) {
		t.Fatalf("child finished before it was killed; make the site bigger")
	}

	before := storeArticles(t, dir)
	t.Logf("stored before the kill: %d of %d articles", len(before), want)
	if len(before) == 0 || len(before) >= want {
		t.Fatalf("the kill did not land mid-crawl: %d of %d articles stored", len(before), want)
	}

	code, _, stderr := runCLI(t, dir, "crawl", "--delay", "0", srv.URL+"/")
	if code != exitOK {
		t.Fatalf("re-run exit %d: %s", code, stderr)
	}
	newN, _, _ := crawlSummary(t, stderr)
	if newN != want-len(before) {
		t.Errorf("re-run: %d new; want %d (= %d expected - %d stored before the kill)", newN, want-len(before), want, len(before))
	}
	after := storeArticles(t, dir)
	if len(after) != want {
		t.Errorf("after re-run: %d articles, want %d", len(after), want)
	}
	for id, a := range before {
		b, ok := after[id]
		if !ok {
			t.Errorf("article %s (%s) stored before the kill is gone", id, a.URL)
			continue
		}
		if b.Body != a.Body || b.Title != a.Title || b.URL != a.URL {
			t.Errorf("article %s changed across the kill", id)
		}
	}
	urls := map[string]string{}
	for id, a := range after {
		if prev, dup := urls[a.URL]; dup {
			t.Errorf("URL %s stored twice: %s and %s", a.URL, prev, id)
		}
		urls[a.URL] = id
	}
	// Every stored article is analysed and indexed: an article stored
	// just before the kill must not stay invisible to search.
	code, out, stderr := runCLI(t, dir, "index")
	if code != exitOK {
		t.Fatalf("index exit %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`(\d+) articles indexed of (\d+) stored`).FindStringSubmatch(out)
	if m == nil || m[1] != m[2] || m[2] != strconv.Itoa(want) {
		t.Errorf("after kill and re-run: %q; want %d indexed of %d stored", strings.TrimSpace(out), want, want)
	}
}

// writeFiles creates files under dir from a name -> content map.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const zhReport = `某公司党委召开2023年度基层党组织书记述职评议会议
12月28日，某公司党委召开2023年度基层党组织书记抓基层党建工作述职评议会议，共21人参加。党委书记、董事长吴秋珏主持会议并讲话。
吴秋珏强调，一是要提高政治站位，推动党建与业务深度融合；二是要坚持高质量发展，落实一岗双责。
`

const enReportHTML = `<html><head><meta charset="utf-8"><title>Company holds promotion meeting - Example Site</title></head><body>
<div class="nav">Your location: Home &gt; News</div>
<h1>Company Party Committee Holds Party Building Work Promotion Meeting</h1>
<div class="info">Release time: 2024-01-04</div>
<div class="content"><p>On the afternoon of December 28, the Party Committee of the company held a party building work promotion meeting. More than 40 members attended.</p>
<p>Wu Qiujue, secretary of the Party Committee and chairman, presided over the meeting. He stressed that first, it is necessary to promote high-quality development; second, we must implement one post, two responsibilities.</p></div>
</body></html>
`

const jsonlTwo = `{"url":"https://ex.org/dj/1.html","title":"学习会","published":"2022-03-01","body":"3月1日，某局党组召开理论学习中心组学习会。\n会议要求，要全面从严治党。"}
{"url":"https://ex.org/dj/2.html","title":"Study Session","published":"2021-05-01","body":"On April 30, the branch held a study session on high-quality development."}
`

// gbkPage is a GBK-encoded article page, as many Chinese CMSs serve them.
var gbkPage = func() string {
	b, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gbk"><title>测试</title></head><body>
<div class="crumb">您的位置：首页 &gt; 新闻</div><h1>某局党组召开述职评议会议</h1><div>发布时间：2023-12-30</div>
<div class="article"><p>12月28日，某局党组召开2023年度述职评议会议，党组书记、局长张为民主持会议。</p><p>张为民强调，要落实一岗双责。</p></div></body></html>`)
	if err != nil {
		panic(err)
	}
	return b
}()

func TestCLIImport(t *testing.T) {
	tests := []struct {
		name       string
		files      map[string]string
		args       []string // paths relative to the files' dir; flags as given
		wantCode   int
		wantNew    int
		wantStderr []string
		check      func(t *testing.T, arts map[string]*data.Article)
	}{
		{name: "txt", files: map[string]string{"a.txt": zhReport}, args: []string{"@a.txt"}, wantNew: 1,
			check: func(t *testing.T, arts map[string]*data.Article) {
				for _, a := range arts {
					if a.Title != "某公司党委召开2023年度基层党组织书记述职评议会议" || !strings.HasPrefix(a.Body, "12月28日") {
						t.Errorf("txt: title %q body %.20q", a.Title, a.Body)
					}
				}
			}},
		{name: "html", files: map[string]string{"b.html": enReportHTML}, args: []string{"@b.html"}, wantNew: 1,
			check: func(t *testing.T, arts map[string]*data.Article) {
				for _, a := range arts {
					if a.Title != "Company Party Committee Holds Party Building Work Promotion Meeting" ||
						a.Published.Date() != "2024-01-04" || strings.Contains(a.Body, "Your location") {
						t.Errorf("html: title %q published %q body %.40q", a.Title, a.Published, a.Body)
					}
				}
			}},
		{name: "gbk html", files: map[string]string{"g.html": gbkPage}, args: []string{"@g.html"}, wantNew: 1,
			check: func(t *testing.T, arts map[string]*data.Article) {
				for _, a := range arts {
					if a.Title != "某局党组召开述职评议会议" || a.Published.Date() != "2023-12-30" ||
						!strings.HasPrefix(a.Body, "12月28日，某局党组") || strings.Contains(a.Body, "您的位置") {
						t.Errorf("gbk html: title %q published %q body %.40q", a.Title, a.Published, a.Body)
					}
				}
			}},
		{name: "jsonl", files: map[string]string{"c.jsonl": jsonlTwo}, args: []string{"@c.jsonl"}, wantNew: 2,
			check: func(t *testing.T, arts map[string]*data.Article) {
				for _, a := range arts {
					if a.URL == "https://ex.org/dj/1.html" && (a.Title != "学习会" || a.Published.Date() != "2022-03-01") {
						t.Errorf("jsonl: %+v", a)
					}
				}
			}},
		{name: "url and published", files: map[string]string{"a.txt": zhReport},
			args: []string{"--url", "https://ex.org/dj/t20231230_1.html", "--published", "2023-12-30", "@a.txt"}, wantNew: 1,
			check: func(t *testing.T, arts map[string]*data.Article) {
				for _, a := range arts {
					if a.URL != "https://ex.org/dj/t20231230_1.html" || a.Published.Date() != "2023-12-30" {
						t.Errorf("--url/--published: url %q published %q", a.URL, a.Published)
					}
				}
			}},
		{name: "folder with bad files in the middle",
			files: map[string]string{"dir/a.txt": zhReport, "dir/b_empty.txt": "", "dir/c.jsonl": `{"url":"https://ex.org/x.html","title":"X","body":"正文。"}` + "\n{broken\n" + strings.SplitN(jsonlTwo, "\n", 2)[0] + "\n",
				"dir/sub/d.html": enReportHTML, "dir/notes.md": "ignored"},
			args: []string{"@dir"}, wantCode: exitFailure, wantNew: 4,
			wantStderr: []string{"b_empty.txt", "c.jsonl:2", "2 files or lines were skipped"}},
		{name: "only bad", files: map[string]string{"e.txt": ""}, args: []string{"@e.txt"}, wantCode: exitFailure,
			wantStderr: []string{"e.txt", "nothing imported"}},
		{name: "missing path", args: []string{"@nonexistent.txt"}, wantCode: exitFailure, wantStderr: []string{"nonexistent.txt"}},
		{name: "url with folder", files: map[string]string{"dir/a.txt": zhReport}, args: []string{"--url", "https://ex.org/a", "@dir"},
			wantCode: exitUsage, wantStderr: []string{"single file"}},
		{name: "url with two files", files: map[string]string{"a.txt": zhReport, "c.jsonl": jsonlTwo}, args: []string{"--url", "https://ex.org/a", "@a.txt", "@c.jsonl"},
			wantCode: exitUsage, wantStderr: []string{"single file"}},
		{name: "bad published", files: map[string]string{"a.txt": zhReport}, args: []string{"--published", "2023-13-45", "@a.txt"},
			wantCode: exitUsage, wantStderr: []string{"--published"}},
		{name: "no path", wantCode: exitUsage, wantStderr: []string{"requires at least 1 arg"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testing.Short() && tt.wantCode != exitUsage {
				t.Skip("loads the analyzer")
			}
			files := t.TempDir()
			writeFiles(t, files, tt.files)
			var args []string
			for _, a := range tt.args {
				if strings.HasPrefix(a, "@") { // a path under the files' dir
					a = filepath.Join(files, a[1:])
				}
				args = append(args, a)
			}
			dir := t.TempDir()
			code, _, stderr := runCLI(t, dir, append([]string{"import"}, args...)...)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d: %s", code, tt.wantCode, stderr)
			}
			for _, s := range tt.wantStderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if tt.wantCode == exitUsage {
				oneLine(t, "usage error", stderr)
				return
			}
			if !strings.Contains(stderr, fmt.Sprintf("import: %d new,", tt.wantNew)) {
				t.Errorf("summary does not say %d new:\n%s", tt.wantNew, stderr)
			}
			arts := storeArticles(t, dir)
			if len(arts) != tt.wantNew {
				t.Errorf("store holds %d articles, want %d", len(arts), tt.wantNew)
			}
			if tt.check != nil {
				tt.check(t, arts)
			}
		})
	}
}

// TestCLIImportRejectsBinary: a binary file named .html must be reported
// and skipped, not stored as an article titled with control characters.
func TestCLIImportRejectsBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	files := t.TempDir()
	writeFiles(t, files, map[string]string{"a.txt": zhReport, "z.html": "\x00\x01\x02binary\x00"})
	dir := t.TempDir()
	code, _, stderr := runCLI(t, dir, "import", files)
	if code != exitFailure || !strings.Contains(stderr, "z.html") || !strings.Contains(stderr, "binary") {
		t.Errorf("import with a binary file: exit %d, stderr %q; want exit 1 naming z.html as binary", code, stderr)
	}
	arts := storeArticles(t, dir)
	if len(arts) != 1 {
		t.Errorf("stored %d articles, want only a.txt", len(arts))
	}
	for _, a := range arts {
		if strings.ContainsAny(a.Title+a.Body, "\x00\x01\x02") {
			t.Errorf("article %s has control characters: %q", a.ID, a.Title)
		}
	}
}

func exportJSONL(t *testing.T, dir string) []map[string]any {
	t.Helper()
	code, out, stderr := runCLI(t, dir, "export", "--format", "jsonl")
	if code != exitOK {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		recs = append(recs, r)
	}
	return recs
}

func TestCLIExportImportRoundTrip(t *testing.T) {
	src := demoDir(t)
	recs := exportJSONL(t, src)
	facts := sample.Facts()
	if len(recs) != facts.Articles {
		t.Fatalf("export has %d lines, want %d", len(recs), facts.Articles)
	}
	for _, k := range []string{"id", "url", "title", "published", "body", "lang", "analysis"} {
		if _, ok := recs[0][k]; !ok {
			t.Errorf("export line lacks %q", k)
		}
	}
	file := filepath.Join(t.TempDir(), "export.jsonl")
	code, _, stderr := runCLI(t, src, "export", "--out", file)
	if code != exitOK || !strings.Contains(stderr, fmt.Sprintf("exported %d articles", facts.Articles)) {
		t.Fatalf("export --out: exit %d %s", code, stderr)
	}
	fresh := t.TempDir()
	code, _, stderr = runCLI(t, fresh, "import", file)
	if code != exitOK || !strings.Contains(stderr, fmt.Sprintf("import: %d new,", facts.Articles)) {
		t.Fatalf("import of export: exit %d %s", code, stderr)
	}
	again := exportJSONL(t, fresh)
	key := func(r map[string]any) string { return r["id"].(string) }
	byID := map[string]map[string]any{}
	for _, r := range again {
		byID[key(r)] = r
	}
	for _, r := range recs {
		g, ok := byID[key(r)]
		if !ok {
			t.Errorf("id %s lost in the round trip", key(r))
			continue
		}
		for _, f := range []string{"url", "title", "published", "body", "source", "author", "lang"} {
			if fmt.Sprint(g[f]) != fmt.Sprint(r[f]) {
				t.Errorf("%s: %s changed: %.60q -> %.60q", key(r), f, r[f], g[f])
			}
		}
	}

	// CSV: parses with encoding/csv, one row per article, fixed columns.
	code, out, stderr := runCLI(t, src, "export", "--format", "csv")
	if code != exitOK {
		t.Fatalf("export csv exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export csv does not parse: %v", err)
	}
	if len(rows) != facts.Articles+1 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("csv: %d rows, header %v", len(rows), rows[0])
	}
	types := map[string]int{}
	for _, r := range rows[1:] {
		types[r[10]]++
		if r[0] == "" || r[2] == "" {
			t.Errorf("csv row without id or title: %v", r)
		}
	}
	if len(types) < 6 {
		t.Errorf("csv meeting_type column holds %v", types)
	}
}

// analyzeKeys are the keys of issue 3's `analyze --json` object.
var analyzeKeys = []string{"title", "url", "published", "lang", "meeting_date", "period_year", "org",
	"meeting_type", "attendance", "speaker", "people", "requirements", "themes", "keywords", "slogans"}

func TestCLIAnalyzeJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	files := t.TempDir()
	writeFiles(t, files, map[string]string{"zh.txt": zhReport, "en.html": enReportHTML,
		"empty.txt": "A title\nNothing of interest is said in this sentence.\n"})
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  map[string]any // JSON values (numbers as float64); nil means null
		check func(t *testing.T, got map[string]any)
	}{
		{name: "chinese txt", args: []string{filepath.Join(files, "zh.txt")},
			want: map[string]any{"title": "某公司党委召开2023年度基层党组织书记述职评议会议", "url": nil, "published": nil,
				"lang": "zh", "meeting_date": "2023-12-28", "period_year": 2023.0, "meeting_type": "review",
				"attendance": 21.0, "speaker": "吴秋珏"}},
		{name: "english html", args: []string{filepath.Join(files, "en.html")},
			want: map[string]any{"published": "2024-01-04", "lang": "en", "meeting_date": "2023-12-28",
				"meeting_type": "promotion", "attendance": 40.0, "speaker": "Wu Qiujue", "period_year": nil}},
		{name: "html on stdin with url", args: []string{"-", "--url", "https://ex.org/a.html"}, stdin: enReportHTML,
			want: map[string]any{"url": "https://ex.org/a.html", "published": "2024-01-04", "meeting_date": "2023-12-28"}},
		{name: "text on stdin with published", args: []string{"--published", "2024-01-04"}, stdin: strings.Replace(zhReport, "2023年度", "", -1),
			want: map[string]any{"published": "2024-01-04", "meeting_date": "2023-12-28", "lang": "zh"}},
		{name: "--title", args: []string{"--title", "Given title", filepath.Join(files, "zh.txt")},
			want: map[string]any{"title": "Given title"}},
		{name: "nothing known", args: []string{filepath.Join(files, "empty.txt")},
			want: map[string]any{"url": nil, "published": nil, "meeting_date": nil, "period_year": nil, "org": nil,
				"attendance": nil, "speaker": nil},
			check: func(t *testing.T, got map[string]any) {
				for _, k := range []string{"people", "requirements", "themes", "slogans"} {
					if l, ok := got[k].([]any); !ok || len(l) != 0 {
						t.Errorf("%s = %#v, want []", k, got[k])
					}
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			args := append([]string{"--data", t.TempDir(), "analyze", "--json"}, tt.args...)
			code := run(context.Background(), args, strings.NewReader(tt.stdin), &out, &errb)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			var got map[string]any
			if err := json.Unmarshal(out.Bytes(), &got); err != nil {
				t.Fatalf("not one JSON object: %v\n%s", err, out.String())
			}
			for _, k := range analyzeKeys {
				if _, ok := got[k]; !ok {
					t.Errorf("key %q missing", k)
				}
			}
			for _, k := range []string{"people", "requirements", "themes", "keywords", "slogans"} {
				if _, ok := got[k].([]any); !ok {
					t.Errorf("%s is %#v, want a list", k, got[k])
				}
			}
			for k, v := range tt.want {
				if fmt.Sprint(got[k]) != fmt.Sprint(v) {
					t.Errorf("%s = %#v, want %#v", k, got[k], v)
				}
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}

	// The shapes of the nested objects.
	var out, errb bytes.Buffer
	run(context.Background(), []string{"--data", t.TempDir(), "analyze", "--json", filepath.Join(files, "en.html")}, nil, &out, &errb)
	var got struct {
		People []struct {
			Name  string   `json:"name"`
			Roles []string `json:"roles"`
		} `json:"people"`
		Requirements []struct {
			Text    string   `json:"text"`
			Speaker string   `json:"speaker"`
			Themes  []string `json:"themes"`
		} `json:"requirements"`
		Themes []struct {
			ID      string   `json:"id"`
			LabelEN string   `json:"label_en"`
			LabelZH string   `json:"label_zh"`
			Count   int      `json:"count"`
			Terms   []string `json:"terms"`
		} `json:"themes"`
		Keywords []struct {
			Term   string  `json:"term"`
			Weight float64 `json:"weight"`
		} `json:"keywords"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.People) == 0 || got.People[0].Name != "Wu Qiujue" || len(got.People[0].Roles) == 0 {
		t.Errorf("people = %+v", got.People)
	}
	if len(got.Requirements) != 2 || got.Requirements[0].Speaker != "Wu Qiujue" {
		t.Errorf("requirements = %+v", got.Requirements)
	}
	themes := map[string]bool{}
	for _, th := range got.Themes {
		themes[th.ID] = true
		if th.LabelEN == "" || th.LabelZH == "" || th.Count < 1 || len(th.Terms) == 0 {
			t.Errorf("theme %+v incomplete", th)
		}
	}
	if !themes["high_quality_development"] || !themes["one_post_two_responsibilities"] {
		t.Errorf("themes = %v", themes)
	}
	if len(got.Keywords) == 0 || got.Keywords[0].Weight <= 0 {
		t.Errorf("keywords = %+v", got.Keywords)
	}

	// Text output names the facts too.
	code, text, stderr := runCLI(t, t.TempDir(), "analyze", filepath.Join(files, "zh.txt"))
	if code != exitOK || !strings.Contains(text, "Meeting type: review") || !strings.Contains(text, "吴秋珏") {
		t.Errorf("analyze text: exit %d\n%s%s", code, text, stderr)
	}
	// Errors.
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"analyze", "a", "b"}, exitUsage},
		{[]string{"analyze", "--published", "yesterday", filepath.Join(files, "zh.txt")}, exitUsage},
		{[]string{"analyze", filepath.Join(files, "missing.txt")}, exitFailure},
	} {
		code, _, stderr := runCLI(t, t.TempDir(), c.args...)
		if code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.code, stderr)
		}
		oneLine(t, strings.Join(c.args, " "), stderr)
	}
}

type searchOut struct {
	Total int `json:"total"`
	Hits  []struct {
		ID          string   `json:"id"`
		URL         string   `json:"url"`
		Title       string   `json:"title"`
		Published   *string  `json:"published"`
		MeetingDate *string  `json:"meeting_date"`
		Org         *string  `json:"org"`
		MeetingType *string  `json:"meeting_type"`
		Score       float64  `json:"score"`
		Snippets    []string `json:"snippets"`
	} `json:"hits"`
	Facets       map[string]map[string]int `json:"facets"`
	CrossLingual []struct {
		ID string `json:"id"`
	} `json:"cross_lingual"`
}

func searchJSONOf(t *testing.T, dir string, args ...string) searchOut {
	t.Helper()
	code, out, stderr := runCLI(t, dir, append([]string{"search", "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("search %v: exit %d: %s", args, code, stderr)
	}
	var res searchOut
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("search %v: %v\n%s", args, err, out)
	}
	return res
}

func TestCLISearch(t *testing.T) {
	dir := demoDir(t)
	facts := sample.Facts()

	// The JSON shape of issue 4, key by key.
	code, out, _ := runCLI(t, dir, "search", "述职评议", "--json", "--limit", "3")
	var raw map[string]json.RawMessage
	if code != exitOK || json.Unmarshal([]byte(out), &raw) != nil {
		t.Fatalf("search --json: exit %d\n%s", code, out)
	}
	for _, k := range []string{"total", "hits", "facets"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("search --json lacks %q", k)
		}
	}
	var hits []map[string]json.RawMessage
	json.Unmarshal(raw["hits"], &hits)
	if len(hits) != 3 {
		t.Fatalf("--limit 3 gave %d hits", len(hits))
	}
	for _, k := range []string{"id", "url", "title", "published", "meeting_date", "org", "meeting_type", "score", "snippets"} {
		if _, ok := hits[0][k]; !ok {
			t.Errorf("hit lacks %q", k)
		}
	}
	res := searchJSONOf(t, dir, "述职评议", "--limit", "3")
	for _, f := range []string{"year", "org", "theme", "type", "person"} {
		if len(res.Facets[f]) == 0 {
			t.Errorf("facet %q missing or empty", f)
		}
	}
	if len(res.Hits[0].Snippets) == 0 || !strings.Contains(res.Hits[0].Snippets[0], "<mark>") {
		t.Errorf("no highlighted snippet: %q", res.Hits[0].Snippets)
	}

	// Everything, and no result at all.
	all := searchJSONOf(t, dir, "", "--limit", "1000")
	if all.Total != facts.Articles || len(all.Hits) != facts.Articles {
		t.Errorf("empty query: total %d hits %d, want %d", all.Total, len(all.Hits), facts.Articles)
	}
	none := searchJSONOf(t, dir, "zzqqxxnotaword")
	if none.Total != 0 || none.Hits == nil || len(none.Hits) != 0 {
		t.Errorf("no match: %+v (hits must be [])", none)
	}
	if !strings.Contains(string(mustRun(t, dir, "search", "zzqqxxnotaword")), "No meetings found") {
		t.Errorf("text output of no match lacks 'No meetings found'")
	}

	// Filters: every hit passes, the totals match the sample.
	filters := []struct {
		name     string
		args     []string
		total    int // -1: not known from the facts
		ok       func(h map[string]string, res searchOut) bool
		knownBug string
	}{
		{"year", []string{"--year", "2023"}, facts.ByYear[2023], func(h map[string]string, res searchOut) bool {
			return len(res.Facets["year"]) == 1 && res.Facets["year"]["2023"] == res.Total
		}, ""},
		{"type", []string{"--type", "review"}, -1, func(h map[string]string, _ searchOut) bool { return h["meeting_type"] == "review" }, ""},
		{"lang", []string{"--lang", "en"}, facts.ByLang["en"], func(h map[string]string, res searchOut) bool {
			return len(res.Facets["lang"]) == 1 && res.Facets["lang"]["en"] == res.Total
		}, ""},
		{"theme", []string{"--theme", "high_quality_development"}, -1, func(h map[string]string, res searchOut) bool {
			return res.Facets["theme"]["high_quality_development"] == res.Total
		}, ""},
		{"theme by label", []string{"--theme", "高质量发展"}, -1, func(h map[string]string, res searchOut) bool {
			return res.Facets["theme"]["high_quality_development"] == res.Total
		}, ""},
		{"org", []string{"--org", "云岭人民医院党委"}, -1, func(h map[string]string, _ searchOut) bool { return h["org"] == "云岭人民医院党委" }, ""},
		{"year and type", []string{"--year", "2022", "--type", "promotion"}, -1, func(h map[string]string, res searchOut) bool {
			return h["meeting_type"] == "promotion" && res.Facets["year"]["2022"] == res.Total
		}, ""},
		{"from to", []string{"--from", "2021", "--to", "2022-12-31"}, -1, func(h map[string]string, res searchOut) bool {
			return len(res.Facets["year"]) == 2 && res.Facets["year"]["2021"]+res.Facets["year"]["2022"] == res.Total
		}, ""},
		{"to a year", []string{"--to", "2022"}, -1, func(h map[string]string, res searchOut) bool {
			_, y2023 := res.Facets["year"]["2023"]
			_, y2024 := res.Facets["year"]["2024"]
			return !y2023 && !y2024
		}, ""},
	}
	for _, f := range filters {
		t.Run("filter "+f.name, func(t *testing.T) {
			res := searchJSONOf(t, dir, append([]string{"", "--limit", "1000"}, f.args...)...)
			if res.Total == 0 || res.Total == facts.Articles {
				t.Fatalf("%v: total %d (filter not applied?)", f.args, res.Total)
			}
			if f.total >= 0 && res.Total != f.total {
				t.Errorf("%v: total %d, want %d", f.args, res.Total, f.total)
			}
			for _, h := range res.Hits {
				m := map[string]string{"org": deref(h.Org), "meeting_type": deref(h.MeetingType)}
				if !f.ok(m, res) {
					if f.knownBug != "" {
						t.Skipf("KNOWN BUG (%s): facets %v", f.knownBug, res.Facets["year"])
					}
					t.Errorf("%v: hit %s %q does not pass (org %q type %q)", f.args, h.ID, h.Title, m["org"], m["meeting_type"])
					break
				}
			}
		})
	}
	// Sort by date: newest first.
	byDate := searchJSONOf(t, dir, "", "--sort", "date", "--limit", "20")
	for i := 1; i < len(byDate.Hits); i++ {
		a, b := dateOf(byDate.Hits[i-1].MeetingDate, byDate.Hits[i-1].Published), dateOf(byDate.Hits[i].MeetingDate, byDate.Hits[i].Published)
		if a < b {
			t.Errorf("--sort date: %s before %s", a, b)
		}
	}
	// Paging: --offset continues where --limit stopped.
	p1 := searchJSONOf(t, dir, "", "--sort", "date", "--limit", "5")
	p2 := searchJSONOf(t, dir, "", "--sort", "date", "--limit", "5", "--offset", "5")
	for _, h := range p2.Hits {
		for _, g := range p1.Hits {
			if h.ID == g.ID {
				t.Errorf("--offset 5 repeats %s", h.ID)
			}
		}
	}

	// Paging past the end says so.
	if s := string(mustRun(t, dir, "search", "述职评议", "--offset", "500")); !strings.Contains(s, "none from --offset 500 on") {
		t.Errorf("paging past the end:\n%s", s)
	}

	// Cross-lingual themes: either language finds both, and says so.
	zh := searchJSONOf(t, dir, "高质量发展", "--limit", "1000")
	en := searchJSONOf(t, dir, "high-quality development", "--limit", "1000")
	for _, r := range []searchOut{zh, en} {
		if len(r.CrossLingual) == 0 || r.CrossLingual[0].ID != "high_quality_development" {
			t.Errorf("cross_lingual = %+v", r.CrossLingual)
		}
		if r.Facets["lang"]["zh"] == 0 || r.Facets["lang"]["en"] == 0 {
			t.Errorf("theme search does not cross languages: %v", r.Facets["lang"])
		}
	}
	if zh.Total != en.Total {
		t.Errorf("高质量发展 finds %d, \"high-quality development\" %d", zh.Total, en.Total)
	}
	text := string(mustRun(t, dir, "search", "high-quality development", "--limit", "2"))
	if !strings.Contains(text, `Also matching theme "high_quality_development"`) {
		t.Errorf("text output does not say the theme crosses languages:\n%s", text)
	}
	if strings.Contains(text, "… …") {
		t.Errorf("snippets framed with doubled ellipses:\n%s", text)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func dateOf(meeting, published *string) string {
	if meeting != nil {
		return *meeting
	}
	return deref(published)
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	code, out, stderr := runCLI(t, dir, args...)
	if code != exitOK {
		t.Fatalf("%v: exit %d: %s", args, code, stderr)
	}
	return []byte(out)
}

func TestCLISearchBadQueries(t *testing.T) {
	dir := demoDir(t)
	tests := []struct {
		query    string
		knownBug string // another package's bug: logged, not failed
	}{
		{`title:"unclosed`, ""},
		{`"`, ""},
		{`+`, ""},
		{`-`, ""},
		{`title:`, ""},
		{`~`, ""},
		{`year:>=abc`, ""},
		{`nosuchfield:x`, ""},
		{`body:/[/`, ""},
		{`/(/`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			start := time.Now()
			code, out, stderr := runCLI(t, dir, "search", tt.query)
			if code != exitUsage && tt.knownBug != "" {
				t.Skipf("KNOWN BUG (%s): exit %d, %s", tt.knownBug, code, strings.TrimSpace(stderr))
			}
			if code != exitUsage {
				t.Fatalf("exit %d, want %d; stdout %.80q stderr %q", code, exitUsage, out, stderr)
			}
			oneLine(t, tt.query, stderr)
			if !strings.Contains(stderr, "bad query") || out != "" {
				t.Errorf("stderr %q, stdout %q", stderr, out)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
	// Queries of nothing but punctuation are not "everything": they either
	// are errors or match nothing.
	all := searchJSONOf(t, dir, "").Total
	for _, q := range []string{"(", "。", `""`} {
		code, out, _ := runCLI(t, dir, "search", q, "--json")
		var res searchOut
		json.Unmarshal([]byte(out), &res)
		if code == exitOK && res.Total == all {
			t.Errorf("search %q matches all %d meetings", q, all)
		}
	}
}

func TestCLITrends(t *testing.T) {
	dir := demoDir(t)
	facts := sample.Facts()
	out := mustRun(t, dir, "trends", "--json")
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"years", "meetings_by_year", "themes"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("trends --json lacks %q", k)
		}
	}
	var res struct {
		Years          []int          `json:"years"`
		MeetingsByYear map[string]int `json:"meetings_by_year"`
		Themes         []map[string]json.RawMessage
	}
	json.Unmarshal(out, &res)
	if fmt.Sprint(res.Years) != fmt.Sprint(facts.Years) {
		t.Errorf("years %v, want %v", res.Years, facts.Years)
	}
	for y, n := range facts.ByYear {
		if res.MeetingsByYear[strconv.Itoa(y)] != n {
			t.Errorf("meetings_by_year[%d] = %d, want %d", y, res.MeetingsByYear[strconv.Itoa(y)], n)
		}
	}
	if len(res.Themes) < 10 {
		t.Fatalf("%d themes", len(res.Themes))
	}
	prevP := -1.0
	for i, th := range res.Themes {
		for _, k := range []string{"id", "label_en", "label_zh", "docs_by_year", "share_by_year", "change", "g2", "p", "trend"} {
			if _, ok := th[k]; !ok {
				t.Errorf("theme %d lacks %q", i, k)
			}
		}
		var p float64
		var trend string
		json.Unmarshal(th["p"], &p)
		json.Unmarshal(th["trend"], &trend)
		if p < prevP {
			t.Errorf("theme %d: p %g after %g: not most significant first", i, p, prevP)
		}
		prevP = p
		switch trend {
		case "rising", "falling", "new", "gone", "steady":
		default:
			t.Errorf("theme %d: trend %q", i, trend)
		}
	}
	var first struct {
		ID    string `json:"id"`
		Trend string `json:"trend"`
	}
	b, _ := json.Marshal(res.Themes[0])
	json.Unmarshal(b, &first)
	if first.Trend == "steady" {
		t.Errorf("most significant theme %s is steady", first.ID)
	}

	// CSV parses, one row per theme plus the meetings row, fixed columns.
	rows, err := csv.NewReader(bytes.NewReader(mustRun(t, dir, "trends", "--csv"))).ReadAll()
	if err != nil {
		t.Fatalf("trends --csv: %v", err)
	}
	if len(rows) < len(res.Themes)+1 || rows[0][0] != "id" {
		t.Errorf("trends --csv: %d rows, header %v", len(rows), rows[0])
	}

	// Attention over time: several queries side by side.
	var att struct {
		Years  []int `json:"years"`
		Series []struct {
			Query      string         `json:"query"`
			DocsByYear map[string]int `json:"docs_by_year"`
		} `json:"series"`
	}
	if err := json.Unmarshal(mustRun(t, dir, "trends", "--query", "高质量发展", "--query", "party building brand", "--json"), &att); err != nil {
		t.Fatal(err)
	}
	zh := searchJSONOf(t, dir, "高质量发展")
	if len(att.Series) != 2 || att.Series[0].Query != "高质量发展" {
		t.Fatalf("attention series: %+v", att.Series)
	}
	sum := 0
	for _, n := range att.Series[0].DocsByYear {
		sum += n
	}
	if sum != zh.Total {
		t.Errorf("attention over time counts %d meetings for 高质量发展; search finds %d", sum, zh.Total)
	}
	if rows, err := csv.NewReader(bytes.NewReader(mustRun(t, dir, "trends", "--query", "高质量发展", "--csv"))).ReadAll(); err != nil || len(rows) < len(facts.Years)+1 {
		t.Errorf("trends --query --csv: %d rows, %v", len(rows), err)
	}
	// --by term.
	var terms struct {
		By     string            `json:"by"`
		Themes []json.RawMessage `json:"themes"`
	}
	if err := json.Unmarshal(mustRun(t, dir, "trends", "--by", "term", "--json"), &terms); err != nil || terms.By != "term" || len(terms.Themes) == 0 {
		t.Errorf("trends --by term: by %q, %d rows, %v", terms.By, len(terms.Themes), err)
	}
	// A range without meetings says so instead of a table of zeros.
	if s := string(mustRun(t, dir, "trends", "--from", "2030", "--to", "2031")); !strings.Contains(s, "No meetings") {
		t.Errorf("empty range:\n%.300s", s)
	}
}

func TestCLIContext(t *testing.T) {
	dir := demoDir(t)
	var lines []map[string]any
	if err := json.Unmarshal(mustRun(t, dir, "context", "高质量发展", "--json", "--limit", "500"), &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) == 0 {
		t.Fatal("no context lines for 高质量发展")
	}
	rows, err := csv.NewReader(bytes.NewReader(mustRun(t, dir, "context", "高质量发展", "--csv", "--limit", "500"))).ReadAll()
	if err != nil || len(rows) != len(lines)+1 {
		t.Errorf("context --csv: %d rows for %d lines, %v", len(rows), len(lines), err)
	}
	// No occurrence: [] in JSON, a sentence in text.
	if s := strings.TrimSpace(string(mustRun(t, dir, "context", "zzqqxxnotaword", "--json"))); s != "[]" {
		t.Errorf("context --json of nothing = %q, want []", s)
	}
	if s := string(mustRun(t, dir, "context", "zzqqxxnotaword")); !strings.Contains(s, "No occurrences") {
		t.Errorf("context of nothing: %q", s)
	}
	// A multi-word English term is one match, not one per word.
	text := string(mustRun(t, dir, "context", "high-quality development", "--limit", "20"))
	if strings.Contains(text, "[high-quality] development") || strings.Contains(text, "high-quality [development]") {
		t.Errorf("context splits the phrase into one line per word:\n%.400s", text)
	}
	// A Chinese term is highlighted as written.
	text = string(mustRun(t, dir, "context", "述职评议", "--limit", "20"))
	if !strings.Contains(text, "[述职评议]") {
		t.Errorf("context never highlights 述职评议 as written:\n%.400s", text)
	}
}

func TestCLIRequirements(t *testing.T) {
	dir := demoDir(t)
	var groups []struct {
		Text      string   `json:"text"`
		Count     int      `json:"count"`
		Years     []int    `json:"years"`
		Orgs      []string `json:"orgs"`
		Speakers  []string `json:"speakers"`
		FirstSeen string   `json:"first_seen"`
		LastSeen  string   `json:"last_seen"`
		Members   []struct {
			URL  string `json:"url"`
			Text string `json:"text"`
		} `json:"members"`
	}
	if err := json.Unmarshal(mustRun(t, dir, "requirements", "--recurring", "--json", "--limit", "0"), &groups); err != nil {
		t.Fatal(err)
	}
	if len(groups) < 3 {
		t.Fatalf("%d recurring groups", len(groups))
	}
	for i, g := range groups {
		if g.Count < 2 || g.Text == "" || len(g.Years) == 0 || g.FirstSeen == "" || g.LastSeen < g.FirstSeen || len(g.Members) == 0 || g.Members[0].URL == "" {
			t.Errorf("group %d incomplete: %+v", i, g)
		}
		if i > 0 {
			p := groups[i-1]
			if len(p.Years) < len(g.Years) || len(p.Years) == len(g.Years) && len(p.Orgs) < len(g.Orgs) {
				t.Errorf("group %d (%d years, %d orgs) after group %d (%d years, %d orgs): not sorted by recurrence",
					i, len(g.Years), len(g.Orgs), i-1, len(p.Years), len(p.Orgs))
			}
		}
	}
	// The sample's planted recurring families surface: the top group spans
	// at least three years.
	if len(groups[0].Years) < 3 {
		t.Errorf("top group spans %v", groups[0].Years)
	}
	// --min-years and --from/--to filter.
	var few []struct {
		Years []int `json:"years"`
	}
	json.Unmarshal(mustRun(t, dir, "requirements", "--recurring", "--min-years", "4", "--json", "--limit", "0"), &few)
	for _, g := range few {
		if len(g.Years) < 4 {
			t.Errorf("--min-years 4 kept a group of years %v", g.Years)
		}
	}
	var ranged []struct {
		Years []int `json:"years"`
	}
	json.Unmarshal(mustRun(t, dir, "requirements", "--recurring", "--from", "2022", "--to", "2023", "--json", "--limit", "0"), &ranged)
	if len(ranged) == 0 {
		t.Errorf("no recurring requirements in 2022-2023")
	}
	for _, g := range ranged {
		for _, y := range g.Years {
			if y < 2022 || y > 2023 {
				t.Errorf("--from 2022 --to 2023 kept year %d", y)
			}
		}
	}
	// CSV parses; --members gives one row per member.
	rows, err := csv.NewReader(bytes.NewReader(mustRun(t, dir, "requirements", "--recurring", "--csv", "--limit", "5"))).ReadAll()
	if err != nil || len(rows) != 6 {
		t.Errorf("requirements --csv: %d rows, %v", len(rows), err)
	}
	rows, err = csv.NewReader(bytes.NewReader(mustRun(t, dir, "requirements", "--recurring", "--csv", "--members", "--limit", "2"))).ReadAll()
	if err != nil || len(rows) < 5 {
		t.Errorf("requirements --csv --members: %d rows, %v", len(rows), err)
	}
	// Nothing found: [] in JSON.
	if s := strings.TrimSpace(string(mustRun(t, dir, "requirements", "--recurring", "--from", "2030", "--json"))); s != "[]" {
		t.Errorf("requirements --json of nothing = %q, want []", s)
	}
}

func TestCLIReport(t *testing.T) {
	dir := demoDir(t)
	out := t.TempDir()
	tests := []struct {
		name string
		args []string
		file string
		want []string
	}{
		{"html year", []string{"--year", "2023"}, "r.html", []string{"<svg", "<html", "2023", "href=\"http"}},
		{"html range", []string{"--from", "2019", "--to", "2024", "--format", "html"}, "r2.html", []string{"<svg", "2019", "2024"}},
		{"markdown", []string{"--from", "2019", "--to", "2024", "--format", "md"}, "r.md", []string{"# ", "| ", "](http"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(out, tt.file)
			code, stdout, stderr := runCLI(t, dir, append([]string{"report", "--out", path}, tt.args...)...)
			if code != exitOK || stdout != "" {
				t.Fatalf("exit %d, stdout %.80q: %s", code, stdout, stderr)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("report lacks %q", w)
				}
			}
			// Self-contained: nothing loaded from elsewhere when opened.
			if m := regexp.MustCompile(`<(script|img|link)[^>]+(src|href)="https?:`).FindString(s); m != "" {
				t.Errorf("report loads %s", m)
			}
		})
	}
	// To standard output without --out.
	if s := string(mustRun(t, dir, "report", "--year", "2022", "--format", "md")); !strings.HasPrefix(s, "# ") {
		t.Errorf("report to stdout: %.80q", s)
	}
	// No meetings: an error, and no file.
	path := filepath.Join(out, "empty.html")
	code, _, stderr := runCLI(t, dir, "report", "--year", "2031", "--out", path)
	if code != exitFailure || !strings.Contains(stderr, "no meetings") {
		t.Errorf("report of an empty year: exit %d %s", code, stderr)
	}
	if _, err := os.Stat(path); err == nil {
		t.Errorf("report of an empty year wrote %s", path)
	}
}

// TestCLIDataDirInUse: while another process (here: this test) holds the
// data dir, every command that opens it fails at once with one line.
func TestCLIDataDirInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	dir := t.TempDir()
	files := t.TempDir()
	writeFiles(t, files, map[string]string{"a.txt": zhReport})
	if code, _, stderr := runCLI(t, dir, "import", filepath.Join(files, "a.txt")); code != exitOK {
		t.Fatalf("import: %s", stderr)
	}
	held, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	srv := httptest.NewServer(fixture.New(fixture.Options{}))
	defer srv.Close()
	cmds := [][]string{
		{"search", "党建"}, {"export"}, {"import", filepath.Join(files, "a.txt")}, {"crawl", "--delay", "0", srv.URL + "/"},
		{"trends"}, {"context", "党建"}, {"requirements", "--recurring"}, {"report", "--year", "2023"},
		{"index"}, {"index", "--rebuild"}, {"reanalyze"},
	}
	for _, c := range cmds {
		t.Run(strings.Join(c, " "), func(t *testing.T) {
			start := time.Now()
			code, out, stderr := runCLI(t, dir, c...)
			if d := time.Since(start); d > 8*time.Second {
				t.Errorf("took %s to give up", d)
			}
			if code != exitFailure || out != "" {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			oneLine(t, "in use", stderr)
			if !strings.Contains(stderr, "in use") {
				t.Errorf("stderr %q does not say the data dir is in use", stderr)
			}
		})
	}
	// What was stored is still there once the holder lets go.
	held.Close()
	if n := len(storeArticles(t, dir)); n != 1 {
		t.Errorf("after the refused commands the store holds %d articles, want 1", n)
	}
}

func TestCLIUsageErrorsOneLine(t *testing.T) {
	files := t.TempDir()
	writeFiles(t, files, map[string]string{"a.txt": zhReport})
	tests := [][]string{
		{"frobnicate"},
		{"search"},
		{"search", "a", "b"},
		{"search", "x", "--limit", "0"},
		{"search", "x", "--offset", "-1"},
		{"search", "x", "--sort", "size"},
		{"search", "x", "--type", "bogus"},
		{"search", "x", "--lang", "fr"},
		{"search", "x", "--year", "twenty"},
		{"search", "x", "--from", "2023-13"},
		{"search", "x", "--to", "yesterday"},
		{"trends", "--by", "word"},
		{"trends", "--json", "--csv"},
		{"trends", "--from", "2024", "--to", "2019"},
		{"trends", "--type", "party"},
		{"trends", "--lang", "fr"},
		{"trends", "extra"},
		{"context"},
		{"context", " "},
		{"context", "x", "--json", "--csv"},
		{"requirements", "--from", "2024", "--to", "2020"},
		{"requirements", "--json", "--csv"},
		{"report"},
		{"report", "--year", "2023", "--from", "2020"},
		{"report", "--year", "2023", "--format", "pdf"},
		{"analyze", "a", "b"},
		{"analyze", "--published", "soon", filepath.Join(files, "a.txt")},
		{"import"},
		{"import", "--published", "2023-02-30", filepath.Join(files, "a.txt")},
		{"import", "--url", "https://ex.org/", files},
		{"export", "--format", "xml"},
		{"export", "extra"},
		{"crawl"},
		{"crawl", "--delay", "soon", "http://127.0.0.1:1/"},
		{"crawl", "--max-pages", "many", "http://127.0.0.1:1/"},
		{"crawl", "--site", filepath.Join(files, "missing.yaml")},
		{"crawl", "not-a-url"},
		{"crawl", "ftp://127.0.0.1/"},
		{"crawl", "--parallel", "0", "http://127.0.0.1:1/"},
		{"crawl", "--max-pages", "-1", "http://127.0.0.1:1/"},
		{"gen", "--docs", "0", "--out", filepath.Join(files, "g.jsonl")},
		{"gen", "--docs", "5"},
		{"gen", "--years", "2024-2019", "--out", filepath.Join(files, "g.jsonl")},
		{"eval"},
		{"reanalyze", "extra"},
		{"index", "extra"},
		{"demo", "extra"},
		{"--data"},
	}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			var out, errb bytes.Buffer
			code := run(context.Background(), append([]string{"--data", dir}, args...), strings.NewReader(""), &out, &errb)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr %q", code, exitUsage, errb.String())
			}
			oneLine(t, "usage error", errb.String())
			if !strings.HasPrefix(errb.String(), "meetscan: ") {
				t.Errorf("stderr %q does not start with meetscan:", errb.String())
			}
			// A usage error creates nothing in the data dir.
			if ents, _ := os.ReadDir(dir); len(ents) != 0 {
				t.Errorf("usage error left %d files in the data dir", len(ents))
			}
		})
	}
}

func TestCLIHelpEveryCommand(t *testing.T) {
	root := newRootCmd(&env{})
	var names []string
	for _, c := range root.Commands() {
		if c.Name() == "completion" || c.Name() == "help" {
			continue
		}
		names = append(names, c.Name())
		if c.Short == "" {
			t.Errorf("%s has no short description", c.Name())
		}
	}
	sort.Strings(names)
	want := []string{"analyze", "context", "crawl", "demo", "eval", "export", "gen", "import", "index",
		"reanalyze", "report", "requirements", "search", "serve", "trends"}
	for _, w := range want {
		if sort.SearchStrings(names, w) == len(names) || names[sort.SearchStrings(names, w)] != w {
			t.Errorf("command %q missing (have %v)", w, names)
		}
	}
	for _, name := range names {
		for _, form := range [][]string{{name, "--help"}, {name, "-h"}, {"help", name}} {
			code, stdout, stderr := runCLI(t, t.TempDir(), form...)
			if code != exitOK || stderr != "" || !strings.Contains(stdout, "Usage:") || !strings.Contains(stdout, "meetscan "+name) ||
				!strings.Contains(stdout, "--data") {
				t.Errorf("%v: exit %d, stderr %q, stdout %.120q", form, code, stderr, stdout)
			}
		}
	}
	code, stdout, _ := runCLI(t, t.TempDir(), "--help")
	if code != exitOK {
		t.Errorf("meetscan --help: exit %d", code)
	}
	for _, name := range want {
		if !strings.Contains(stdout, "  "+name) {
			t.Errorf("meetscan --help does not list %s", name)
		}
	}
}

// TestCLIUserTaxonomyAndReanalyze: a theme added in DATA/taxonomy.yaml (and
// its word in DATA/userdict.txt) applies to stored articles after
// `reanalyze`, and search, --theme and cross-lingual matching know it.
func TestCLIUserTaxonomyAndReanalyze(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a second segmenter")
	}
	dir, files := t.TempDir(), t.TempDir()
	writeFiles(t, files, map[string]string{"r.txt": "某集团党委召开红色引擎工程推进会\n3月5日，某集团党委召开红色引擎工程推进会。党委书记张为民主持会议并讲话。\n张为民强调，要深入实施红色引擎工程，推动各支部争创示范点。\n"})
	mustRun(t, dir, "import", filepath.Join(files, "r.txt"))
	if code, _, stderr := runCLI(t, dir, "search", "", "--theme", "red_engine"); code != exitUsage {
		t.Fatalf("unknown theme before the taxonomy change: exit %d %s", code, stderr)
	}
	writeFiles(t, dir, map[string]string{
		"taxonomy.yaml": "themes:\n  - id: red_engine\n    label_en: Red engine project\n    label_zh: 红色引擎工程\n    terms_zh: [红色引擎工程]\n    terms_en: [red engine project]\n",
		"userdict.txt":  "红色引擎工程 5000 n\n",
	})
	code, _, stderr := runCLI(t, dir, "reanalyze")
	if code != exitOK || !strings.Contains(stderr, "1 articles analysed and indexed") {
		t.Fatalf("reanalyze: exit %d %s", code, stderr)
	}
	if res := searchJSONOf(t, dir, "", "--theme", "red_engine"); res.Total != 1 {
		t.Errorf("--theme red_engine after reanalyze: %d hits", res.Total)
	}
	en := searchJSONOf(t, dir, "red engine project")
	if en.Total != 1 || len(en.CrossLingual) == 0 || en.CrossLingual[0].ID != "red_engine" {
		t.Errorf("English name of the new theme: total %d cross_lingual %+v", en.Total, en.CrossLingual)
	}
	var exp map[string]any
	json.Unmarshal([]byte(strings.SplitN(string(mustRun(t, dir, "export")), "\n", 2)[0]), &exp)
	if !strings.Contains(fmt.Sprint(exp["analysis"]), "red_engine") {
		t.Errorf("export after reanalyze lacks the new theme: %.300v", exp["analysis"])
	}
}

// TestCLIUnanalysedArticleRepaired puts the store in the state a kill -9
// leaves between storing an article and storing its analysis (the article
// is there, its analysis and index entry are not) and checks what the next
// commands make of it.
func openStoreAnalysis(t *testing.T, dir, id string) (*data.Analysis, error) {
	t.Helper()
	st, err := data.Open(dir)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return st.Analysis(id)
}

func TestCLIUnanalysedArticleRepaired(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	dir, files := t.TempDir(), t.TempDir()
	writeFiles(t, files, map[string]string{"a.txt": zhReport})
	mustRun(t, dir, "import", filepath.Join(files, "a.txt"))
	st, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	orphan := &data.Article{URL: "https://ex.org/dj/orphan.html", Title: "某局党组召开述职评议会议",
		Body: "12月1日，某局党组召开述职评议会议。会议要求，要落实一岗双责。"}
	orphan.Normalize()
	if _, err := st.PutArticles([]*data.Article{orphan}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// The next command that opens the pipeline finishes the interrupted
	// work: the orphan is analysed and indexed.
	if out := string(mustRun(t, dir, "index")); !strings.Contains(out, "2 articles indexed of 2 stored") {
		t.Errorf("index after an interrupted save: %q", out)
	}
	writeFiles(t, files, map[string]string{"b.html": enReportHTML})
	mustRun(t, dir, "import", filepath.Join(files, "b.html"))
	if out := string(mustRun(t, dir, "index")); !strings.Contains(out, "3 articles indexed of 3 stored") {
		t.Errorf("after a later import: %q", out)
	}
	if an, err := openStoreAnalysis(t, dir, orphan.ID); err != nil || an.MeetingType != data.MeetingReview {
		t.Errorf("orphan analysis = %+v, %v; want a stored review analysis", an, err)
	}
	// All three articles speak of 一岗双责 / "one post, two responsibilities".
	res := searchJSONOf(t, dir, "", "--theme", "one_post_two_responsibilities", "--type", "review")
	found := false
	for _, h := range res.Hits {
		found = found || h.ID == orphan.ID
	}
	if !found {
		t.Errorf("after reanalyze the repaired article is not tagged: %+v", res.Hits)
	}
}

// TestCLICrawlNothingFetched: a crawl whose site is down is a failure
// (exit 1), not "0 new, 0 unchanged" with exit 0.
func TestCLICrawlNothingFetched(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	srv := httptest.NewServer(fixture.New(fixture.Options{}))
	down := srv.URL + "/"
	srv.Close()
	code, _, stderr := runCLI(t, t.TempDir(), "crawl", "--delay", "0", "--retries", "0", down)
	if code != exitFailure {
		t.Errorf("crawl of a site that is down: exit %d, want 1\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "no page could be fetched") || !strings.Contains(last, down) {
		t.Errorf("last line %q does not say why", last)
	}
	crawlSummary(t, stderr) // the summary is printed all the same
}

// TestCLICrawlInterruptResume sends SIGINT (Ctrl-C) to a real crawl: it
// stops within seconds, says how to continue, and the re-run completes the
// site with nothing stored twice.
func TestCLICrawlInterruptResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child crawl process")
	}
	site, srv, dir, cmd, childErr := startChildCrawl(t)
	defer srv.Close()
	want := len(site.Expected())
	sent := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("crawl did not stop within 20s of SIGINT:\n%s", childErr.String())
	}
	if d := time.Since(sent); d > 5*time.Second {
		t.Errorf("SIGINT took %s to stop the crawl", d)
	}
	if code := cmd.ProcessState.ExitCode(); code != exitFailure || !strings.Contains(childErr.String(), "run the same command again") {
		t.Errorf("interrupted crawl: exit %d\n%s", code, childErr.String())
	}
	newN, _, _ := crawlSummary(t, childErr.String())
	before := storeArticles(t, dir)
	if len(before) != newN || len(before) == 0 || len(before) >= want {
		t.Errorf("interrupted crawl said %d new; store holds %d of %d", newN, len(before), want)
	}
	code, _, stderr := runCLI(t, dir, "crawl", "--delay", "0", srv.URL+"/")
	if code != exitOK {
		t.Fatalf("re-run exit %d: %s", code, stderr)
	}
	if n, _, _ := crawlSummary(t, stderr); n != want-len(before) {
		t.Errorf("re-run: %d new, want %d", n, want-len(before))
	}
	if n := len(storeArticles(t, dir)); n != want {
		t.Errorf("after re-run: %d articles, want %d", n, want)
	}
}

// TestCLIMissingDataDir: commands that read what is stored refuse a data
// dir that does not exist (a typo in --data) instead of creating an empty
// one and answering "No meetings found".
func TestCLIMissingDataDir(t *testing.T) {
	for _, args := range [][]string{
		{"search", "党建"}, {"export"}, {"trends"}, {"context", "党建"}, {"requirements", "--recurring"},
		{"report", "--year", "2023"}, {"index"}, {"index", "--rebuild"}, {"reanalyze"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "typo")
			code, out, stderr := runCLI(t, dir, args...)
			if code != exitFailure || out != "" || !strings.Contains(stderr, "does not exist") {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out, stderr)
			}
			oneLine(t, "missing data dir", stderr)
			if _, err := os.Stat(dir); err == nil {
				t.Errorf("%v created the data dir %s", args, dir)
			}
		})
	}
	// Commands that add data create it.
	if testing.Short() {
		return
	}
	files := t.TempDir()
	writeFiles(t, files, map[string]string{"a.txt": zhReport})
	dir := filepath.Join(t.TempDir(), "new")
	mustRun(t, dir, "import", filepath.Join(files, "a.txt"))
	if res := searchJSONOf(t, dir, "述职评议"); res.Total != 1 {
		t.Errorf("search in the data dir import created: %d hits", res.Total)
	}
}

// TestCLIDemoAgain: `demo --data DIR` on a kept data dir serves the sample
// on a new port; nothing is stored twice and the summary says why nothing
// is new.
func TestCLIDemoAgain(t *testing.T) {
	dir := demoDir(t)
	facts := sample.Facts()
	out := string(mustRun(t, dir, "demo"))
	want := fmt.Sprintf("0 new articles, 0 unchanged, %d already stored under another URL", facts.Articles)
	if !strings.Contains(out, want) {
		t.Errorf("second demo lacks %q:\n%.400s", want, out)
	}
	if idx := string(mustRun(t, dir, "index")); !strings.Contains(idx, fmt.Sprintf("%d articles indexed of %d stored", facts.Articles, facts.Articles)) {
		t.Errorf("after a second demo: %q", idx)
	}
}

// TestCLIEval runs `meetscan eval` on the shared dev corpus when present.
func TestCLIEval(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	var dev string
	for _, rel := range []string{"../../../shared/corpus/dev", "../../shared/corpus/dev"} {
		if _, err := os.Stat(filepath.Join(rel, "gold.jsonl")); err == nil {
			dev = rel
			break
		}
	}
	if dev == "" {
		t.Skip("shared corpus not present")
	}
	out := string(mustRun(t, t.TempDir(), "eval", dev))
	for _, want := range []string{"| people (name) |", "| requirements (half overlap) |", "| meeting_date |", "| meeting_type |", "| attendance |"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%.500s", want, out)
		}
	}
	if code, _, stderr := runCLI(t, t.TempDir(), "eval", filepath.Join(t.TempDir(), "none")); code != exitFailure {
		t.Errorf("eval of a missing folder: exit %d %s", code, stderr)
	}
}

// TestCLIDamagedIndex: the index is rebuildable from the store, so a
// deleted or damaged index must never make searches silently empty or
// block `index --rebuild`.
func TestCLIDamagedIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the analyzer")
	}
	dir, files := t.TempDir(), t.TempDir()
	writeFiles(t, files, map[string]string{"a.txt": zhReport, "b.html": enReportHTML})
	mustRun(t, dir, "import", files)
	ixDir := filepath.Join(dir, "index")

	// Deleted by hand: the next command says so and rebuilds it from the
	// store; --rebuild works as well.
	if err := os.RemoveAll(ixDir); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, dir, "search", "述职评议")
	if code != exitOK || !strings.Contains(stderr, "rebuilding") || !strings.Contains(stdout, "1 meetings found") {
		t.Errorf("search with the index deleted: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	oneLine(t, "warning", stderr)
	mustRun(t, dir, "index", "--rebuild")
	if res := searchJSONOf(t, dir, "述职评议"); res.Total != 1 {
		t.Errorf("after --rebuild: %d hits", res.Total)
	}

	// Damaged (its bleve store gone, as after a kill while it was
	// created): a one-line error that says what to do, and --rebuild
	// starts over.
	if err := os.RemoveAll(filepath.Join(ixDir, "store")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, dir, "search", "述职评议")
	if code != exitFailure || !strings.Contains(stderr, "index --rebuild") {
		t.Errorf("search with a damaged index: exit %d, stderr %q", code, stderr)
	}
	oneLine(t, "damaged index", stderr)
	code, _, stderr = runCLI(t, dir, "index", "--rebuild")
	if code != exitOK {
		t.Fatalf("index --rebuild of a damaged index: exit %d %s", code, stderr)
	}
	if res := searchJSONOf(t, dir, "述职评议"); res.Total != 1 {
		t.Errorf("after rebuilding a damaged index: %d hits", res.Total)
	}
}
