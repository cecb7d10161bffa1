package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"meetscan/analysis/internal/corpustest"
)

// refAppendTrimmed is appendTrimmed as it was before its ASCII and Han
// fast paths, the reference it must agree with.
func refAppendTrimmed(out []Span, p string, s, e int) []Span {
	for s < e {
		r, n := utf8.DecodeRuneInString(p[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(p[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	if e > s {
		out = append(out, Span{s, e})
	}
	return out
}

func checkTrimmed(t *testing.T, p string) {
	for s := 0; s <= len(p); s++ {
		for e := s; e <= len(p) && e <= s+12; e++ {
			got, want := appendTrimmed(nil, p, s, e), refAppendTrimmed(nil, p, s, e)
			if !slices.Equal(got, want) {
				t.Fatalf("appendTrimmed(%q, %d, %d) = %v, want %v", p, s, e, got, want)
			}
		}
	}
}

func TestAppendTrimmedLikeReference(t *testing.T) {
	for _, p := range []string{" \t会议\u3000", "\u00a0a\u0085", "\u2000x\u205f", "\xe4 \xe3\x80", "　\u1680", "\xff \xc2\xa0"} {
		checkTrimmed(t, p)
	}
	var b strings.Builder
	for r := rune(0); r < 0x3100; r++ {
		if unicode.IsSpace(r) || r < 0x80 {
			b.WriteRune(r)
			b.WriteString("中")
		}
	}
	checkTrimmed(t, b.String())
}

func FuzzAppendTrimmed(f *testing.F) {
	f.Add(" \t会议\u3000")
	f.Add("\xe4 \xe3\x80\u2029")
	f.Fuzz(func(t *testing.T, p string) {
		if len(p) > 64 {
			p = p[:64]
		}
		checkTrimmed(t, p)
	})
}

func TestLangsLikeLangAndArticleLang(t *testing.T) {
	arts := corpustest.Articles(t, "..")
	arts = append(arts, nil, []string{""}, []string{"abc", "中文"}, []string{strings.Repeat("word ", 60), strings.Repeat("会议", 30)})
	for _, paras := range arts {
		for from := 0; from <= 2; from++ {
			var want []string
			if from < len(paras) {
				for _, p := range paras[from:] {
					want = append(want, Lang(Simplify(p)))
				}
			}
			langs, article := Langs(paras, from)
			if !slices.Equal(langs, want) || article != ArticleLang(paras) {
				t.Fatalf("Langs(%q, %d) = %q, %q; want %q, %q", paras, from, langs, article, want, ArticleLang(paras))
			}
		}
	}
}

// refSplit is Split as it was before splitLeads, decoding every rune.
func refSplit(s string, sp Span, seps string) []Span {
	var out []Span
	start := sp.Start
	for i := sp.Start; i < sp.End; {
		r, n := utf8.DecodeRuneInString(s[i:sp.End])
		i += n
		if strings.ContainsRune(seps, r) {
			out = refAppendTrimmed(out, s[:sp.End], start, i)
			start = i
		}
	}
	return refAppendTrimmed(out, s[:sp.End], start, sp.End)
}

func FuzzSplitLikeReference(f *testing.F) {
	f.Add("要加强学习；要严格管理; 要落实，责任。", "，；;")
	f.Add("a\xef\xbc\x9b\xef；b", "；")
	f.Add("a\xffb", "\xff")
	f.Add("a\uFFFDb；c", "\uFFFD；")
	f.Add("x，y", "，,；;。")
	f.Fuzz(func(t *testing.T, s, seps string) {
		for _, sp := range []Span{{0, len(s)}, {len(s) / 3, len(s) - len(s)/4}} {
			if got, want := Split(s, sp, seps), refSplit(s, sp, seps); !slices.Equal(got, want) {
				t.Fatalf("Split(%q, %v, %q) = %v, want %v", s, sp, seps, got, want)
			}
		}
	})
}
