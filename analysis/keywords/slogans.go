package keywords

import (
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

// Slogans returns the quoted phrases of a paragraph (“一岗双责”, "three
// foundations construction"): short, no sentence punctuation. Quotation
// marks around whole sentences or document names are not slogans.
func Slogans(p string) []string {
	var out []string
	if !hasOpening(p) {
		return nil
	}
	// A Chinese slogan has Han characters, so p has some: no need to
	// check p first.
	for _, q := range zhQuotes(p) {
		s := strings.TrimSpace(q)
		if h, _ := text.Counts(s); h >= 2 && utf8.RuneCountInString(s) <= 24 {
			out = append(out, s)
		}
	}
	// English slogans count only if p has a Latin letter (a quoted
	// "2023 2024" in a Chinese paragraph is none); that scan is left for
	// paragraphs with a candidate.
	var en []string
	for _, q := range enQuotes(p) {
		s := strings.TrimSpace(strings.Trim(q, ",.;:"))
		if h, _ := text.Counts(s); h > 0 {
			continue // Chinese quotes are handled above
		}
		if n := len(strings.Fields(s)); n >= 1 && n <= 8 && !strings.ContainsAny(s, ".;:!?") {
			en = append(en, s)
		}
	}
	if len(en) > 0 && hasLatin(p) {
		out = append(out, en...)
	}
	return out
}

// hasLatin reports whether p has an ASCII letter.
func hasLatin(p string) bool {
	for i := 0; i < len(p); i++ {
		if c := p[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// hasOpening reports whether p has an opening quotation mark: a '"' or one
// of “「『. Four vectorised substring searches beat one byte loop over
// the paragraph (a byte search finds exactly what a rune scan finds: a
// lead byte never occurs inside another character).
func hasOpening(p string) bool {
	return strings.IndexByte(p, '"') >= 0 || strings.Contains(p, "“") ||
		strings.Contains(p, "「") || strings.Contains(p, "『")
}

// zhQuotes returns the contents of the Chinese quotations of p: an
// opening mark (“「『), 2 to 24 characters without quotation marks, 。！？ or
// a line break, then a closing mark (”」』); the leftmost-first,
// non-overlapping matches of
// [“「『]([^“”「」『』。！？\n]{2,24})[”」』], found by a plain scan (the
// pattern has no literal prefix, so a regexp retries it at every byte).
func zhQuotes(p string) []string {
	return scanQuotes(p, 2, 24, func(r rune) (stop, close string, ok bool) {
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
func enQuotes(p string) []string {
	return scanQuotes(p, 3, 80, func(r rune) (stop, close string, ok bool) {
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
func scanQuotes(p string, min, max int, open func(rune) (stop, close string, ok bool)) []string {
	var out []string
	for i := 0; i < len(p); {
		// Every opening mark is '"' or starts with byte E2 or E3; other
		// bytes are skipped without decoding (see hasOpening).
		if c := p[i]; c != '"' && c != 0xE2 && c != 0xE3 {
			i++
			continue
		}
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
