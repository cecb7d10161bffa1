package reqs

import (
	"strings"
	"testing"
)

func FuzzHasQuoteOrJiang(f *testing.F) {
	for _, s := range []string{"会议将要求", "“管业务”", "「x」", "『", "《", "\"", "\xe5\xb0", "\xe2\x80\x9c"[:2] + "要", "\xff\xe3\x80\x8a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasQuoteOrJiang(s), strings.ContainsAny(s, "“「『《\"将"); got != want {
			t.Fatalf("hasQuoteOrJiang(%q) = %v, want %v", s, got, want)
		}
	})
}
