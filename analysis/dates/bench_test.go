package dates

import (
	"testing"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/text"
)

// benchDoc is one article as the analysis hands it over: folded
// paragraphs, the title guess and the body without metadata lines.
type benchDoc struct {
	title       string
	paras, body []string
}

func benchDocs(b *testing.B) []benchDoc {
	var docs []benchDoc
	for _, paras := range corpustest.Articles(b, "..") {
		d := benchDoc{title: text.Simplify(paras[0])}
		for _, p := range paras {
			d.paras = append(d.paras, text.Simplify(p))
		}
		for _, p := range d.paras[1:] {
			if !IsMetaLine(p) {
				d.body = append(d.body, p)
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkDates runs the package's entry points as one analysis does.
func BenchmarkDates(b *testing.B) {
	docs := benchDocs(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, p := range d.paras {
				IsMetaLine(p)
			}
			Published(d.paras)
			Meeting(d.body)
			for _, p := range d.body {
				Years(p)
			}
			PeriodYear(d.title, d.body)
		}
	}
}
