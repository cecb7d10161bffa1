package taxonomy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// benchParagraphs returns the paragraphs of the dev corpus in one language
// ("zh": with Chinese characters, "en": without), or a built-in sample when
// the corpus is absent.
func benchParagraphs(b *testing.B, lang string) []string {
	var paras []string
	if dir := findCorpus(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, p := range strings.Split(string(data), "\n") {
				if p = strings.TrimSpace(p); p == "" {
					continue
				}
				if hasHan(p) == (lang == "zh") {
					paras = append(paras, p)
				}
			}
		}
	}
	if len(paras) == 0 {
		if lang == "zh" {
			paras = []string{"会议强调，要坚持以习近平新时代中国特色社会主义思想为指导，全面落实从严治党主体责任，落实一岗双责，以高质量党建引领高质量发展，发挥基层党组织战斗堡垒作用和党员先锋模范作用。"}
		} else {
			paras = []string{"It is necessary to implement comprehensive and strict party governance, fulfil the main responsibility, one post, two responsibilities, and promote high-quality development with high-quality party building."}
		}
	}
	return paras
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// findCorpus is corpusDir without skipping (benchmarks fall back to a
// sample).
func findCorpus() string {
	dir, _ := locateCorpus()
	return dir
}

func totalBytes(paras []string) int64 {
	var n int64
	for _, p := range paras {
		n += int64(len(p))
	}
	return n
}

// BenchmarkMatch compares Match with the raw gse segmentation it needs
// (Cut, the string API, and Segment, the fastest API, on the same text):
// go test ./analysis/taxonomy -run XXX -bench . -benchmem
func BenchmarkMatch(b *testing.B) {
	m := testMatcher(b)
	seg := testSeg(b)
	for _, lang := range []string{"zh", "en"} {
		paras := benchParagraphs(b, lang)
		size := totalBytes(paras)
		b.Run(lang+"/Match", func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				for _, p := range paras {
					m.Match(p)
				}
			}
		})
		b.Run(lang+"/gseCut", func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				for _, p := range paras {
					seg.Cut(p)
				}
			}
		})
		b.Run(lang+"/gseSegment", func(b *testing.B) {
			b.SetBytes(size)
			for i := 0; i < b.N; i++ {
				for _, p := range paras {
					seg.Segment([]byte(p))
				}
			}
		})
	}
}

// BenchmarkNewMatcher measures compiling the embedded taxonomy.
func BenchmarkNewMatcher(b *testing.B) {
	seg := testSeg(b)
	tax := embeddedTax(b)
	for i := 0; i < b.N; i++ {
		NewMatcher(tax, seg)
	}
}

// BenchmarkMatchVsCut interleaves Match and gse Cut on the same paragraphs
// in every iteration, so that the load of a shared machine hits both alike,
// and reports their ratio (match/cut below 1 means Match, segmentation
// included, is cheaper than the plain Cut).
func BenchmarkMatchVsCut(b *testing.B) {
	m := testMatcher(b)
	seg := testSeg(b)
	for _, lang := range []string{"zh", "en"} {
		paras := benchParagraphs(b, lang)
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(totalBytes(paras))
			var match, cut time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				for _, p := range paras {
					m.Match(p)
				}
				t1 := time.Now()
				for _, p := range paras {
					seg.Cut(p)
				}
				match += t1.Sub(t0)
				cut += time.Since(t1)
			}
			b.ReportMetric(float64(match.Nanoseconds())/float64(b.N), "match-ns/op")
			b.ReportMetric(float64(cut.Nanoseconds())/float64(b.N), "cut-ns/op")
			b.ReportMetric(float64(match)/float64(cut), "match/cut")
		})
	}
}
