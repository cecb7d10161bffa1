// Package reqs finds the requirements put forward at a meeting:
// enumerated items (一是/二是, 一要, 第一, 首先/其次/最后, （一）, "First, …
// Second, …", "One must … Two … Three …"), each one item from its marker to
// the next; and directive sentences (要/必须/务必/希望, "should", "must", "it
// is necessary to"). Results, praise and agendas are left out: an
// enumeration counts only when it is announced as requirements or its items
// are themselves directive.
package reqs

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/text"
)

// Item is one requirement: bytes [Start, End) of paragraph Para.
type Item struct {
	Para, Start, End int
	// Cue is the byte offset of the directive word or marker inside the
	// paragraph, used to attribute the speaker.
	Cue int
	// Lead is the paragraph that announced a list written one item per
	// paragraph (its speaker is the items' speaker), or -1.
	Lead int
}

var (
	// Announcements of a list of requirements.
	zhAnnounceWords = strings.Split("要求|意见|希望|建议|强调|提出|部署|指导|努力方向|工作思路|明确了|几点|必须|务必", "|")
	enAnnounce      = regexp.MustCompile(`(?i)requirement|require|put forward|emphasi[sz]|stress|hope|suggest|direction|call(?:ed|s)? on|urge|deploy|proposed|must|should|necessary`)
	enModal         = regexp.MustCompile(`(?i)\b(?:should|must|shall|ought to|needs? to|it is (?:necessary|required|essential|imperative|important) (?:to|that)|(?:is|are) required to|required (?:all |each |every |the )?[a-z' ]{0,60}? to|requires? that|required that|demand(?:ed|s)? that|asked (?:all |each |every |the )?[a-z' ]{0,60}? to|encourage[ds]? (?:all |each |every |the )?[a-z' ]{0,60}? to|urged?|call(?:ed|s)? on|hopes?|hoped|it is hoped|we will (?:continue to|further|strive to|resolutely|firmly|vigorously))\b`)
	// An English sentence announcing what follows: "…pointed out the
	// direction of future work: …".
	enColonCue = regexp.MustCompile(`(?i)(?:requirement|direction|suggestion|task|point)s?[^:]{0,40}:`)
	// Imperative openings of English directive sentences.
	enImperative = regexp.MustCompile(`^(?:Focus|Strengthen|Adhere|Promote|Improve|Deepen|Implement|Carry|Insist|Build|Give|Do|Pay|Take|Continue|Further|Earnestly|Effectively|Persist|Enhance|Consolidate|Establish|Strive|Make|Keep|Always|Resolutely|Firmly|Actively|Conscientiously|Solidly|Vigorously|Comprehensively|Thoroughly|Accelerate|Ensure|Grasp|Uphold|Stick|Study)\b`)
	// Collective pledges of the attendees.
	pledgeWords = strings.Split("纷纷表示|一致表示|纷纷表态|一致表态|表态发言中|大家表示|与会人员表示|与会党员表示|参会人员表示|党员们表示|同志们表示|纷纷表决心", "|")
	// Cue clauses stripped from the start of a directive sentence: "他强调，",
	// "会议要求，", "提出了要求：".
	zhCue = regexp.MustCompile(`(?:强调|指出|要求|表示|认为|提出|说|意见|建议)[，,：:]`)
)

