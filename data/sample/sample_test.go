package sample

import (
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"meetscan/data"
)

func get(t *testing.T, srv *httptest.Server, path string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

// decode turns a page into UTF-8 text by its meta tag, as a browser would.
func decode(t *testing.T, b []byte) string {
	t.Helper()
	head := string(b[:min(len(b), 300)])
	if strings.Contains(head, "charset=gbk") {
		u, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return string(u)
	}
	if !utf8.Valid(b) {
		t.Fatalf("page without a GBK meta tag is not UTF-8: %.200s", b)
	}
	return string(b)
}

func sectionOf(f *FactSheet, path string) *SectionFact {
	for i := range f.Sections {
		if strings.HasPrefix(path, f.Sections[i].Path) {
			return &f.Sections[i]
		}
	}
	return nil
}

func TestFactsMatchFiles(t *testing.T) {
	f := Facts()
	if f.Articles < 80 || len(f.Reports) != f.Articles {
		t.Fatalf("articles %d, reports %d", f.Articles, len(f.Reports))
	}
	sum := func(m map[string]int) int {
		n := 0
		for _, v := range m {
			n += v
		}
		return n
	}
	years := 0
	for _, y := range f.Years {
		years += f.ByYear[y]
		if f.ByYear[y] == 0 {
			t.Errorf("no reports in %d", y)
		}
	}
	if len(f.Years) < 6 || years != f.Articles || sum(f.ByType) != f.Articles || sum(f.ByLang) != f.Articles ||
		sum(f.ByOrg) != f.Articles || sum(f.BySection) != f.Articles {
		t.Fatalf("counts do not add up: %v %v %v %v %v", f.ByYear, f.ByType, f.ByLang, f.ByOrg, f.BySection)
	}
	for _, typ := range data.MeetingTypes {
		if f.ByType[typ] == 0 {
			t.Errorf("no %s meeting", typ)
		}
	}
	if len(f.Orgs) < 5 || f.ByLang["zh"] == 0 || f.ByLang["en"] == 0 || f.ByLang["mixed"] == 0 {
		t.Errorf("orgs %d, langs %v", len(f.Orgs), f.ByLang)
	}

	// Every listed page is a file, every file is listed.
	site := FS()
	listed := map[string]bool{}
	kinds := map[string]int{}
	for _, p := range f.Pages {
		listed[p.File] = true
		kinds[p.Kind]++
		if _, err := fs.Stat(site, p.File); err != nil {
			t.Errorf("page %s: %v", p.Path, err)
		}
	}
	size := int64(0)
	fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, _ := d.Info()
		size += info.Size()
		if !listed[p] && p != "404.html" {
			t.Errorf("file %s is not in the facts", p)
		}
		return nil
	})
	if size > 2<<20 {
		t.Errorf("site is %d bytes, want < 2 MiB", size)
	}
	if kinds["article"] != f.Articles || kinds["home"] != 1 || kinds["robots"] != 1 {
		t.Errorf("page kinds %v", kinds)
	}
	listings := 0
	for _, s := range f.Sections {
		listings += s.Pages
	}
	if kinds["listing"] != listings {
		t.Errorf("%d listing pages, sections say %d", kinds["listing"], listings)
	}

	// Every report's page says what the facts say.
	byYear, byType, byLang, byOrg := map[int]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	themeDocs := map[string]map[int]int{}
	for _, r := range f.Reports {
		year := 0
		for _, c := range r.MeetingDate[:4] {
			year = year*10 + int(c-'0')
		}
		byYear[year]++
		byType[r.Type]++
		byLang[r.Lang]++
		byOrg[r.Org]++
		for _, th := range r.Themes {
			if themeDocs[th] == nil {
				themeDocs[th] = map[int]int{}
			}
			themeDocs[th][year]++
		}
		b, err := fs.ReadFile(site, strings.TrimPrefix(r.Path, "/"))
		if err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(decode(t, b))
		for _, want := range []string{r.Title, r.Published, r.Presider.TitleZH + r.Presider.ZH} {
			if r.Lang == "en" && want == r.Presider.TitleZH+r.Presider.ZH {
				want = r.Presider.TitleEN + " " + r.Presider.EN
			}
			if want == r.Published && sectionOf(f, r.Path).Charset == "gbk" {
				want = strings.NewReplacer("-", "").Replace(r.Published[:10]) // 2019年11月14日 holds 2019, 11, 14
				want = want[:4] + "年" + want[4:6] + "月" + want[6:8] + "日"
			}
			if !strings.Contains(text, want) {
				t.Errorf("%s: page lacks %q", r.Path, want)
			}
		}
		for _, it := range r.Items {
			if !strings.Contains(text, it.Text) {
				t.Errorf("%s: page lacks item %q", r.Path, it.Text)
			}
		}
	}
	for y, n := range f.ByYear {
		if byYear[y] != n {
			t.Errorf("year %d: facts %d, reports %d", y, n, byYear[y])
		}
	}
	for _, th := range f.Themes {
		for y, n := range th.DocsByYear {
			if themeDocs[th.ID][y] != n {
				t.Errorf("theme %s %d: facts %d, reports %d", th.ID, y, n, themeDocs[th.ID][y])
			}
		}
	}
	for k, n := range f.ByType {
		if byType[k] != n {
			t.Errorf("type %s: %d vs %d", k, n, byType[k])
		}
	}
	for k, n := range f.ByOrg {
		if byOrg[k] != n {
			t.Errorf("org %s: %d vs %d", k, n, byOrg[k])
		}
	}
}

