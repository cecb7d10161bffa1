package reqs

import (
	"meetscan/analysis/internal/corpustest"
	"slices"
	"strings"
	"testing"
)

func modalRegexp(s string) int {
	if m := enModal.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

// enDirective must find what enModal finds, on every corpus sentence
// and on edge cases.
func TestEnDirectiveLikeEnModal(t *testing.T) {
	cases := []string{
		"", "We should", "this is required to", "It is necessary to", "MUST", "amust be", "_must", "the required party members to",
		"Asked all members to", "calls on", "hoped", "it is hoped", "we will continue to", "We Will Further", "ſhould do", "\u212a", "thesis are required to",
		"Is Required To", "urged", "encouraged all the cadres to", "needs to", "ought to", "He hopes that", "1must", "中文must",
	}
	for _, p := range corpustest.Lines(t, "..") {
		cases = append(cases, p)
		for _, s := range strings.Split(p, ". ") {
			cases = append(cases, s)
		}
	}
	for _, s := range cases {
		if got, want := enDirective(s), modalRegexp(s); got != want {
			t.Errorf("enDirective(%q) = %d, enModal %d", s, got, want)
		}
	}
}

func FuzzEnDirective(f *testing.F) {
	f.Add("The secretary asked all party members to study")
	f.Add("It is hoped that we will continue to")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := enDirective(s), modalRegexp(s); got != want {
			t.Errorf("enDirective(%q) = %d, enModal %d", s, got, want)
		}
	})
}

// enOrdIndex must find what enOrd finds.
func TestEnOrdIndexLikeEnOrd(t *testing.T) {
	cases := append(corpustest.Lines(t, ".."), "", "First, we", "firstly:", "First of all，", "xfirst, no", "_second,", "Secondly ,", "ſecond,", "thirds,", "FINALLY:", "Finally the", "1first,")
	for _, s := range cases {
		if got, want := enOrdIndex(s), enOrd.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("enOrdIndex(%q) = %v, enOrd %v", s, got, want)
		}
	}
}

func FuzzEnOrdIndex(f *testing.F) {
	f.Add("First, study. Second, act. Finally: report")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := enOrdIndex(s), enOrd.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("enOrdIndex(%q) = %v, enOrd %v", s, got, want)
		}
	})
}