// meetingSubject reports whether text before 要求 ends with a subject that
// makes it a directive: 会议, 大会, 他, 她, 并, 同时, 还.
func meetingSubject(before string) bool {
	for _, w := range []string{"会议", "大会", "他", "她", "并", "同时", "还", "会上"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

func colonCueIndex(sent string, hasColon bool) []int {
	if !hasColon {
		return nil
	}
	return enColonCue.FindStringIndex(sent)
}

// isDirectiveYao reports whether the 要 at byte i of s is the modal "must"
// rather than part of 重要, 主要, 要求, 需要, 纪要 …
func isDirectiveYao(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	// 党要管党 is a slogan quoted in descriptions, not a directive.
	if strings.HasPrefix(s[i:], "要管党") {
		return false
	}
	if strings.ContainsRune("重主只纪必需首提简概摘扼紧次显将想还不", prev) {
		if prev != '不' { // 不要 is a (negative) directive
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(s[i+len("要"):])
	return !strings.ContainsRune("求点素闻件务害领是么员职地紧", next)
}

// zhModals are the directive words; 要 alone is checked by isDirectiveYao.
var zhModals = []string{"必须", "务必", "一定要", "应当", "应该", "不得", "严禁", "希望"}

// zhDirective returns the offset of the first directive word in s, or -1.
func zhDirective(s string) int {
	best := -1
	for _, w := range zhModals {
		if k := strings.Index(s, w); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	for off := 0; ; {
		k := strings.Index(s[off:], "要")
		if k < 0 || best >= 0 && off+k > best {
			break
		}
		if isDirectiveYao(s, off+k) {
			best = off + k
			break
		}
		off += k + len("要")
	}
	if best >= 0 {
		return best
	}
	// "徐中义要求以思想建设为基础…": 要求 followed directly by its content.
	for off := 0; ; {
		k := strings.Index(s[off:], "要求")
		if k < 0 {
			break
		}
		at := off + k
		off = at + len("要求")
		next, _ := utf8.DecodeRuneInString(s[off:])
		// "会议要求，全体党员…": the meeting (or he/she) requiring is a
		// directive even when the content has no 要 of its own.
		if strings.ContainsRune("，,：:", next) && meetingSubject(s[:at]) {
			return at
		}
		if !text.IsHan(next) || next == '的' || next == '和' {
			continue
		}
		before := s[:at]
		if strings.HasSuffix(before, "按照") || strings.HasSuffix(before, "根据") || strings.HasSuffix(before, "的") ||
			strings.HasSuffix(before, "工作") || strings.HasSuffix(before, "规定") || strings.HasSuffix(before, "布置") || strings.HasSuffix(before, "相关") || strings.HasSuffix(before, "有关") {
			continue
		}
		return at
	}
	return -1
}

func enDirective(s string) int {
	// (?i) also folds ſ into s and the Kelvin sign into k, which the
	// ASCII scan below does not: texts with them take the pattern alone.
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212a") {
		return enDirectiveRegexp(s)
	}
	// A match starts at a word boundary with the first word of one of
	// enModal's alternatives; running the pattern from the first such
	// place (whose previous byte is no word byte, so \b reads the same)
	// spares the backtracker every earlier start.
	e := modalStart(s)
	if e < 0 {
		return -1
	}
	if m := enModal.FindStringIndex(s[e:]); m != nil {
		return e + m[0]
	}
	return -1
}

// modalFirst are the first words of enModal's alternatives, lower case.
var modalFirst = []string{"should", "must", "shall", "ought", "need", "it is", "is", "are", "require", "demand", "asked", "encourage", "urge", "call", "hope", "we will"}

// modalStart returns where enModal can first match s.
func modalStart(s string) int { return foldStart(s, modalFirst) }

// foldStart returns the first byte offset of s where one of words (lower
// case ASCII) starts, ASCII case folded, after a non-word byte or at the
// start; -1 when there is none. A (?i)\b(words…) pattern can match only
// there or later, and \b reads the same at that offset of s and at the
// start of the rest.
func foldStart(s string, words []string) int {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		for _, w := range words {
			if w[0] == c && text.HasPrefixFold(s[i:], w) {
				return i
			}
		}
	}
	return -1
}

// isWordByte is \b's notion of a word character (ASCII only).
func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_'
}

// enDirectiveRegexp runs enModal over the whole text.
func enDirectiveRegexp(s string) int {
	if m := enModal.FindStringIndex(s); m != nil {
		return m[0]
	}
	return -1
}

// directive returns the offset of the directive cue of a sentence in its
// own language, or -1.
func directive(s string) int {
	han, latin := text.Counts(s)
	d := -1
	if han > 0 {
		d = zhDirective(s)
	}
	if latin > 0 {
		if e := enDirective(s); e >= 0 && (d < 0 || e < d) {
			d = e
		}
	}
	return d
}

// Extract returns the requirements of a report, in text order. paras are
// the paragraphs folded to simplified characters; skip marks paragraphs
// that are not report text (title, metadata).
func Extract(paras []string, skip []bool) []Item {
	var out []Item
	done := make([]bool, len(paras))
	marks := make([][]marker, len(paras))
	for i, p := range paras {
		if skip == nil || !skip[i] {
			marks[i] = findMarkers(p)
		}
	}
	out = append(out, paragraphLists(paras, marks, skip, done)...)
	for pi, p := range paras {
		if done[pi] || skip != nil && skip[pi] {
			continue
		}
		out = append(out, paragraph(pi, p, marks[pi])...)
	}
	sortByPara(out)
	return out
}

func sortByPara(items []Item) {
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].Para != items[j].Para {
			return items[i].Para < items[j].Para
		}
		return items[i].Start < items[j].Start
	})
}

