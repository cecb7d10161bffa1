package taxonomy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tradToSimp maps traditional characters to simplified ones; built once
// from tradPairs (a later pair of the same character wins).
var tradToSimp = func() map[rune]rune {
	m := make(map[rune]rune, utf8.RuneCountInString(tradPairs)/2)
	var t rune
	for i, r := range []rune(tradPairs) {
		if i%2 == 0 {
			t = r
		} else {
			m[t] = r
		}
	}
	return m
}()

// foldTable is tradToSimp as a dense table over the CJK Unified
// Ideographs, where every traditional character of tradPairs lies (0: not
// folded); tradOutside holds any that do not (or whose simplified form is
// not three bytes long), so that FoldTraditional needs no map lookup per
// character.
var foldTable, tradOutside = func() (*[foldHi - foldLo + 1]uint16, map[rune]rune) {
	var t [foldHi - foldLo + 1]uint16
	out := map[rune]rune{}
	for tr, sr := range tradToSimp {
		if tr >= foldLo && tr <= foldHi && utf8.RuneLen(sr) == 3 {
			t[tr-foldLo] = uint16(sr)
		} else {
			out[tr] = sr
		}
	}
	return &t, out
}()

const foldLo, foldHi = 0x4E00, 0x9FFF

// foldRune returns the simplified form of r and whether r is folded.
func foldRune(r rune) (rune, bool) {
	if r >= foldLo && r <= foldHi {
		if sr := foldTable[r-foldLo]; sr != 0 {
			return rune(sr), true
		}
	}
	if r < 0x3400 || len(tradOutside) == 0 {
		return r, false
	}
	sr, ok := tradOutside[r]
	return sr, ok
}

// FoldTraditional returns s with traditional Chinese characters replaced by
// their simplified forms (黨風廉政建設 -> 党风廉政建设). Every replacement has
// the same UTF-8 length as the original, so byte offsets into the result
// are valid offsets into s. Text without traditional characters is returned
// unchanged without allocating.
func FoldTraditional(s string) string {
	if len(tradOutside) > 0 {
		return foldRunes(s)
	}
	// Every folded character is a well-formed 3-byte sequence with lead
	// byte E4..E9, which never occurs inside another character's
	// encoding: a byte scan finds exactly the characters a rune scan
	// would, without decoding the others.
	var b []byte
	for i := 0; i+2 < len(s); i++ {
		c := s[i]
		if c < 0xE4 || c > 0xE9 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
			continue
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		sr, ok := foldRune(r)
		if !ok {
			i += 2
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		utf8.EncodeRune(b[i:], sr)
		i += 2
	}
	if b == nil {
		return s
	}
	return string(b)
}

// foldRunes is FoldTraditional for tables with characters outside the
// CJK Unified Ideographs.
func foldRunes(s string) string {
	first := -1
	for i, r := range s {
		if _, ok := foldRune(r); ok {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:first]...)
	for i := first; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if sr, ok := foldRune(r); ok {
			b = utf8.AppendRune(b, sr)
		} else {
			b = append(b, s[i:i+n]...) // keeps invalid bytes as they are
		}
		i += n
	}
	return string(b)
}

// Normalize returns the form in which meetscan compares terms: traditional
// characters folded to simplified, Latin words lower-cased with simple
// plural folding, hyphens and punctuation dropped, tokens separated by
// single spaces. Runs of Chinese characters are kept whole (they are not
// segmented here). "High-Quality Developments" -> "high quality development";
// "黨風廉政建設" -> "党风廉政建设".
func Normalize(s string) string {
	s = FoldTraditional(s)
	var out []byte
	var word []byte
	scan(s, func(kind tokenKind, i, j int) {
		tok := s[i:j]
		switch kind {
		case tokHan:
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, tok...)
		case tokWord:
			word = normWord(word[:0], tok)
			if len(word) == 0 {
				return
			}
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, word...)
		}
	})
	return string(out)
}

