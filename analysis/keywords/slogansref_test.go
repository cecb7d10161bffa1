package keywords

// The slogan scan as it was before the byte pre-checks: the reference
// the faster one must agree with. (zhQuotes and enQuotes are held to their
// regexps by their own tests.)

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"meetscan/analysis/internal/corpustest"
	"meetscan/analysis/text"
)

// Slogans returns the quoted phrases of a paragraph (“一岗双责”, "three
// foundations construction"): short, no sentence punctuation. Quotation
// marks around whole sentences or document names are not slogans.
func refSlogans(p string) []string {
	var out []string
	if !strings.ContainsAny(p, "“「『\"") {
		return nil
	}
	han, latin := text.Counts(p)
	if han > 0 {
		for _, q := range zhQuotes(p) {
			s := strings.TrimSpace(q)
			if h, _ := text.Counts(s); h >= 2 && utf8.RuneCountInString(s) <= 24 {
				out = append(out, s)
			}
		}
	}
	if latin > 0 {
		for _, q := range enQuotes(p) {
			s := strings.TrimSpace(strings.Trim(q, ",.;:"))
			if h, _ := text.Counts(s); h > 0 {
				continue // Chinese quotes are handled above
			}
			if n := len(strings.Fields(s)); n >= 1 && n <= 8 && !strings.ContainsAny(s, ".;:!?") {
				out = append(out, s)
			}
		}
	}
	return out
}

func FuzzSlogansLikeReference(f *testing.F) {
	for _, s := range []string{"认真落实“一岗双责”，提高“三会一课”质量。", `the "three foundations construction" and “one post”`, "「三严三实」『两学一做』", "\xe2\x80“党建品牌”\xe3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := Slogans(p), refSlogans(p); !slices.Equal(got, want) {
			t.Fatalf("Slogans(%q) = %q, want %q", p, got, want)
		}
	})
}

func TestSlogansLikeReference(t *testing.T) {
	for _, paras := range corpustest.Articles(t, "..") {
		for _, p := range paras {
			if got, want := Slogans(p), refSlogans(p); !slices.Equal(got, want) {
				t.Fatalf("Slogans(%q) = %q, want %q", p, got, want)
			}
		}
	}
}
