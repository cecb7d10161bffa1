package meeting

import (
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/text"
)

func benchDocs(b *testing.B) (titles []string, bodies [][]string) {
	for _, paras := range corpustest.Articles(b, "..") {
		for i, p := range paras {
			paras[i] = text.Simplify(p)
		}
		titles = append(titles, paras[0])
		bodies = append(bodies, paras[1:])
	}
	return titles, bodies
}

// BenchmarkMeeting runs the package's entry points as one analysis does.
func BenchmarkMeeting(b *testing.B) {
	titles, bodies := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, body := range bodies {
			Type(titles[k], body)
			Attendance(body)
			Org(titles[k], body)
		}
	}
}
