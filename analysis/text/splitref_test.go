package text

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// refSentences is Sentences as it was before the byte skip: the reference
// it must agree with.
func refSentences(p string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		end := -1
		switch r {
		case '。', '！', '？', '!', '?':
			end = i + n
		case '.':
			if isSentenceDot(p, i) {
				end = i + n
			}
		}
		if end < 0 {
			i += n
			continue
		}
		end = absorbClosers(p, end)
		out = appendTrimmed(out, p, start, end)
		start, i = end, end
	}
	return appendTrimmed(out, p, start, len(p))
}

func FuzzSentencesLikeReference(f *testing.F) {
	for _, s := range []string{"会议强调，要加强学习。要狠抓落实！最后一句", "He spoke. She listened.", "a.B", "\xff\xfe。", "Co., Ltd.", "\xe3。\xef！？"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Sentences(s), refSentences(s); !slices.Equal(got, want) {
			t.Fatalf("Sentences(%q) = %v, want %v", s, got, want)
		}
	})
}

func FuzzIsSep(f *testing.F) {
	f.Add("，；", "，")
	f.Add("\xff；", "\xfe")
	f.Add("\uFFFD", "\xff")
	f.Fuzz(func(t *testing.T, seps, s string) {
		for _, r := range s {
			if got, want := isSep(seps, r), strings.ContainsRune(seps, r); got != want {
				t.Fatalf("isSep(%q, %q) = %v, want %v", seps, r, got, want)
			}
		}
	})
}
