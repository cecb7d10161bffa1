package analysis

import (
	"strings"
	"testing"
	"time"

	"meetscan/analysis/internal/corpustest"
	"meetscan/data"
	"meetscan/data/gen"
)

// benchArticles returns the dev corpus (if present, as real text) plus
// the fixtures.
func benchArticles(b *testing.B) []*data.Article {
	var arts []*data.Article
	for _, body := range corpustest.Texts(b, ".") {
		arts = append(arts, &data.Article{Body: body})
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
// segmentation speed (the aim is >= 0.5): "speed-ratio" by wall time, and
// "cpu-speed-ratio" by process CPU time (garbage collection included),
// which a loaded machine distorts far less.
func BenchmarkSpeedRatio(b *testing.B) {
	a := analyzer(b)
	arts := benchArticles(b)
	var seg, an, segCPU, anCPU time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0, c0 := time.Now(), gen.CPUTime()
		for _, art := range arts {
			for _, p := range strings.Split(art.Body, "\n") {
				a.seg.Segment([]byte(p))
			}
		}
		t1, c1 := time.Now(), gen.CPUTime()
		for _, art := range arts {
			a.Analyze(art)
		}
		seg += t1.Sub(t0)
		an += time.Since(t1)
		segCPU += c1 - c0
		anCPU += gen.CPUTime() - c1
	}
	b.ReportMetric(float64(seg)/float64(an), "speed-ratio")
	if anCPU > 0 {
		b.ReportMetric(float64(segCPU)/float64(anCPU), "cpu-speed-ratio")
	}
}
