package keywords

// The slogan scan as it was before the byte pre-checks: the reference
// the faster one must agree with.

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
		for _, q := range refZhQuotes(p) {
			s := strings.TrimSpace(q)
			if h, _ := text.Counts(s); h >= 2 && utf8.RuneCountInString(s) <= 24 {
				out = append(out, s)
			}
		}
	}
	if latin > 0 {
		for _, q := range refEnQuotes(p) {
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

// zhQuotes returns the contents of the Chinese quotations of p: an
// opening mark (“「『), 2 to 24 characters without quotation marks, 。！？ or
// a line break, then a closing mark (”」』); the leftmost-first,
// non-overlapping matches of
// [“「『]([^“”「」『』。！？\n]{2,24})[”」』], found by a plain scan (the
// pattern has no literal prefix, so a regexp retries it at every byte).
func refZhQuotes(p string) []string {
	return refScanQuotes(p, 2, 24, func(r rune) (stop, close string, ok bool) {
		if r == '“' || r == '「' || r == '『' {
			return "“”「」『』。！？\n", "”」』", true
		}
		return "", "", false
	})
}

// enQuotes returns the contents of the English quotations of p, the
// leftmost-first, non-overlapping matches of
// "([^"\n]{3,80})"|“([^“”\n]{3,80})” found by a plain scan: after an
// opening mark the first mark or line break decides, since the content
// cannot hold one.
func refEnQuotes(p string) []string {
	return refScanQuotes(p, 3, 80, func(r rune) (stop, close string, ok bool) {
		switch r {
		case '"':
			return "\"\n", "\"", true
		case '“':
			return "“”\n", "”", true
		}
		return "", "", false
	})
}

// scanQuotes returns the leftmost-first, non-overlapping quotations of p:
// a rune that open accepts, then min to max runes none of which is in its
// stop set, then one of its close runes (close runes are also stop runes).
func refScanQuotes(p string, min, max int, open func(rune) (stop, close string, ok bool)) []string {
	var out []string
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		stop, close, ok := open(r)
		if !ok {
			i += n
			continue
		}
		start := i + n
		j, count, end := start, 0, -1
		for j < len(p) {
			c, m := utf8.DecodeRuneInString(p[j:])
			if strings.ContainsRune(stop, c) {
				if strings.ContainsRune(close, c) && count >= min {
					end = j
				}
				break
			}
			if count == max {
				break
			}
			count++
			j += m
		}
		if end < 0 {
			i += n
			continue
		}
		out = append(out, p[start:end])
		_, m := utf8.DecodeRuneInString(p[end:])
		i = end + m
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
