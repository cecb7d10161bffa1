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
