//go:build unix

package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"meetscan/data/gen"
	"meetscan/index"
)

// benchQueries is the search-page mix: short and long Chinese queries,
// English words and phrases, facet filters, date sort and a second page.
var benchQueries = []url.Values{
	{"q": {"党建"}},
	{"q": {"高质量发展"}},
	{"q": {"述职"}},
	{"q": {"全面从严治党"}},
	{"q": {"二十大精神"}, "sort": {"date"}},
	{"q": {"科技创新"}, "year": {"2023"}},
	{"q": {"主题教育"}, "type": {"study"}},
	{"q": {"development"}},
	{"q": {`"high-quality development"`}},
	{"q": {"branch secretary"}, "page": {"2"}},
	{"q": {"疫情防控"}, "from": {"2020"}, "to": {"2022"}},
	{"q": {""}, "theme": {"digital_party_building"}},
}

// buildBenchIndex opens (or builds) an index of n generated articles at
// $MEETSCAN_WEB_BENCH_INDEX, reused when it already holds n articles, or in
// a temp dir. Analyses come from the generator's planted facts.
func buildBenchIndex(b *testing.B, n int) *index.Index {
	dir := os.Getenv("MEETSCAN_WEB_BENCH_INDEX")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "index")
	}
	_, tax := taxonomyThemes(b)
	// IgnoreVersion: an index left by an older tokenizer or taxonomy is
	// rebuilt in place rather than refused.
	ix, err := index.Open(dir, index.Config{AnalyzerVersion: "web-bench", Taxonomy: tax, IgnoreVersion: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if c, _ := ix.Count(); c == n && !ix.Stale() {
		b.Logf("reusing the index of %d articles in %s", n, dir)
		return ix
	}
	start := time.Now()
	src := func(ctx context.Context, yield func(index.Doc) error) error {
		_, err := gen.GenerateDocs(gen.Default(n, 7), func(d *gen.Doc) error {
			d.Article.Normalize()
			return yield(index.Doc{Article: d.Article, Analysis: analysisOf(d, tax)})
		})
		return err
	}
	if err := ix.Rebuild(context.Background(), src, nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("built an index of %d generated articles in %v", n, time.Since(start).Round(time.Second))
	return ix
}

// BenchmarkSearchPage100k measures the search page (query, facets,
// snippets, template) at 100,000 articles with 20 concurrent clients over
// loopback HTTP, with the server's default search slots (two per CPU) and
// unbounded, and in the same run the index search alone, one request at a
// time, as the baseline the page's latency is compared with.
// MEETSCAN_BENCH_DOCS changes the corpus size.
func BenchmarkSearchPage100k(b *testing.B) {
	n := 100000
	if s := os.Getenv("MEETSCAN_BENCH_DOCS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	ix := buildBenchIndex(b, n)
	themes, _ := taxonomyThemes(b)
	for _, bc := range []struct {
		name  string
		slots int
	}{{"slots=default", 0}, {"slots=unbounded", -1}} {
		b.Run(bc.name, func(b *testing.B) {
			s, err := New(Config{Search: IndexSearcher{Index: ix}, Themes: themes, MaxSearches: bc.slots})
			if err != nil {
				b.Fatal(err)
			}
			benchSearchPage(b, s)
		})
	}
}

func benchSearchPage(b *testing.B, s *Server) {
	const clients, perClient = 20, 30
	ts := httptest.NewServer(s)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}, Timeout: time.Minute}
	defer client.CloseIdleConnections()

	fetch := func(v url.Values) time.Duration {
		start := time.Now()
		resp, err := client.Get(ts.URL + "/?" + v.Encode())
		if err != nil {
			b.Error(err)
			return 0
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Errorf("GET %v: %d", v, resp.StatusCode)
		}
		return time.Since(start)
	}
	// Baseline: the same searches through the adapter, no HTTP, no page.
	direct := func() []time.Duration {
		var ds []time.Duration
		for _, v := range benchQueries {
			p := params{v: v}
			req := p.searchRequest()
			start := time.Now()
			if _, err := s.cfg.Search.Search(context.Background(), req); err != nil {
				b.Fatal(err)
			}
			ds = append(ds, time.Since(start))
		}
		return ds
	}
	for _, v := range benchQueries { // warm up caches and connections
		fetch(v)
	}
	direct()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var mu sync.Mutex
		var lat []time.Duration
		var wg sync.WaitGroup
		cpu0 := gen.CPUTime()
		start := time.Now()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				for k := 0; k < perClient; k++ {
					d := fetch(benchQueries[(c+k)%len(benchQueries)])
					mu.Lock()
					lat = append(lat, d)
					mu.Unlock()
				}
			}(c)
		}
		wg.Wait()
		wall, cpu := time.Since(start), gen.CPUTime()-cpu0
		b.StopTimer()
		var base []time.Duration
		for range 3 {
			base = append(base, direct()...)
		}
		b.StartTimer()
		slices.Sort(lat)
		slices.Sort(base)
		p50, p99 := pct(lat, 50), pct(lat, 99)
		b.ReportMetric(ms(p50), "p50-ms")
		b.ReportMetric(ms(p99), "p99-ms")
		b.ReportMetric(float64(len(lat))/wall.Seconds(), "req/s")
		// Process CPU (server and client) per request: what the machine
		// must give, whatever else runs on it.
		b.ReportMetric(ms(cpu)/float64(len(lat)), "cpu-ms/req")
		b.ReportMetric(ms(pct(base, 50)), "index-alone-p50-ms")
		b.ReportMetric(ms(pct(base, 99)), "index-alone-p99-ms")
	}
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
