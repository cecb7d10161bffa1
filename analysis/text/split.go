package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// Sentences splits a paragraph into sentences. Chinese sentences end at
// 。！？; English ones at . ! ? followed by white space, a capital letter
// (machine-translated pages often glue "improvement.TwoGive") or the end.
// Closing quotes and brackets stay with their sentence. Spans are trimmed of
// surrounding white space; empty sentences are dropped.
func Sentences(p string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(p); {
		// Sentence ends are '.', '!', '?' or 。！？ (lead bytes E3 and
		// EF): other bytes are skipped without decoding; a lead byte
		// never occurs inside another character, so this visits the
		// same characters a rune scan would.
		if !mayEnd[p[i]] {
			i++
			continue
		}
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

// mayEnd marks the bytes a sentence end starts with.
var mayEnd = [256]bool{'.': true, '!': true, '?': true, 0xE3: true, 0xEF: true}

// isSentenceDot reports whether the '.' at i ends a sentence: not inside a
// number ("3.5"), not an abbreviation followed by a comma ("Co., Ltd.").
func isSentenceDot(p string, i int) bool {
	if i+1 >= len(p) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(p[i+1:])
	prev, _ := utf8.DecodeLastRuneInString(p[:i])
	switch {
	case unicode.IsDigit(prev) && unicode.IsDigit(next):
		return false
	case unicode.IsSpace(next), next == '"', next == '”', next == '\'', next == '’':
		return !isAbbrev(p[:i])
	case unicode.IsUpper(next) && unicode.IsLower(prev):
		return true
	case next >= 0x4E00 && next <= 0x9FFF:
		return true
	}
	return false
}

var abbrevs = []string{"Co", "Ltd", "No", "Mr", "Mrs", "Ms", "Dr", "Rd", "St", "Inc", "Corp", "Dept", "etc", "vs", "e.g", "i.e"}

func isAbbrev(before string) bool {
	for _, a := range abbrevs {
		if strings.HasSuffix(before, a) {
			k := len(before) - len(a)
			if k == 0 || !isLetter(before[k-1]) {
				return a != "etc" // "etc." ends sentences more often than not
			}
		}
	}
	// A single capital letter ("J. Smith") is an initial.
	if n := len(before); n >= 1 && before[n-1] >= 'A' && before[n-1] <= 'Z' && (n == 1 || !isLetter(before[n-2])) {
		return true
	}
	return false
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func absorbClosers(p string, end int) int {
	for end < len(p) {
		r, n := utf8.DecodeRuneInString(p[end:])
		switch r {
		case '”', '’', '"', '\'', '）', ')', '」', '』', '】':
			end += n
			continue
		}
		break
	}
	return end
}

func appendTrimmed(out []Span, p string, s, e int) []Span {
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

// Split cuts s[sp] at any of the separator runes; each piece keeps its
// trailing separator. Pieces are trimmed of white space.
func Split(s string, sp Span, seps string) []Span {
	var out []Span
	start := sp.Start
	for i := sp.Start; i < sp.End; {
		r, n := utf8.DecodeRuneInString(s[i:sp.End])
		i += n
		if isSep(seps, r) {
			out = appendTrimmed(out, s[:sp.End], start, i)
			start = i
		}
	}
	return appendTrimmed(out, s[:sp.End], start, sp.End)
}

// isSep is strings.ContainsRune(seps, r) for a decoded rune r, without
// the per-call encoding and search of IndexRune: an ASCII r is one byte
// of seps, any other valid r its encoding (which can only match at a
// character boundary of seps), and utf8.RuneError is left to
// ContainsRune (it also matches invalid bytes in seps).
func isSep(seps string, r rune) bool {
	if r < utf8.RuneSelf {
		return strings.IndexByte(seps, byte(r)) >= 0
	}
	if r == utf8.RuneError {
		return strings.ContainsRune(seps, r)
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	for j := 0; j+n <= len(seps); j++ {
		if seps[j] == buf[0] && seps[j:j+n] == string(buf[:n]) {
			return true
		}
	}
	return false
}
