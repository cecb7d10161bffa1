package extract_test

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"

	"meetscan/crawler/extract"
	"meetscan/crawler/fixture"
	"meetscan/data/gen"
)

// benchPage builds a ~50 KB article page: a fixture article with a long
// body, plus the sidebar, inline script and link lists real CMS pages carry.
func benchPage(tb testing.TB) ([]byte, string, fixture.Article) {
	site := fixture.New(fixture.Options{Paras: 100})
	a := site.ZHArticle(4) // UTF-8
	body, ct := get(tb, site, a.Path)
	var pad strings.Builder
	pad.WriteString(`<div class="sidebar"><h3>热点新闻</h3><ul>`)
	for i := range 120 {
		fmt.Fprintf(&pad, `<li><a href="/xwdt/2023/t2023010%d_%d.html">第%d条热点新闻标题示例文字</a></li>`, i%9, i, i)
	}
	pad.WriteString(`</ul></div><script>`)
	pad.WriteString(strings.Repeat("var a=1;function f(x){return x+1};", 300))
	pad.WriteString(`</script>`)
	page := bytes.Replace(body, []byte("</body>"), []byte(pad.String()+"</body>"), 1)
	return page, ct, a
}

func TestBenchPageExtracts(t *testing.T) {
	page, ct, a := benchPage(t)
	if len(page) < 45000 || len(page) > 60000 {
		t.Fatalf("bench page is %d bytes, want ~50 KB", len(page))
	}
	p := extract.Analyze(page, "http://site.test"+a.Path, extract.Options{ContentType: ct})
	if !p.IsArticle || p.Article.Title != a.Title || p.Article.Body != strings.Join(a.Paras, "\n") {
		t.Fatalf("bench page not extracted correctly: %s", p.Reason)
	}
}

func BenchmarkExtract(b *testing.B) {
	page, ct, a := benchPage(b)
	u := "http://site.test" + a.Path
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	cpu0 := gen.CPUTime()
	for b.Loop() {
		extract.Analyze(page, u, extract.Options{ContentType: ct})
	}
	reportPages(b, cpu0)
}

// BenchmarkTrafilatura runs go-trafilatura on the same page, for the
// decision recorded in docs/crawler.md.
func BenchmarkTrafilatura(b *testing.B) {
	page, _, a := benchPage(b)
	u, _ := url.Parse("http://site.test" + a.Path)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	cpu0 := gen.CPUTime()
	for b.Loop() {
		if _, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{OriginalURL: u}); err != nil {
			b.Fatal(err)
		}
	}
	reportPages(b, cpu0)
}

func reportPages(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	if cpu := gen.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "pages/cpu-s")
	}
}
