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
		// Most spans start with a Han character or an ASCII byte:
		// answer those without decoding (see asciiSpace).
		if c := p[s]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			s++
			continue
		} else if c >= 0xE4 {
			break
		}
		r, n := utf8.DecodeRuneInString(p[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		if c := p[e-1]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			e--
			continue
		}
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

// asciiSpace is unicode.IsSpace for the ASCII bytes. A rune whose lead
// byte is E4 or more (U+4000 and up) is never white space: the Unicode
// white space above ASCII is U+0085, U+00A0, U+1680, U+2000…U+200A,
// U+2028, U+2029, U+202F, U+205F and U+3000 (lead bytes C2, E1, E2, E3),
// and an invalid byte decodes to U+FFFD, which is not space either.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Split cuts s[sp] at any of the separator runes; each piece keeps its
// trailing separator. Pieces are trimmed of white space.
func Split(s string, sp Span, seps string) []Span {
	if leads, ok := sepLeads(seps); ok {
		return splitLeads(s, sp, seps, leads)
	}
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

// sepLeads returns the lead bytes (C0…FF, as bits 0…63) of the non-ASCII
// separators; ok is false when seps holds utf8.RuneError or an invalid
// byte, which invalid text would match (isSep), so Split must decode.
func sepLeads(seps string) (leads uint64, ok bool) {
	for _, r := range seps {
		if r == utf8.RuneError {
			return 0, false
		}
		if r >= utf8.RuneSelf {
			var buf [utf8.UTFMax]byte
			utf8.EncodeRune(buf[:], r)
			leads |= 1 << (buf[0] - 0xC0)
		}
	}
	return leads, true
}

// splitLeads is Split for separators without utf8.RuneError. It decodes
// only at ASCII bytes and at lead bytes of a separator: every other
// character either decodes to a rune that is no separator (its lead byte
// is not one of theirs) or to utf8.RuneError, which is none either. A lead
// byte is never part of another character's encoding, and an invalid one
// decodes one byte wide, so decoding starts at the same bytes as a rune
// by rune scan.
func splitLeads(s string, sp Span, seps string, leads uint64) []Span {
	var out []Span
	start := sp.Start
	t := s[:sp.End]
	for i := sp.Start; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf {
			i++
			if strings.IndexByte(seps, c) >= 0 {
				out = appendTrimmed(out, t, start, i)
				start = i
			}
			continue
		}
		if c < 0xC0 || leads&(1<<(c-0xC0)) == 0 {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		i += n
		if isSep(seps, r) {
			out = appendTrimmed(out, t, start, i)
			start = i
		}
	}
	return appendTrimmed(out, t, start, sp.End)
}
