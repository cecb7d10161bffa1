package people

import (
	"strings"
	"testing"
)

// BenchmarkCapWords runs capWords over the paragraphs english sees.
func BenchmarkCapWords(b *testing.B) {
	folded, _ := benchDocs(b)
	var ps paraScan
	var paras []string
	n := 0
	for _, d := range folded {
		for _, p := range d {
			ps.scan(p)
			if ps.upper >= 2 {
				paras = append(paras, p)
				n += len(p)
			}
		}
	}
	b.SetBytes(int64(n))
	var out [][2]int
	for b.Loop() {
		for _, p := range paras {
			out = capWords(p, out[:0])
		}
	}
}

func FuzzIsGivenNameLikeToLower(f *testing.F) {
	for _, s := range []string{"Qiujue", "Xi-Jin", "Ab-", "\u212aai", "Liu", "AbcdefghijklmN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isGivenName(w), refIsGivenName(w); got != want {
			t.Fatalf("isGivenName(%q) = %v, want %v", w, got, want)
		}
	})
}

// refIsGivenName is isGivenName as it was before its allocation-free
// lower-casing, the reference it must agree with.
func refIsGivenName(w string) bool {
	if len(w) < 2 || len(w) > 14 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	l := strings.ToLower(strings.ReplaceAll(w, "-", ""))
	for i := 0; i < len(l); i++ {
		if l[i] < 'a' || l[i] > 'z' {
			return false
		}
	}
	if commonEnglish[l] {
		return false
	}
	return isPinyin(l)
}