// NormalizeWord lower-cases one Latin word and folds simple plurals
// ("Members" -> "member", "policies" -> "policy", "consciousnesses" ->
// "consciousness"), and British -isation to -ization. It is the word form
// English terms are matched on.
func NormalizeWord(w string) string {
	return string(normWord(nil, w))
}

// normWord appends the normalised form of the word w to dst. A lone "s"
// (left over from "party's" once the apostrophe is a separator) normalises
// to nothing.
func normWord(dst []byte, w string) []byte {
	start := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			// Non-ASCII letters: lower-case rune by rune.
			dst = dst[:start]
			for _, r := range w {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return stem(dst, start)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return stem(dst, start)
}

// stem folds plurals and -isation of the word in b[start:]; it only
// shortens or rewrites in place, so it never allocates.
func stem(b []byte, start int) []byte {
	w := b[start:]
	n := len(w)
	if n == 1 && w[0] == 's' {
		return b[:start]
	}
	if n > 3 && w[n-1] == 's' && isDigitFree(w) {
		switch {
		case hasSuffix(w, "sses"), hasSuffix(w, "shes"), hasSuffix(w, "ches"), hasSuffix(w, "xes"):
			b = b[:len(b)-2]
		case hasSuffix(w, "ies") && n > 4:
			w[n-3] = 'y'
			b = b[:len(b)-2]
		case hasSuffix(w, "ss"), hasSuffix(w, "us"), hasSuffix(w, "is"):
		default:
			b = b[:len(b)-1]
		}
	}
	if w = b[start:]; len(w) > 7 && hasSuffix(w, "isation") {
		w[len(w)-6] = 'z'
	}
	return b
}

func hasSuffix(b []byte, suf string) bool {
	return len(b) >= len(suf) && string(b[len(b)-len(suf):]) == suf
}

func isDigitFree(b []byte) bool {
	for _, c := range b {
		if '0' <= c && c <= '9' {
			return false
		}
	}
	return true
}

// tokenKind classifies what scan emits.
type tokenKind uint8

const (
	tokHan   tokenKind = iota // a maximal run of Chinese characters
	tokWord                   // a run of letters/digits that are not Chinese
	tokBreak                  // sentence punctuation: terms never span it
)

// isHan reports whether r is written with Chinese characters (including 〇).
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF { // CJK Unified Ideographs: all Han
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// isBreak reports whether r ends a sentence or clause strongly enough that
// a term must not match across it. Commas, enumeration commas (、), quotes,
// brackets, hyphens and spaces are not breaks: terms are written with and
// without them ("不忘初心、牢记使命", "one post, two responsibilities").
func isBreak(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ':', '\n', '\r', '。', '！', '？', '；', '：', '．', '…':
		return true
	}
	return false
}

// scan splits s into Han runs, Latin/digit words and breaks, calling emit
// with the byte range of each token in s (breaks have an empty range).
// Everything else (spaces, commas, quotes, hyphens, symbols) separates
// tokens without being emitted.
func scan(s string, emit func(kind tokenKind, i, j int)) {
	hanStart, wordStart := -1, -1
	flush := func(i int) {
		if hanStart >= 0 {
			emit(tokHan, hanStart, i)
			hanStart = -1
		}
		if wordStart >= 0 {
			emit(tokWord, wordStart, i)
			wordStart = -1
		}
	}
	for i, r := range s {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				if wordStart < 0 {
					flush(i)
					wordStart = i
				}
				continue
			}
			flush(i)
			if isBreak(r) {
				emit(tokBreak, i, i)
			}
		case isHan(r):
			if hanStart < 0 {
				flush(i)
				hanStart = i
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if wordStart < 0 {
				flush(i)
				wordStart = i
			}
		default:
			flush(i)
			if isBreak(r) {
				emit(tokBreak, i, i)
			}
		}
	}
	flush(len(s))
}

// hanOnly returns the Chinese characters of s, dropping everything else
// ("不忘初心、牢记使命" -> "不忘初心牢记使命").
func hanOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isHan(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
