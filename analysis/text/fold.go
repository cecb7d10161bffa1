package text

// HasPrefixFold is strings.HasPrefix with ASCII case folding: w must be
// lower case. Unlike strings.EqualFold it never folds non-ASCII runes (ſ,
// the Kelvin sign), which the rule scanners rely on.
func HasPrefixFold(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// SentenceEnd returns the index of the first 。, ！ or ？ in p, or -1. All
// three are three bytes long, and a lead byte is never part of another
// rune, so a byte search finds what decoding runes would.
func SentenceEnd(p string) int {
	for i := 0; i+2 < len(p); i++ {
		switch p[i] {
		case 0xE3: // 。 E3 80 82
			if p[i+1] == 0x80 && p[i+2] == 0x82 {
				return i
			}
		case 0xEF: // ！ EF BC 81, ？ EF BC 9F
			if p[i+1] == 0xBC && (p[i+2] == 0x81 || p[i+2] == 0x9F) {
				return i
			}
		}
	}
	return -1
}
