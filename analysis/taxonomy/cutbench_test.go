package taxonomy

import (
	"strings"
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/data/gen"
)

// BenchmarkMatchCutCorpus is MatchCut as the analysis calls it: once per
// paragraph with the paragraph's gse cut, and once per clause (here: the
// part after the first comma) of each paragraph that has themes. "span"
// matches the clause with MatchCutSpan, as the analysis does; "shifted"
// with MatchCut over a shifted copy of the token ends, as it did before.
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
	clause := map[string]func(p string, ends []int, c int){
		"span":    func(p string, ends []int, c int) { m.MatchCutSpan(p, ends, c, len(p)) },
		"shifted": func(p string, ends []int, c int) { m.MatchCut(p[c:], shift(ends, c)) },
	}
	for _, name := range []string{"span", "shifted"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := gen.CPUTime()
			for i := 0; i < b.N; i++ {
				for k, p := range paras {
					if len(m.MatchCut(p, cuts[k])) == 0 {
						continue
					}
					if c := strings.Index(p, "，"); c > 0 {
						clause[name](p, cuts[k], c)
					}
				}
			}
			b.ReportMetric(float64(gen.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}
