package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"meetscan/data"
)

// benchArticles returns the dev corpus (if present, as real text) plus
// the fixtures.
func benchArticles(b *testing.B) []*data.Article {
	var arts []*data.Article
	dirs := []string{filepath.Join("..", "..", "shared", "corpus", "dev"), "testdata"}
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			arts = append(arts, &data.Article{Body: string(body)})
		}
	}
	return arts
}

// BenchmarkAnalyze compares full analysis with raw gse segmentation of
// the same paragraphs (seg.Segment, gse's fastest mode, which the analysis
// and the theme matcher use) in the same run: compare the MB/s of the
// sub-benchmarks.
func BenchmarkAnalyze(b *testing.B) {
	a := analyzer(b)
	arts := benchArticles(b)
	size := 0
	for _, art := range arts {
		size += len(art.Body)
	}
	b.Run("segment", func(b *testing.B) {
		b.SetBytes(int64(size))
		for i := 0; i < b.N; i++ {
			for _, art := range arts {
				for _, p := range strings.Split(art.Body, "\n") {
					a.seg.Segment([]byte(p))
				}
			}
		}
	})
	b.Run("analyze", func(b *testing.B) {
		b.SetBytes(int64(size))
		for i := 0; i < b.N; i++ {
			for _, art := range arts {
				a.Analyze(art)
			}
		}
	})
	b.Run("analyze-parallel", func(b *testing.B) {
		b.SetBytes(int64(size))
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				for _, art := range arts {
					a.Analyze(art)
				}
			}
		})
	})
}

// BenchmarkSpeedRatio interleaves one raw-segmentation pass and one
// analysis pass over the same articles in every iteration, so machine
// noise hits both alike, and reports analysis speed as a fraction of raw
// segmentation speed ("speed-ratio"; the aim is >= 0.5).
func BenchmarkSpeedRatio(b *testing.B) {
	a := analyzer(b)
	arts := benchArticles(b)
	var seg, an time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		for _, art := range arts {
			for _, p := range strings.Split(art.Body, "\n") {
				a.seg.Segment([]byte(p))
			}
		}
		t1 := time.Now()
		for _, art := range arts {
			a.Analyze(art)
		}
		seg += t1.Sub(t0)
		an += time.Since(t1)
	}
	b.ReportMetric(float64(seg)/float64(an), "speed-ratio")
}
