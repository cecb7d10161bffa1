package reqs

import (
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/text"
	"meetscan/data/gen"
)

func benchDocs(b *testing.B) [][]string {
	docs := corpustest.Articles(b, "..")
	for _, paras := range docs {
		for i, p := range paras {
			paras[i] = text.Simplify(p)
		}
	}
	return docs
}

func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b)
	size := 0
	for _, d := range docs {
		for _, p := range d {
			size += len(p)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	cpu0 := gen.CPUTime()
	for b.Loop() {
		for _, d := range docs {
			Extract(d, nil)
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
