package dates

import (
	"math/bits"
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

var (
	// Labels of the metadata lines pages print near the title (plain
	// strings: checked on every paragraph, so no regular expression).
	pubLabelsZh = strings.Fields("发布时间 发布日期 发表时间 发表日期 刊发日期 更新时间 时间: 时间： 日期: 日期： 编印 来源: 来源： 点击次数 点击数 点击量 浏览次数 阅读次数 阅读量")
	// Only label forms: "exchanged views" or "the published plan" in a
	// short body paragraph must not make it metadata.
	pubLabelsEn = []string{"published:", "published time", "publish time", "publication date", "release time", "release date", "released:", "date:", "date：", "posted:", "posted on", "source:", "source：", "views:", "number of views", "time:", "time：", "updated:"}
	// Meeting verbs: the date of the sentence that holds the meeting wins.
	meetVerb = regexp.MustCompile(`(?i)召开|举行|举办|开展|组织|主持|\bheld\b|\bhold|\borgani[sz]ed|\bconvened|\bpresided|\bcarried out`)
)

var months = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

func monthNum(s string) int { return months[strings.ToLower(s[:3])] }

// Mention is a date written in the text, at byte offset Pos of a paragraph.
type Mention struct {
	Date
	Para, Pos int
}

// MentionsIn returns the dates written in a paragraph, in text order.
func MentionsIn(p string) []Mention {
	var out []Mention
	if !hasDigit(p) {
		return nil
	}
	add := func(y, m, d, pos int) {
		if valid(y, m, d) {
			out = append(out, Mention{Date: Date{y, m, d}, Pos: pos})
		}
	}
	// Each pattern needs a literal that a plain search finds much faster
	// than the matcher fails: 日/号, a digit-separator-digit, a month name.
	var zh [][]int
	if strings.Contains(p, "日") || strings.Contains(p, "号") {
		zh = findZhDates(p)
	}
	for _, m := range zh {
		// "1月22日讯" / "电" is a dateline, not an event.
		rest := p[m[1]:]
		if strings.HasPrefix(rest, "讯") || strings.HasPrefix(rest, "电") {
			continue
		}
		y := 0
		if m[2] >= 0 {
			y = atoi(p[m[2]:m[3]])
		}
		add(y, atoi(p[m[4]:m[5]]), atoi(p[m[6]:m[7]]), m[0])
	}
	var iso [][]int
	if hasDigitSep(p) {
		iso = findISO(p)
	}
	for _, m := range iso {
		add(atoi(p[m[2]:m[3]]), atoi(p[m[4]:m[5]]), atoi(p[m[6]:m[7]]), m[0])
	}
	if hasLatin(p) && hasMonth(p) {
		for _, m := range findAllAt(p, uppers, enMDAt) {
			y := 0
			if m[6] >= 0 {
				y = atoi(p[m[6]:m[7]])
			}
			add(y, monthNum(p[m[2]:m[3]]), atoi(p[m[4]:m[5]]), m[0])
		}
		for _, m := range findAllAt(p, digits, enDMAt) {
			y := 0
			if m[6] >= 0 {
				y = atoi(p[m[6]:m[7]])
			}
			add(y, monthNum(p[m[4]:m[5]]), atoi(p[m[2]:m[3]]), m[0])
		}
	}
	sortMentions(out)
	return out
}

// hasDigitSep reports whether s has a digit, a - / . separator and a digit
// in a row (needed by isoDate).
func hasDigitSep(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if c := s[i]; (c == '-' || c == '/' || c == '.') && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

// hasMonth reports whether s has an English month name (as enMD and enDM
// spell them: capitalised).
func hasMonth(s string) bool {
	for _, m := range [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func isPerlSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func hasLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func sortMentions(ms []Mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Pos < ms[j-1].Pos; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// IsMetaLine reports whether a paragraph is page metadata (publication
// time, source, views) rather than report text: it carries a metadata label
// or is a short line made mostly of a date.
func IsMetaLine(p string) bool {
	// A rune has at most 4 bytes: longer lines have over 120 runes, and
	// most body paragraphs are, so skip counting them.
	if len(p) > 4*120 {
		return false
	}
	// Every rune has one byte that is not a continuation byte, and
	// utf8.RuneCountInString counts a stray continuation byte as a rune
	// too: more than 120 such bytes is more than 120 runes.
	if len(p) > 120 && leadBytesOver(p, 120) {
		return false
	}
	if hasLabel(p) {
		return len(p) <= 120 || utf8.RuneCountInString(p) <= 120
	}
	return hasDigitSep(p) && hasISO(p) && (len(p) <= 40 || utf8.RuneCountInString(p) <= 40)
}

// leadBytesOver reports whether s has more than n bytes that are not
// UTF-8 continuation bytes.
func leadBytesOver(s string, n int) bool {
	i := 0
	// Eight bytes at a time: a continuation byte is 10xxxxxx, so bit 7
	// set and bit 6 clear marks one.
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		cont := x &^ (x << 1) & 0x8080808080808080
		if n -= 8 - bits.OnesCount64(cont); n < 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			if n--; n < 0 {
				return true
			}
		}
	}
	return false
}

// Published finds the publication date printed in the metadata lines near
// the top (or, on some pages, the bottom) of an article.
func Published(paras []string) (Date, bool) {
	try := func(p string) (Date, bool) {
		if !IsMetaLine(p) {
			return Date{}, false
		}
		for _, m := range MentionsIn(p) {
			if m.Year != 0 {
				return m.Date, true
			}
		}
		return Date{}, false
	}
	for i, p := range paras {
		if i >= 8 {
			break
		}
		if d, ok := try(p); ok {
			return d, true
		}
	}
	for i := len(paras) - 1; i >= 8 && i >= len(paras)-3; i-- {
		if d, ok := try(paras[i]); ok {
			return d, true
		}
	}
	return Date{}, false
}

// Meeting returns the date the meeting was held as written: the first date
// in a sentence that holds the meeting, else the first date in the report
// text (metadata lines skipped). Year is 0 when not written.
func Meeting(paras []string) (Mention, bool) {
	var first *Mention
	for i, p := range paras {
		if IsMetaLine(p) {
			continue
		}
		for _, m := range MentionsIn(p) {
			m.Para = i
			if first == nil {
				mm := m
				first = &mm
			}
			if MeetingSentence(sentenceAround(p, m.Pos)) {
				return m, true
			}
		}
		if first != nil && i >= 2 {
			break
		}
	}
	if first != nil {
		return *first, true
	}
	return Mention{}, false
}

// sentenceAround returns the sentence of p containing byte offset pos.
func sentenceAround(p string, pos int) string {
	// The sentence starts after the nearest end before pos: 。 (E3 80
	// 82), ！ (EF BC 81), ？ (EF BC 9F) or ". ".
	start := 0
	for j := pos - 1; j >= 1 && start == 0; j-- {
		switch c := p[j]; {
		case c == ' ' && p[j-1] == '.',
			j >= 2 && c == 0x82 && p[j-2] == 0xE3 && p[j-1] == 0x80,
			j >= 2 && (c == 0x81 || c == 0x9F) && p[j-2] == 0xEF && p[j-1] == 0xBC:
			start = j + 1
		}
	}
	for j := pos; j+1 < len(p); j++ {
		if p[j] == '.' && p[j+1] == ' ' || text.SentenceEnd(p[j:min(j+3, len(p))]) == 0 {
			return p[start:j]
		}
	}
	return p[start:]
}

// MeetingSentence reports whether s says a meeting was held (召开, 举行,
// held, presided …): meetVerb, found by meetTable, which folds ASCII case
// as meetVerb's (?i) does ("Held on May 5", "Convened by …" start
// sentences); a text with ſ, which (?i) folds to s, goes to the pattern.
func MeetingSentence(s string) bool {
	pos, _, sure := meetTable.First(s)
	if !sure {
		return meetVerb.MatchString(s)
	}
	return pos >= 0
}
