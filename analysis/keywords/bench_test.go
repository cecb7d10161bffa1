package keywords

import (
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/segment"
	"meetscan/analysis/text"
	"meetscan/data/gen"
)

// BenchmarkArticle runs the package the way the analysis does: one
// counter per article fed each paragraph's gse cut, the slogans of each
// paragraph, then the top 10 keywords.
func BenchmarkArticle(b *testing.B) {
	seg, err := segment.Default()
	if err != nil {
		b.Fatal(err)
	}
	idf := Default()
	arts := corpustest.Articles(b, "..")
	folded := make([][]string, len(arts))
	cuts := make([][][]int, len(arts))
	size := int64(0)
	for a, paras := range arts {
		for _, p := range paras {
			f := text.Simplify(p)
			var ends []int
			for _, sg := range seg.Segment([]byte(f)) {
				ends = append(ends, sg.End())
			}
			folded[a] = append(folded[a], f)
			cuts[a] = append(cuts[a], ends)
			size += int64(len(p))
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := gen.CPUTime()
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for a, paras := range arts {
			c := NewCounter(seg.IsStop)
			for k, p := range paras {
				c.TokenizeCut(folded[a][k], cuts[a][k])
				Slogans(p)
			}
			c.Top(idf, 10)
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
