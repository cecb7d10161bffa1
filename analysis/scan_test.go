package analysis

import (
	"meetscan/analysis/internal/corpustest"
	"testing"
)

func presideRegexp(s string) int {
	if loc := presideRe.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// presideIndex must find what presideRe finds, on the corpus lines and
// fixtures and on edge cases.
func TestPresideIndexLikePresideRe(t *testing.T) {
	cases := []string{"", "李友生主持会议", "presided over by", "PRESIDENT", "Chaired by Wang", "chairedthe", "chaired  by", "CHAIR THE", "chai", "\xe4主持", "preſided", "主", "meeting was chaired the"}
	cases = append(cases, corpustest.Lines(t, ".")...)
	for _, s := range cases {
		if got, want := presideIndex(s), presideRegexp(s); got != want {
			t.Errorf("presideIndex(%q) = %d, presideRe %d", s, got, want)
		}
	}
}

func FuzzPresideIndex(f *testing.F) {
	f.Add("The meeting was chaired by Secretary Liu")
	f.Add("党委书记李友生主持会议")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := presideIndex(s), presideRegexp(s); got != want {
			t.Errorf("presideIndex(%q) = %d, presideRe %d", s, got, want)
		}
	})
}