// paragraphLists finds enumerations written one item per paragraph
// ("一是……" / "二是……" as separate paragraphs, "First, …" paragraphs):
// consecutive paragraphs that each start with the next marker of one
// family. Each paragraph is one item; the paragraphs are marked done.
func paragraphLists(paras []string, marks [][]marker, skip []bool, done []bool) []Item {
	lead := make([]*marker, len(paras))
	for i := range paras {
		if skip != nil && skip[i] {
			continue
		}
		for _, m := range marks[i] {
			if m.start == 0 {
				mm := m
				lead[i] = &mm
			}
			break
		}
	}
	var out []Item
	for i := 0; i < len(paras); i++ {
		if lead[i] == nil || lead[i].ordinal != 1 {
			continue
		}
		run := []int{i}
		for j := i + 1; j < len(paras) && lead[j] != nil && lead[j].family == lead[i].family && lead[j].ordinal == len(run)+1; j++ {
			run = append(run, j)
		}
		if len(run) < 2 {
			continue
		}
		// Announced by the end of the paragraph before ("提出三点要求：").
		announced := false
		if i > 0 {
			prev := paras[i-1]
			tail := prev[sentenceStart(text.Sentences(prev), max(0, len(prev)-1)):]
			announced = announces(tail)
		}
		for k, pi := range run {
			p := paras[pi]
			m := lead[pi]
			end := trimEnd(p, 0, len(p))
			// A paragraph may hold the next markers too; then the
			// in-paragraph rules handle it.
			if k == 0 && len(enumerations(marks[pi])) > 0 {
				break
			}
			done[pi] = true
			if announced || firstClauseDirective(p[:end], m.end-m.start) {
				out = append(out, Item{pi, 0, end, 0, i - 1})
			} else {
				for _, it := range directiveClauses(pi, p, text.Span{Start: 0, End: end}) {
					it.Lead = i - 1
					out = append(out, it)
				}
			}
		}
		i = run[len(run)-1]
	}
	return out
}

func paragraph(pi int, p string, marks []marker) []Item {
	var items []Item
	sents := text.Sentences(p)
	// Enumerations first: their items may span several sentences. Bytes
	// they cover are marked so their sentences are not taken again (a
	// bitmap keeps this linear on pathological paragraphs).
	inEnum := make([]bool, len(p)+1)
	for _, en := range enumerations(marks) {
		its, span := enumItems(pi, p, sents, en)
		items = append(items, its...)
		for i := span.Start; i < span.End && i < len(inEnum); i++ {
			inEnum[i] = true
		}
	}
	overlaps := func(s text.Span) bool {
		for i := s.Start; i < s.End; i++ {
			if inEnum[i] {
				return true
			}
		}
		return false
	}
	colonCue := false
	for _, s := range sents {
		if overlaps(s) {
			continue
		}
		sent := p[s.Start:s.End]
		if text.Lang(sent) == text.English {
			hasColon := strings.ContainsRune(sent, ':')
			if m := colonCueIndex(sent, hasColon); m != nil && enAnnounce.MatchString(sent) && len(strings.Fields(sent[m[1]:])) >= 3 {
				items = append(items, Item{pi, s.Start, s.End, s.Start, -1})
				colonCue = true
				continue
			}
			if hasColon && enColonCue.MatchString(sent) {
				continue // "…put forward three requirements:" announces what follows
			}
			if d := enDirective(sent); d >= 0 {
				items = append(items, Item{pi, s.Start, s.End, s.Start + d, -1})
				continue
			}
			if colonCue && enImperative.MatchString(sent) {
				items = append(items, Item{pi, s.Start, s.End, s.Start, -1})
			}
			continue
		}
		items = append(items, zhSentence(pi, p, s)...)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].Start < items[j].Start })
	return items
}

