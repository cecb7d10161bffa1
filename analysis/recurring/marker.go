package recurring

import (
	"regexp"
	"strings"
)

// Enumeration markers that open extracted requirement items ("（一）",
// "二是", "3.", "First, "): they differ between copies of the same
// directive and say nothing about it, so they are cut before wordings are
// compared and shown.
var (
	markerZH = regexp.MustCompile(`^(?:[（(]\s*[一二三四五六七八九十0-9]+\s*[)）]|[一二三四五六七八九十]+[是要]|[第其][一二三四五六七八九十]+(?:[点条项]?[，,、：:．.]|是|个方面[，,、：:]?)|第[一二三四五六七八九十]+(?:[，,、：:]|$)|[一二三四五六七八九十]+[、.．]|[0-9]+[、.．)）]|[①-⑳⑴-⒇⒈-⒛]|(?:首先|其次|再次|最后|此外|另外)[，,、：:])[\s\x{3000}]*`)
	markerEN = regexp.MustCompile(`(?i)^(?:\(?[0-9]+[.)]|\(?[a-h]\)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|firstly|secondly|thirdly|finally|lastly|in addition|moreover|furthermore)\b[,:;]?)\s*`)
)

// StripMarker removes a leading enumeration marker and the punctuation
// around the item ("；", "。", ";").
func StripMarker(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < 2; i++ { // "（一）一是…" happens
		if loc := markerZH.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s = s[loc[1]:]
		} else if loc := markerEN.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			s = s[loc[1]:]
		}
	}
	return strings.TrimSpace(strings.TrimRight(s, "；;，,、。. "))
}
