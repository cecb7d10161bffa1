package people

import (
	"meetscan/analysis/text"
	"regexp"
	"strings"
)

var (
	// Role words in English appositions and titles.
	enRoleWord = regexp.MustCompile(`(?i)\b(?:secretary|chairman|chairwoman|chair|member|director|manager|president|head|deputy|vice|leader|chief|dean|principal|mayor|minister|commissioner|comrade|general manager|party committee|submitted by|author|editor|reporter|correspondent|photographer)\b`)
	enCredit   = regexp.MustCompile(`(?i)(submitted by|written by|author|editor|reporter|correspondent|photo(?:graphed)? by|photographer|source|contributed by|contributor|reviewed by|reviewer)\s*[:：]\s*$`)
)

func (b *builder) english(p, o string) {
	// Pairs of adjacent capitalised words, overlapping: in "Secretary Liu
	// Zhijian" the pair (Liu, Zhijian) must be tried after (Secretary, Liu).
	b.caps = capWords(p, b.caps[:0])
	ws := b.caps
	for k := 0; k+1 < len(ws); k++ {
		a, c := ws[k], ws[k+1]
		if c[0] != a[1]+1 || p[a[1]] != ' ' {
			continue
		}
		sur, given := p[a[0]:a[1]], p[c[0]:c[1]]
		if !pinyinSurnames[sur] || !isGivenName(given) {
			continue
		}
		if IsLeader(p[a[0]:c[1]]) { // sur + " " + given
			continue
		}
		// A third capitalised word right after ("Li Yan Road") makes it
		// a place more often than a name.
		if rest := p[c[1]:]; len(rest) > 1 && rest[0] == ' ' && rest[1] >= 'A' && rest[1] <= 'Z' && placeWord(rest[1:]) {
			continue
		}
		b.add(o[a[0]:c[1]], enRole(p, a[0], c[1]))
		k++
	}
}

// placeWords after a pinyin pair make it a place or an organisation
// ("Ma Anshan Steel", "Xiong An New Area", "Li Yan Road").
var placeWords = []string{"Road", "Street", "Rd", "Avenue", "District", "County", "City", "Province", "Town", "Village", "Park", "Lake", "River", "Mountain", "Bridge", "Building", "Hall", "Square", "Temple", "Company", "Group", "Institute", "University", "College", "School", "Hospital", "Center", "Centre", "Branch",
	"Steel", "Iron", "Power", "Electric", "Energy", "Port", "Airport", "Railway", "Bank", "Mining", "Coal", "Oil", "Petroleum", "Chemical", "Construction", "Engineering", "Technology", "Industrial", "Industry", "Development", "Zone", "New", "Area", "Station", "Office", "Bureau", "Committee", "Association", "Federation", "Union", "Academy", "Research", "Co", "Ltd", "Corporation", "Holdings", "Port", "Township", "Prefecture", "Autonomous", "Reservoir", "Canal"}

