package text

import (
	"meetscan/analysis/internal/corpustest"
	"meetscan/data/gen"
	"testing"
)

// BenchmarkParagraphs runs the per-paragraph primitives the analysis
// calls on every paragraph: Simplify, Lang, Counts, Sentences and Split.
func BenchmarkParagraphs(b *testing.B) {
	paras := corpustest.Paragraphs(b, "..")
	size := int64(0)
	for _, p := range paras {
		size += int64(len(p))
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := gen.CPUTime()
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		for _, p := range paras {
			f := Simplify(p)
			Lang(f)
			Counts(p)
			for _, sp := range Sentences(f) {
				Split(f, sp, "，；")
			}
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
