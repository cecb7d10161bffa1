package taxonomy

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzLoad(f *testing.F) {
	f.Add("themes:\n  - id: a\n    terms_zh: [甲乙]\n    terms_en: [alpha beta]\n")
	f.Add("themes:\n  - id: a\n    mode: remove\n")
	f.Add("themes: [{id: b, terms_en: x}]")
	f.Add("- x\n")
	f.Add("themes:\n  - id: a\n    terms_en: [\xff\xfe]\n")
	f.Add("&a [*a]")
	f.Fuzz(func(t *testing.T, src string) {
		tax, err := Load(strings.NewReader(src))
		if err != nil {
			return
		}
		// A loaded taxonomy is usable: ids unique, every theme has a term,
		// and it merges and matches without panicking.
		seen := map[string]bool{}
		for _, th := range tax.Themes() {
			if seen[th.ID] || !idRE.MatchString(th.ID) {
				t.Fatalf("bad or duplicate id %q", th.ID)
			}
			seen[th.ID] = true
		}
		m := tax.Merge(tax)
		NewMatcher(m, nil).Match(src)
		m.ThemesInQuery(src)
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"要坚持全面从严治党，落实一岗双责，推动高质量发展。",
		"堅持全面從嚴治黨", "one post, two responsibilities; High-Quality Development",
		"高质量发展 (high-quality development) 十四五", "\xff\xfe党建\x00", "",
		"- +\"党建\" theme:high_quality_development",
	} {
		f.Add(s)
	}
	m := testMatcher(f)
	tax := embeddedTax(f)
	full := NewMatcher(tax, testSeg(f))
	full.noSkip = true
	f.Fuzz(func(t *testing.T, s string) {
		hits := m.Match(s)
		// Skipping runs that cannot hold a term never changes the result.
		if got, want := hitString(hits), hitString(full.Match(s)); got != want {
			t.Fatalf("Match(%q) with run filter = %s, without = %s", s, got, want)
		}
		for _, h := range hits {
			if h.Count < len(h.Terms) || len(h.Terms) == 0 {
				t.Fatalf("hit %+v: count below distinct terms", h)
			}
			if _, ok := tax.Theme(h.ID); !ok {
				t.Fatalf("unknown theme %q", h.ID)
			}
		}
		tax.ThemesInQuery(s)
		n := Normalize(s)
		if !utf8.ValidString(n) && utf8.ValidString(s) {
			t.Fatalf("Normalize(%q) = invalid UTF-8 %q", s, n)
		}
		if len(FoldTraditional(s)) != len(s) {
			t.Fatalf("FoldTraditional changed the length of %q", s)
		}
	})
}
