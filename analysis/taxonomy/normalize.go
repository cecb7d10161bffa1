package taxonomy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tradToSimp maps traditional characters to simplified ones; built once
// from tradPairs.
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

// FoldTraditional returns s with traditional Chinese characters replaced by
// their simplified forms (黨風廉政建設 -> 党风廉政建设). Every replacement has
// the same UTF-8 length as the original, so byte offsets into the result
// are valid offsets into s. Text without traditional characters is returned
// unchanged without allocating.
func FoldTraditional(s string) string {
	first := -1
	for i, r := range s {
		if r >= 0x3400 {
			if _, ok := tradToSimp[r]; ok {
				first = i
				break
			}
		}
	}
	if first < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:first]...)
	for i := first; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if sr, ok := tradToSimp[r]; ok && r >= 0x3400 {
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
