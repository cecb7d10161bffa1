package keywords

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

var (
	zhQuote = regexp.MustCompile(`[“「『]([^“”「」『』。！？\n]{2,24})[”」』]`)
	enQuote = regexp.MustCompile(`"([^"\n]{3,80})"|“([^“”\n]{3,80})”`)
)

// Slogans returns the quoted phrases of a paragraph (“一岗双责”, "three
// foundations construction"): short, no sentence punctuation. Quotation
// marks around whole sentences or document names are not slogans.
func Slogans(p string) []string {
	var out []string
	if !strings.ContainsAny(p, "“「『\"") {
		return nil
	}
	han, latin := text.Counts(p)
	if han > 0 {
		for _, m := range zhQuote.FindAllStringSubmatch(p, -1) {
			s := strings.TrimSpace(m[1])
			if h, _ := text.Counts(s); h >= 2 && utf8.RuneCountInString(s) <= 24 {
				out = append(out, s)
			}
		}
	}
	if latin > 0 {
		for _, m := range enQuote.FindAllStringSubmatch(p, -1) {
			s := m[1]
			if s == "" {
				s = m[2]
			}
			s = strings.TrimSpace(strings.Trim(s, ",.;:"))
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
