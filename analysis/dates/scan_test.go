package dates

import (
	"meetscan/analysis/internal/corpustest"
	"slices"
	"testing"
)

// yearIndex must find what yearRe finds.
func TestYearIndexLikeYearRe(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "2019", "201", "19201", "192019", "2020年度", "20202021", "1999-2000", "x1900y", "２０２０", "\xff2001")
	for _, s := range cases {
		if got, want := yearIndex(s), yearRe.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("yearIndex(%q) = %v, yearRe %v", s, got, want)
		}
	}
}

func FuzzYearIndex(f *testing.F) {
	f.Add("2019年至2020年")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := yearIndex(s), yearRe.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("yearIndex(%q) = %v, yearRe %v", s, got, want)
		}
	})
}

// mdCandidate gates enMD: it must hold wherever enMD matches.
func TestMDCandidateGate(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "December 28", "Dec. 28, 2021", "February, 1, 2021", "Sept 3", "Sep.,\t4th", "xMay 1", "_Jan 2", "Mayday 3", "May\n1", "Jun", "in May", "2 Mar 2020")
	for _, s := range cases {
		if enMD.MatchString(s) && !mdCandidate(s) {
			t.Errorf("enMD matches %q but mdCandidate is false", s)
		}
	}
	if mdCandidate("in May the committee") || mdCandidate("xMay 1") {
		t.Error("mdCandidate true without a day after the month")
	}
}

func FuzzMDCandidate(f *testing.F) {
	f.Add("On December 28, 2021, the branch")
	f.Fuzz(func(t *testing.T, s string) {
		if enMD.MatchString(s) && !mdCandidate(s) {
			t.Errorf("enMD matches %q but mdCandidate is false", s)
		}
	})
}