// zhSentence turns one Chinese sentence into requirement items: none, the
// sentence, or its parallel ；-clauses.
func zhSentence(pi int, p string, s text.Span) []Item {
	sent := p[s.Start:s.End]
	d := zhDirective(sent)
	if d < 0 {
		return nil
	}
	// Attendees' pledges ("与会人员纷纷表示，要…") are not requirements put
	// forward at the meeting.
	if containsAnyOf(sent[:d], pledgeWords) {
		return nil
	}
	start := s.Start
	// Strip the cue clause before the directive ("他强调，", "会议要求，").
	for _, m := range zhCue.FindAllStringIndex(sent, -1) {
		if m[1] <= d {
			start = s.Start + m[1]
		}
	}
	// "徐中义要求以思想建设为基础…": the content follows 要求 directly
	// (or after its comma: "会议要求，全体党员…").
	if strings.HasPrefix(sent[d:], "要求") {
		start = s.Start + d + len("要求")
		if r, n := utf8.DecodeRuneInString(p[start:]); strings.ContainsRune("，,：:", r) {
			start += n
		}
	}
	// A wish after other clauses starts the item: "…给予了肯定，希望各村…".
	if strings.HasPrefix(sent[d:], "希望") && d > 0 {
		if k := strings.LastIndexAny(sent[:d], "，,；;：:"); k >= 0 && s.Start+k > start {
			start = s.Start + k
			_, n := utf8.DecodeRuneInString(p[start:])
			start += n
		}
	}
	body := text.Span{Start: start, End: s.End}
	clauses := text.Split(p, body, "；;")
	if len(clauses) >= 2 && parallel(p, clauses) {
		var out []Item
		for _, c := range clauses {
			cs := p[c.Start:c.End]
			cue := c.Start
			if k := zhDirective(cs); k >= 0 {
				cue = c.Start + k
			}
			out = append(out, Item{pi, c.Start, trimEnd(p, c.Start, c.End), cue, -1})
		}
		return out
	}
	return []Item{{pi, start, trimEnd(p, start, s.End), s.Start + d, -1}}
}

// parallel reports whether ；-clauses are a list of parallel directives:
// the first starts with 要 / 以 / 坚持 … and at least half of the others
// start the same way.
func parallel(p string, cs []text.Span) bool {
	lead := func(c text.Span) string {
		s := p[c.Start:c.End]
		if strings.HasPrefix(s, "要") || strings.HasPrefix(s, "一要") {
			return "要"
		}
		return prefixRunes(s, 1)
	}
	first := lead(cs[0])
	if first != "要" && first != "以" && first != "坚" && first != "加" && first != "强" && first != "抓" && first != "做" && first != "切" {
		return false
	}
	same := 0
	for _, c := range cs[1:] {
		if lead(c) == first {
			same++
		}
	}
	return same*2 >= len(cs)-1
}

func prefixRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

// trimEnd drops trailing punctuation of an item.
func trimEnd(p string, s, e int) int {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(p[s:e])
		if !strings.ContainsRune("；;。.，,：: \u00a0\u3000|", r) {
			break
		}
		e -= n
	}
	return e
}

// announces reports whether s announces requirements: a Chinese announcing
// word (plain substrings) or an English one (enAnnounce, only run on text
// with Latin letters).
func announces(s string) bool {
	if containsAnyOf(s, zhAnnounceWords) {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return enAnnounce.MatchString(s)
		}
	}
	return false
}

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