// The facts promise shifts and recurrences that the demo reports.
func TestFactsShowTrends(t *testing.T) {
	f := Facts()
	shapes := map[string]string{}
	for _, th := range f.Themes {
		shapes[th.Trend] += th.ID + " "
	}
	for _, s := range []string{"rising", "gone", "new", "peaked", "steady"} {
		if shapes[s] == "" {
			t.Errorf("no %s theme: %v", s, shapes)
		}
	}
	terms := map[string]map[int]int{}
	for _, tf := range f.Terms {
		terms[tf.Term] = tf.DocsByYear
	}
	if terms["二十大"][2021] != 0 || terms["二十大"][2023] == 0 || terms["两学一做"][2019] == 0 || terms["两学一做"][2024] != 0 {
		t.Errorf("term shifts missing: 二十大 %v, 两学一做 %v", terms["二十大"], terms["两学一做"])
	}
	recurring := 0
	for _, fam := range f.Recurring {
		if !fam.Distractor && len(fam.Orgs) >= 3 && len(fam.Wordings) >= 3 && len(nonZero(fam.DocsByYear)) >= 3 {
			recurring++
		}
	}
	if recurring < 5 {
		t.Errorf("only %d families recur across orgs, wordings and years", recurring)
	}
}

func nonZero(m map[int]int) []int {
	var out []int
	for y, n := range m {
		if n > 0 {
			out = append(out, y)
		}
	}
	sort.Ints(out)
	return out
}

func TestHandlerServesEveryPage(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	f := Facts()
	gbk, noHeader := 0, 0
	for _, p := range f.Pages {
		resp, b := get(t, srv, p.Path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: %s", p.Path, resp.Status)
			continue
		}
		if ct := resp.Header.Get("Content-Type"); ct != p.ContentType {
			t.Errorf("%s: Content-Type %q, want %q", p.Path, ct, p.ContentType)
		}
		if p.Kind == "robots" {
			if !strings.Contains(string(b), "Disallow: /admin/") {
				t.Errorf("robots.txt: %s", b)
			}
			continue
		}
		sec := sectionOf(f, p.Path)
		if p.Kind == "home" || sec == nil {
			continue
		}
		text := decode(t, b)
		if sec.Charset == "gbk" {
			gbk++
			if utf8.Valid(b) {
				t.Errorf("%s: GBK page is valid UTF-8", p.Path)
			}
			if !strings.Contains(text, "您的位置") || !strings.Contains(text, sec.NameZH) {
				t.Errorf("%s: GBK page does not decode: %.300s", p.Path, text)
			}
		}
		if !sec.Header {
			noHeader++
			if strings.Contains(resp.Header.Get("Content-Type"), "charset") {
				t.Errorf("%s: charset in header", p.Path)
			}
			if !strings.Contains(text[:300], "charset=") {
				t.Errorf("%s: no meta charset", p.Path)
			}
		}
	}
	if gbk == 0 || noHeader == 0 {
		t.Errorf("gbk pages %d, pages with charset only in meta %d", gbk, noHeader)
	}
	// A directory is its index; HEAD works.
	for _, s := range f.Sections {
		resp, b := get(t, srv, s.Path)
		if resp.StatusCode != http.StatusOK || len(b) == 0 {
			t.Errorf("%s: %s", s.Path, resp.Status)
		}
	}
	resp, err := srv.Client().Head(srv.URL + "/")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("HEAD /: %v %v", resp, err)
	}
}

func TestHandlerErrors(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, p := range []string{"/nope.html", "/qydj/index_99.html", "/search?q=党建", "/admin/login.html",
		"/qydj/index.html?page=2", "/../etc/passwd", "/count.js?id=1"} {
		resp, b := get(t, srv, p)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %s", p, resp.Status)
		}
		if !strings.Contains(string(b), "404") {
			t.Errorf("%s: body %.100s", p, b)
		}
	}
	resp, err := srv.Client().Post(srv.URL+"/", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s", resp.Status)
	}
}

