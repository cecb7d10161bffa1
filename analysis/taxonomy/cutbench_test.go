package taxonomy

import (
	"meetscan/analysis/internal/corpustest"
	"meetscan/data/gen"
	"strings"
	"testing"
)

// BenchmarkMatchCutCorpus is MatchCut as the analysis calls it: once per
// paragraph and once per clause (here: the part after the first comma) of
// each paragraph that has themes, with the paragraph's gse cut.
func BenchmarkMatchCutCorpus(b *testing.B) {
	m := testMatcher(b)
	seg := testSeg(b)
	paras := corpustest.Paragraphs(b, "..")
	cuts := make([][]int, len(paras))
	for i, p := range paras {
		paras[i] = FoldTraditional(p)
		for _, sg := range seg.Segment([]byte(paras[i])) {
			cuts[i] = append(cuts[i], sg.End())
		}
	}
	shift := func(ends []int, start int) []int {
		var out []int
		for _, e := range ends {
			if e > start {
				out = append(out, e-start)
			}
		}
		return out
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := gen.CPUTime()
	for i := 0; i < b.N; i++ {
		for k, p := range paras {
			if len(m.MatchCut(p, cuts[k])) == 0 {
				continue
			}
			if c := strings.Index(p, "，"); c > 0 {
				m.MatchCut(p[c:], shift(cuts[k], c))
			}
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// BenchmarkMatchCutSpanCorpus is BenchmarkMatchCutCorpus with
// MatchCutSpan for the clause (no shifted copy of the ends).
func BenchmarkMatchCutSpanCorpus(b *testing.B) {
	m := testMatcher(b)
	seg := testSeg(b)
	paras := corpustest.Paragraphs(b, "..")
	cuts := make([][]int, len(paras))
	for i, p := range paras {
		paras[i] = FoldTraditional(p)
		for _, sg := range seg.Segment([]byte(paras[i])) {
			cuts[i] = append(cuts[i], sg.End())
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := gen.CPUTime()
	for i := 0; i < b.N; i++ {
		for k, p := range paras {
			if len(m.MatchCut(p, cuts[k])) == 0 {
				continue
			}
			if c := strings.Index(p, "，"); c > 0 {
				m.MatchCutSpan(p, cuts[k], c, len(p))
			}
		}
	}
	b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}