func placeWord(s string) bool {
	for _, w := range placeWords {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// enRole returns the role written beside an English name: a credit label
// before it, title words before it, an apposition after it (", member of
// the party committee and chairman of the company,"), or "from …" after
// "Comrade".
func enRole(p string, s, e int) string {
	// Only the last words before the name matter; the anchored patterns
	// below would otherwise rescan the whole paragraph for every name.
	before := p[max(0, s-160):s]
	// enCredit ends with a colon: check that before running it.
	t := strings.TrimRight(before, " \t\n\f\r")
	colon := strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")
	if colon {
		if m := enCredit.FindStringSubmatch(before); m != nil {
			// "(Submitted by: Shang Jiali, Party and Mass Work Department…)"
			return strings.TrimSpace(m[1])
		}
	}
	if i := titleTail(before); i >= 0 {
		t := strings.TrimSpace(before[i:])
		// Drop leading words that are not part of the title ("the
		// company's", sentence starts).
		if hasRoleWord(t) && t != "Comrade" {
			return trimTitle(t)
		}
	}
	after := p[e:]
	if strings.HasPrefix(after, ", ") {
		app := after[2:]
		if k := strings.IndexAny(app, ",;。.()"); k >= 0 {
			app = app[:k]
		}
		app = strings.TrimSpace(app)
		if hasRoleWord(app) && len(strings.Fields(app)) <= 16 && !startsVerb(app) {
			return app
		}
	}
	if strings.HasPrefix(strings.TrimSpace(before[max(0, len(before)-10):]), "Comrade") || strings.HasSuffix(strings.TrimSpace(before), "Comrade") {
		if strings.HasPrefix(after, " from ") {
			app := after[len(" from "):]
			if k := strings.Index(app, " attended"); k >= 0 {
				app = app[:k]
			} else if k := strings.IndexAny(app, ",;。."); k >= 0 {
				app = app[:k]
			}
			return strings.TrimPrefix(strings.TrimSpace(app), "the ")
		}
	}
	return ""
}

func trimTitle(t string) string {
	fs := strings.Fields(t)
	// Keep from the first capitalised word of the run that leads into a
	// role: "At the meeting, Party Secretary" -> "Party Secretary".
	for i, f := range fs {
		if f[0] >= 'A' && f[0] <= 'Z' && f != "The" && f != "At" && f != "On" && f != "In" {
			return strings.Join(fs[i:], " ")
		}
	}
	return t
}

func startsVerb(s string) bool {
	for _, v := range []string{"presided", "attended", "made", "said", "pointed", "emphasized", "stressed", "gave", "commented", "put", "and ", "who "} {
		if strings.HasPrefix(s, v) {
			return true
		}
	}
	return false
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// titleTail returns where enTitleTail matches s (the start of its match,
// which runs to the end of s), or -1. The regexp tries every start and
// backtracks through up to eight words from each; this walks the words
// once from the end. Each title word is followed by Perl whitespace and
// the next word begins right after it, so all but the leftmost word are
// whole whitespace-separated tokens; the leftmost may be the tail of a
// token ("band of " matches from "and").
func titleTail(s string) int {
	end := len(s)
	if end == 0 || !isPerlSpace(s[end-1]) {
		return -1
	}
	start := -1
	for words := 0; words < 8; words++ {
		// Skip the whitespace run after the word.
		j := end
		for j > 0 && isPerlSpace(s[j-1]) {
			j--
		}
		if j == end {
			break // no whitespace after the previous word's start
		}
		k := j
		for k > 0 && !isPerlSpace(s[k-1]) {
			k--
		}
		tok := s[k:j]
		if titleWord(tok) {
			start = k
			end = k
			if k == 0 {
				break
			}
			continue
		}
		if i := titleWordSuffix(tok); i >= 0 {
			start = k + i
		}
		break
	}
	return start
}

func isPerlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// titleLower are the lower-case title words of enTitleTail.
var titleLower = []string{"and", "of", "the", "member", "secretary", "chairman", "committee", "party"}

// titleWord reports whether w is one whole title word: [A-Z][a-z]+ or one
// of titleLower.
func titleWord(w string) bool {
	if len(w) >= 2 && w[0] >= 'A' && w[0] <= 'Z' {
		i := 1
		for i < len(w) && w[i] >= 'a' && w[i] <= 'z' {
			i++
		}
		if i == len(w) {
			return true
		}
	}
	for _, l := range titleLower {
		if w == l {
			return true
		}
	}
	return false
}

// titleWordSuffix returns the smallest i for which w[i:] is a title word,
// or -1.
func titleWordSuffix(w string) int {
	best := -1
	// [A-Z][a-z]+: the upper-case letter before the trailing lower-case run.
	i := len(w)
	for i > 0 && w[i-1] >= 'a' && w[i-1] <= 'z' {
		i--
	}
	if i < len(w) && i > 0 && w[i-1] >= 'A' && w[i-1] <= 'Z' {
		best = i - 1
	}
	for _, l := range titleLower {
		if strings.HasSuffix(w, l) && (best < 0 || len(w)-len(l) < best) {
			best = len(w) - len(l)
		}
	}
	return best
}

// capWords appends to out what capWord.FindAllStringIndex(p, -1) returns,
// by one byte scan. A word starts at an upper-case letter after a non-word byte;
// [a-z]{0,12} must take the whole lower-case run (a shorter take leaves a
// letter where \b is needed), and so must the [a-z]{1,8} of the hyphen
// part, which is tried first and dropped when it fails.
func capWords(p string, out [][2]int) [][2]int {
	for i := 0; i < len(p); i++ {
		if !wordByte[p[i]] {
			continue
		}
		// p[i] starts a run of word bytes: only its first byte may
		// start a word; the rest of the run is skipped in one loop.
		if p[i]-'A' >= 26 {
			for i+1 < len(p) && wordByte[p[i+1]] {
				i++
			}
			continue
		}
		j := i + 1
		for j < len(p) && p[j] >= 'a' && p[j] <= 'z' {
			j++
		}
		if j-i-1 > 12 {
			continue
		}
		end := -1
		if j+1 < len(p) && p[j] == '-' && isLetter(p[j+1]) {
			k := j + 2
			for k < len(p) && p[k] >= 'a' && p[k] <= 'z' {
				k++
			}
			if n := k - j - 2; n >= 1 && n <= 8 && (k == len(p) || !isWordByte(p[k])) {
				end = k
			}
		}
		if end < 0 && (j == len(p) || !isWordByte(p[j])) {
			end = j
		}
		if end < 0 {
			for i+1 < len(p) && wordByte[p[i+1]] {
				i++
			}
			continue
		}
		out = append(out, [2]int{i, end})
		i = end - 1
	}
	return out
}

// wordByte is isWordByte as a table.
var wordByte = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = isWordByte(byte(c))
	}
	return t
}()

// isWordByte is \b's notion of a word character (ASCII only).
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// roleWordList are the alternatives of enRoleWord, lower case.
var roleWordList = strings.Split("secretary|chairman|chairwoman|chair|member|director|manager|president|head|deputy|vice|leader|chief|dean|principal|mayor|minister|commissioner|comrade|general manager|party committee|submitted by|author|editor|reporter|correspondent|photographer", "|")

// roleWordsByLetter groups roleWordList by first letter.
var roleWordsByLetter = func() (m [26][]string) {
	for _, w := range roleWordList {
		m[w[0]-'a'] = append(m[w[0]-'a'], w)
	}
	return m
}()

// hasRoleWord is enRoleWord.MatchString(s) by a scan of the word starts.
// Under (?i) an ASCII letter also matches ſ (U+017F, for s) and K
// (U+212A, for k; no role word has a k): a string with ſ goes to the
// pattern. Otherwise a match is ASCII, and \b only looks at ASCII word
// bytes.
func hasRoleWord(s string) bool {
	if strings.Contains(s, "ſ") {
		return enRoleWord.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20 // lower case of a letter
		if c < 'a' || c > 'z' || !isLetter(s[i]) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		for _, w := range roleWordsByLetter[c-'a'] {
			e := i + len(w)
			if e <= len(s) && text.HasPrefixFold(s[i:e], w) && (e == len(s) || !isWordByte(s[e])) {
				return true
			}
		}
	}
	return false
}