// Re-crawls are conditional: an unchanged page answers 304.
func TestHandlerConditional(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	r := Facts().Reports[0]
	resp, _ := get(t, srv, r.Path)
	etag := resp.Header.Get("Etag")
	if etag == "" || resp.Header.Get("Last-Modified") == "" {
		t.Fatalf("no validators: %v", resp.Header)
	}
	resp, b := get(t, srv, r.Path, "If-None-Match", etag)
	if resp.StatusCode != http.StatusNotModified || len(b) != 0 {
		t.Errorf("If-None-Match: %s, %d bytes", resp.Status, len(b))
	}
}

var hrefRE = regexp.MustCompile(`href="([^"]+)"`)

// crawl follows same-site links from the home page, as the crawler would,
// optionally only through the home and listing pages.
func crawl(t *testing.T, srv *httptest.Server, listingsOnly bool) map[string]bool {
	f := Facts()
	kind := map[string]string{}
	for _, p := range f.Pages {
		kind[p.Path] = p.Kind
	}
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		resp, b := get(t, srv, p)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("link %s: %s", p, resp.Status)
			continue
		}
		k := kind[p]
		if strings.HasSuffix(p, "/") {
			k = kind[p+"index.html"]
		}
		if listingsOnly && k == "article" {
			continue
		}
		for _, m := range hrefRE.FindAllStringSubmatch(decode(t, b), -1) {
			u, err := url.Parse(html.UnescapeString(m[1]))
			if err != nil || u.Host != "" || u.Scheme != "" || u.RawQuery != "" || !strings.HasPrefix(u.Path, "/") {
				continue
			}
			if strings.HasPrefix(u.Path, "/admin/") || strings.HasPrefix(u.Path, "/search") { // robots.txt
				continue
			}
			if !seen[u.Path] {
				seen[u.Path] = true
				queue = append(queue, u.Path)
			}
		}
	}
	return seen
}

func TestEveryArticleReachable(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()
	for _, listingsOnly := range []bool{false, true} {
		seen := crawl(t, srv, listingsOnly)
		for _, r := range Facts().Reports {
			if !seen[r.Path] {
				t.Errorf("listingsOnly=%v: %s not reachable from /", listingsOnly, r.Path)
			}
		}
		for _, s := range Facts().Sections {
			for p := 1; p < s.Pages; p++ {
				path := s.Path + "index_" + string(rune('0'+p)) + ".html"
				if !seen[path] {
					t.Errorf("listing page %s not reachable", path)
				}
			}
		}
	}
}

func FuzzHandler(f *testing.F) {
	for _, p := range []string{"/", "/qydj/", "/en/news/index_1.html", "/robots.txt", "/x?y=z", "//", "/%zz"} {
		f.Add(p)
	}
	h := Handler()
	pages := map[string]bool{}
	for _, p := range Facts().Pages {
		pages[p.Path] = true
	}
	f.Fuzz(func(t *testing.T, p string) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = p
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		full := p
		if strings.HasSuffix(full, "/") {
			full += "index.html"
		}
		if rec.Code == http.StatusOK && !pages[full] {
			t.Fatalf("%q served but is not a page", p)
		}
		if rec.Code != http.StatusOK && rec.Code != http.StatusNotFound {
			t.Fatalf("%q: status %d", p, rec.Code)
		}
		if rec.Code == http.StatusOK && rec.Body.Len() == 0 {
			t.Fatalf("%q: empty page", p)
		}
	})
}

func TestFactHelpers(t *testing.T) {
	f := Facts()
	hq, ok := f.Theme("high_quality_development")
	if !ok || hq.Trend != "rising" || hq.DocsByYear[2024] <= hq.DocsByYear[2019] {
		t.Errorf("high_quality_development: %+v", hq)
	}
	if _, ok := f.Theme("no_such_theme"); ok {
		t.Error("unknown theme found")
	}
	if got := f.ThemesWithTrend("gone"); len(got) != 1 || got[0] != "two_studies_one_action" {
		t.Errorf("gone themes %v", got)
	}
	fams := f.Families()
	if len(fams) != 8 {
		t.Fatalf("%d families", len(fams))
	}
	for i, fam := range fams {
		if fam.Distractor || i > 0 && fam.Docs > fams[i-1].Docs {
			t.Errorf("families not sorted or with distractors: %v", fams)
		}
	}
	if m := f.Term("二十大"); m == nil || m[2023] == 0 {
		t.Errorf("二十大: %v", m)
	}
	if f.Term("nope") != nil {
		t.Error("unknown term counted")
	}
}
