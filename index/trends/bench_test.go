package trends

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"meetscan/analysis/taxonomy"
	"meetscan/data/gen"
	"meetscan/index"
)

// benchIndex opens (building it when needed) an index of n generated
// articles with planted analyses, in MEETSCAN_TRENDS_INDEX when set (kept
// and reused) or in a temp dir.
func benchIndex(b *testing.B, n int) *index.Index {
	b.Helper()
	dict, err := dictOnce()
	if err != nil {
		b.Fatal(err)
	}
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	dir := os.Getenv("MEETSCAN_TRENDS_INDEX")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "index")
	}
	cfg := index.Config{UserDict: dict, Taxonomy: tax, AnalyzerVersion: "trends-bench", IgnoreVersion: true}
	ix, err := index.Open(dir, cfg)
	if err != nil {
		b.Fatal(err)
	}
	if c, _ := ix.Count(); c == n {
		return ix
	}
	start := time.Now()
	src := func(ctx context.Context, yield func(index.Doc) error) error {
		var err error
		plantedDocs(b, gen.Default(n, 1), func(d index.Doc) error {
			if err == nil {
				err = yield(d)
			}
			return err
		})
		return err
	}
	if err := ix.Rebuild(context.Background(), src, nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("built index of %d docs in %v", n, time.Since(start).Round(time.Second))
	return ix
}

// BenchmarkTrends100k measures `trends` on 100,000 generated articles
// (MEETSCAN_BENCH_DOCS overrides): themes × years (one year facet + one
// theme facet per year), terms × years (keyword facet per year) and
// attention over time for three queries. Facet caches of the index are
// not involved: every iteration asks bleve again.
func BenchmarkTrends100k(b *testing.B) {
	n := gen.DocsFromEnv(100000)
	ix := benchIndex(b, n)
	defer ix.Close()
	tax, _ := taxonomy.Default()
	themes := TaxonomyThemes(tax)
	stop := TermStopWords(tax)
	ctx := context.Background()
	cases := []struct {
		name string
		run  func() error
	}{
		{"themes", func() error { _, err := Themes(ctx, ix, Filter{}, themes, Options{}); return err }},
		{"themes-org-filter", func() error {
			_, err := Themes(ctx, ix, Filter{From: 2020, To: 2023, Type: "review"}, themes, Options{})
			return err
		}},
		{"terms", func() error { _, err := Terms(ctx, ix, Filter{}, TermOptions{Stop: stop}); return err }},
		{"attention-3-queries", func() error {
			_, err := AttentionOver(ctx, ix, []string{"高质量发展", "智慧党建", "party building"}, Filter{})
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if err := c.run(); err != nil { // warm up: open segments, load doc values
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(gen.PeakRSSMiB(), "peak-RSS-MiB")
		})
	}
}
