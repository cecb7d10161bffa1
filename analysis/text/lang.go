package text

import "unicode/utf8"

// Languages of a paragraph or article.
const (
	Chinese = "zh"
	English = "en"
	Mixed   = "mixed"
)

// Counts returns the number of Han characters and of Latin letters in s.
func Counts(s string) (han, latin int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				latin++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsHan(r) {
			han++
		}
		i += n
	}
	return han, latin
}

// IsHan reports whether r is a CJK ideograph (basic block and extension A,
// compatibility ideographs).
func IsHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF
}

// Lang returns "zh" or "en" for a piece of text, or "" when it has no
// letters at all. One Han character carries about as much as a short English
// word, so Han characters are weighted three times a Latin letter.
func Lang(s string) string {
	han, latin := Counts(s)
	switch {
	case han == 0 && latin == 0:
		return ""
	case han*3 >= latin:
		return Chinese
	default:
		return English
	}
}

// ArticleLang combines paragraph languages weighted by their size: an
// article is "zh" or "en" when at least 85% of its letters are in that
// language, otherwise "mixed".
func ArticleLang(paras []string) string {
	var zh, en int
	for _, p := range paras {
		han, latin := Counts(p)
		zh += han * 3
		en += latin
	}
	switch {
	case zh == 0 && en == 0:
		return ""
	case zh*100 >= (zh+en)*85:
		return Chinese
	case en*100 >= (zh+en)*85:
		return English
	default:
		return Mixed
	}
}
