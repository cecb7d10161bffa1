package index

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"

	"meetscan/analysis"
	"meetscan/data"
	"meetscan/data/gen"
)

// genDocs generates n synthetic articles (meetscan/data/gen, seed 1) with
// an analysis built from the planted facts, so that indexing is measured
// without the analysis step.
func genDocs(tb testing.TB, n int) ([]Doc, int) {
	tb.Helper()
	var docs []Doc
	bytes := 0
	_, err := gen.GenerateDocs(gen.Default(n, 1), func(d *gen.Doc) error {
		if d.Article.ID == "" {
			d.Article.Normalize()
		}
		docs = append(docs, Doc{Article: d.Article, Analysis: plantedAnalysis(d)})
		bytes += len(d.Article.Title) + len(d.Article.Body)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return docs, bytes
}

func plantedAnalysis(d *gen.Doc) *data.Analysis {
	an := &data.Analysis{Lang: d.Article.Lang, MeetingDate: d.MeetingDate, PeriodYear: d.Year, MeetingType: d.Type}
	if d.Org != nil {
		an.Org = d.Org.ZH
		if d.Article.Lang == "en" {
			an.Org = d.Org.EN
		}
	}
	for _, l := range []gen.Leader{d.Presider, d.Speaker} {
		name, title := l.ZH, l.TitleZH
		if d.Article.Lang == "en" {
			name, title = l.EN, l.TitleEN
		}
		if name != "" {
			an.People = append(an.People, data.Person{Name: name, Roles: []string{title}})
		}
	}
	for _, id := range d.Themes {
		an.Themes = append(an.Themes, data.ThemeHit{ID: id, Count: 1})
		an.Keywords = append(an.Keywords, data.Keyword{Term: id, Weight: 1})
	}
	for _, it := range d.Items {
		an.Requirements = append(an.Requirements, data.Requirement{Text: it.Text})
	}
	return an
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// BenchmarkIndex measures indexing throughput without analysis (documents
// are generated beforehand) through Add (safe batches, each persisted
// before it returns) and through Rebuild (unsafe_batch, persisted once at
// the end), in the same run. MEETSCAN_BENCH_DOCS sets the corpus size
// (default 10,000).
func BenchmarkIndex(b *testing.B) {
	n := gen.DocsFromEnv(10000)
	docs, bytes := genDocs(b, n)
	ctx := context.Background()
	// Load the segmenter outside the timings.
	if _, err := segmentFor(""); err != nil {
		b.Fatal(err)
	}
	for _, mode := range []string{"cjk-baseline", "add", "rebuild"} {
		b.Run(mode, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				dir := filepath.Join(b.TempDir(), "index")
				if mode == "cjk-baseline" {
					// bleve's cjk analyzer on the same mapping, safe batches.
					m, err := newMappingWith("", cjk.AnalyzerName)
					if err != nil {
						b.Fatal(err)
					}
					start, cpu0 := time.Now(), gen.CPUTime()
					idx, err := bleve.New(dir, m)
					if err != nil {
						b.Fatal(err)
					}
					for j := 0; j < len(docs); j += 1000 {
						if err := addDocs(ctx, idx, docs[j:min(j+1000, len(docs))], nil); err != nil {
							b.Fatal(err)
						}
					}
					idx.Close()
					el, cpu := time.Since(start), gen.CPUTime()-cpu0
					b.ReportMetric(float64(len(docs))/el.Seconds(), "docs/s")
					b.ReportMetric(cpu.Seconds()*1e3/float64(len(docs)), "cpu-ms/doc")
					b.ReportMetric(float64(dirSize(dir))/1e6, "index-MB")
					continue
				}
				ix, err := Open(dir, Config{AnalyzerVersion: "bench"})
				if err != nil {
					b.Fatal(err)
				}
				start, cpu0 := time.Now(), gen.CPUTime()
				if mode == "add" {
					for j := 0; j < len(docs); j += 1000 {
						if err := ix.Add(ctx, docs[j:min(j+1000, len(docs))]); err != nil {
							b.Fatal(err)
						}
					}
				} else {
					src := func(ctx context.Context, yield func(Doc) error) error {
						for _, d := range docs {
							if err := yield(d); err != nil {
								return err
							}
						}
						return nil
					}
					if err := ix.Rebuild(ctx, src, nil); err != nil {
						b.Fatal(err)
					}
				}
				if err := ix.Close(); err != nil {
					b.Fatal(err)
				}
				el, cpu := time.Since(start), gen.CPUTime()-cpu0
				b.ReportMetric(float64(len(docs))/el.Seconds(), "docs/s")
				b.ReportMetric(cpu.Seconds()*1e3/float64(len(docs)), "cpu-ms/doc")
				b.ReportMetric(float64(bytes)/el.Seconds()/1e6, "MB/s")
				b.ReportMetric(float64(dirSize(dir))/1e6, "index-MB")
				b.ReportMetric(gen.PeakRSSMiB(), "peak-RSS-MiB")
			}
		})
	}
}

// benchQueries is the query mix of the latency benchmark: Chinese words of
// one to six characters, runs, phrases, English words and phrases, some
// with filters. Every request asks for facets and snippets, like a result
// page does.
var benchQueries = []Request{
	{Query: "述职"}, {Query: "党建"}, {Query: "党"}, {Query: "廉"}, {Query: "述职评议"},
	{Query: "高质量发展"}, {Query: "主题教育"}, {Query: "二十大"}, {Query: "十九大"},
	{Query: "疫情防控"}, {Query: "党史学习教育"}, {Query: "科技创新"}, {Query: "数字化"},
	{Query: "全面从严治党"}, {Query: "民主生活会"}, {Query: "理论学习中心组"}, {Query: "联席会"},
	{Query: "党支部书记 述职"}, {Query: `"党建品牌"`}, {Query: "基层党建 -述职"},
	{Query: "推进会", Year: 2021}, {Query: "党建", Year: 2023, Type: data.MeetingReview},
	{Query: "review meeting"}, {Query: "high-quality development"}, {Query: `"party building"`},
	{Query: "democratic life"}, {Query: "theory study"}, {Query: "innovation", Lang: "en"},
	{Query: "epidemic prevention"}, {Query: "secretary"}, {Query: "党建", Sort: SortDate},
	{Query: "述职", Offset: 20}, {}, {Year: 2022}, {Type: data.MeetingStudy},
}

func latencies(b *testing.B, ix *Index, passes int) (p50, p99 time.Duration, meanHits float64) {
	ctx := context.Background()
	var all []time.Duration
	hits := 0
	for p := 0; p < passes; p++ {
		for _, q := range benchQueries {
			q.Facets = true
			start := time.Now()
			res, err := ix.Search(ctx, q)
			if err != nil {
				b.Fatal(err)
			}
			all = append(all, time.Since(start))
			hits += res.Total
		}
	}
	slices.Sort(all)
	return all[len(all)/2], all[(len(all)*99)/100], float64(hits) / float64(len(all))
}

// BenchmarkSearch100k builds an index of MEETSCAN_BENCH_DOCS (default
// 100,000) generated articles once, in $MEETSCAN_BENCH_INDEX when set (and
// reuses it there when it already holds that many) or in a temp dir, then
// measures query latency with facets and snippets (p50/p99 over the query
// mix, 5 passes after one warm-up pass).
func BenchmarkSearch100k(b *testing.B) {
	n := gen.DocsFromEnv(100000)
	ctx := context.Background()
	dir := os.Getenv("MEETSCAN_BENCH_INDEX")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "index")
	}
	ix, err := Open(dir, Config{AnalyzerVersion: "bench", IgnoreVersion: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if c, _ := ix.Count(); c != n || ix.Stale() {
		docs, bytes := genDocs(b, n)
		src := func(ctx context.Context, yield func(Doc) error) error {
			for _, d := range docs {
				if err := yield(d); err != nil {
					return err
				}
			}
			return nil
		}
		start := time.Now()
		if err := ix.Rebuild(ctx, src, nil); err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		b.Logf("built %d docs (%.1f MB text, %.0f B/doc) in %v: %.0f docs/s, index %.1f MB, peak RSS %.0f MiB",
			n, float64(bytes)/1e6, float64(bytes)/float64(n), el.Round(time.Millisecond), float64(n)/el.Seconds(),
			float64(dirSize(dir))/1e6, gen.PeakRSSMiB())
		docs = nil
		runtime.GC()
	}
	latencies(b, ix, 1) // warm up
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p50, p99, hits := latencies(b, ix, 5)
		b.ReportMetric(float64(p50.Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(p99.Microseconds())/1000, "p99-ms")
		b.ReportMetric(hits, "mean-hits")
		b.ReportMetric(gen.PeakRSSMiB(), "peak-RSS-MiB")
	}
	b.StopTimer()
	// Per-query medians, to see which queries dominate.
	if testing.Verbose() {
		var lines []string
		for _, q := range benchQueries {
			q.Facets = true
			var ds []time.Duration
			var total int
			for p := 0; p < 3; p++ {
				start := time.Now()
				res, err := ix.Search(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				ds = append(ds, time.Since(start))
				total = res.Total
			}
			slices.Sort(ds)
			lines = append(lines, fmt.Sprintf("%-40q %6d hits %8v", describe(q), total, ds[1].Round(10*time.Microsecond)))
		}
		b.Logf("per query:\n%s", strings.Join(lines, "\n"))
	}
}

func describe(q Request) string {
	s := q.Query
	if q.Year != 0 {
		s += fmt.Sprintf(" year=%d", q.Year)
	}
	if q.Type != "" {
		s += " type=" + q.Type
	}
	if q.Lang != "" {
		s += " lang=" + q.Lang
	}
	if q.Sort != "" {
		s += " sort=" + q.Sort
	}
	if q.Offset != 0 {
		s += fmt.Sprintf(" offset=%d", q.Offset)
	}
	return s
}

var segOnce sync.Once

// segmentFor loads the shared segmenter (outside timings).
func segmentFor(dict string) (any, error) {
	var err error
	segOnce.Do(func() {
		tok, e := tokenizerConstructor(map[string]interface{}{"user_dict": dict}, nil)
		if e == nil {
			tok.Tokenize([]byte("预热"))
		}
		err = e
	})
	return nil, err
}

// BenchmarkIndexAnalyzed measures indexing with the analysis included:
// meetscan/analysis (two goroutines, as the pipeline may run it) and then
// Add, for MEETSCAN_BENCH_DOCS (default 5,000) generated articles.
func BenchmarkIndexAnalyzed(b *testing.B) {
	n := gen.DocsFromEnv(5000)
	docs, bytes := genDocs(b, n)
	an, err := analysis.New(analysis.Config{})
	if err != nil {
		b.Fatal(err)
	}
	an.Analyze(docs[0].Article) // warm up outside the timing
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "index")
		ix, err := Open(dir, Config{AnalyzerVersion: an.Version(), UserDict: an.UserDict(), Taxonomy: an.Taxonomy()})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		for j := 0; j < len(docs); j += 500 {
			batch := make([]Doc, 0, 500)
			for _, d := range docs[j:min(j+500, len(docs))] {
				batch = append(batch, Doc{Article: d.Article})
			}
			var wg sync.WaitGroup
			for w := 0; w < 2; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					for k := w; k < len(batch); k += 2 {
						batch[k].Analysis = an.Analyze(batch[k].Article)
					}
				}(w)
			}
			wg.Wait()
			if err := ix.Add(ctx, batch); err != nil {
				b.Fatal(err)
			}
		}
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		el := time.Since(start)
		b.ReportMetric(float64(len(docs))/el.Seconds(), "docs/s")
		b.ReportMetric(float64(bytes)/el.Seconds()/1e6, "MB/s")
		b.ReportMetric(gen.PeakRSSMiB(), "peak-RSS-MiB")
	}
}

// BenchmarkQuery runs one request ($MEETSCAN_BENCH_QUERY, facets on)
// against the index in $MEETSCAN_BENCH_INDEX, for profiling.
func BenchmarkQuery(b *testing.B) {
	dir := os.Getenv("MEETSCAN_BENCH_INDEX")
	if dir == "" {
		b.Skip("MEETSCAN_BENCH_INDEX not set")
	}
	ix, err := Open(dir, Config{AnalyzerVersion: "bench", IgnoreVersion: true})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if f := os.Getenv("MEETSCAN_BENCH_FACETS"); f != "" {
		old := searchFacets
		searchFacets = strings.Split(f, ",")
		defer func() { searchFacets = old }()
	}
	req := Request{Query: os.Getenv("MEETSCAN_BENCH_QUERY"), Facets: os.Getenv("MEETSCAN_BENCH_NOFACETS") == ""}
	ctx := context.Background()
	if _, err := ix.Search(ctx, req); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ix.Search(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}
