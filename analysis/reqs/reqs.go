// Package reqs finds the requirements put forward at a meeting:
// enumerated items (一是/二是, 一要, 第一, 首先/其次/最后, （一）, "First, …
// Second, …", "One must … Two … Three …"), each one item from its marker to
// the next; and directive sentences (要/必须/务必/希望, "should", "must", "it
// is necessary to"). Results, praise and agendas are left out: an
// enumeration counts only when it is announced as requirements or its items
// are themselves directive.
package reqs

import (
	"cmp"
	"regexp"
	"slices"
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
	// Collective pledges of the attendees (all hold 表).
	pledgeWords = strings.Split("纷纷表示|一致表示|纷纷表态|一致表态|表态发言中|大家表示|与会人员表示|与会党员表示|参会人员表示|党员们表示|同志们表示|纷纷表决心", "|")
)

// The English cues below are found by hand-written scanners; these are the
// patterns they stand for (the tests hold them to it). (?i) also folds ſ
// into s and the Kelvin sign into k, which the ASCII scanners do not:
// texts with those two take the patterns themselves.
var (
	enAnnounce = regexp.MustCompile(`(?i)requirement|require|put forward|emphasi[sz]|stress|hope|suggest|direction|call(?:ed|s)? on|urge|deploy|proposed|must|should|necessary`)
	enModal    = regexp.MustCompile(`(?i)\b(?:should|must|shall|ought to|needs? to|it is (?:necessary|required|essential|imperative|important) (?:to|that)|(?:is|are) required to|required (?:all |each |every |the )?[a-z' ]{0,60}? to|requires? that|required that|demand(?:ed|s)? that|asked (?:all |each |every |the )?[a-z' ]{0,60}? to|encourage[ds]? (?:all |each |every |the )?[a-z' ]{0,60}? to|urged?|call(?:ed|s)? on|hopes?|hoped|it is hoped|we will (?:continue to|further|strive to|resolutely|firmly|vigorously))\b`)
	// An English sentence announcing what follows: "…pointed out the
	// direction of future work: …".
	enColonCue = regexp.MustCompile(`(?i)(?:requirement|direction|suggestion|task|point)s?[^:]{0,40}:`)
)

// foldsToASCII reports whether s holds a rune that (?i) folds into an ASCII
// letter: ſ or the Kelvin sign.
func foldsToASCII(s string) bool {
	return strings.Contains(s, "ſ") || strings.Contains(s, "\u212a")
}

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

// isDirectiveYao reports whether the 要 at byte i of s is the modal "must"
// rather than part of 重要, 主要, 要求, 需要, 纪要 …
func isDirectiveYao(s string, i int) bool {
	prev, _ := utf8.DecodeLastRuneInString(s[:i])
	// 党要管党 is a slogan quoted in descriptions, not a directive.
	if strings.HasPrefix(s[i:], "要管党") {
		return false
	}
	// 为什么要 / 如何要 name a question a talk answers, not a directive.
	if strings.ContainsRune("重主只纪必需首提简概摘扼紧次显将想还不么何", prev) {
		if prev != '不' { // 不要 is a (negative) directive
			return false
		}
	}
	after := s[i+len("要"):]
	// 要紧紧围绕 is "must closely"; a single 紧 is 要紧, "important".
	if strings.HasPrefix(after, "紧紧") {
		return true
	}
	// 也要(清醒地)看到 introduces an assessment of the situation.
	if strings.HasPrefix(after, "看到") || strings.HasPrefix(after, "清醒地看到") || strings.HasPrefix(after, "清醒看到") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(after)
	return !strings.ContainsRune("求点素闻件务害领是么员职地紧", next)
}

// zhDirective returns the offset of the first directive word in s (a
// modal, or 要 as isDirectiveYao tells), or -1. When there is none, a
// 要求 followed directly by its content ("徐中义要求以思想建设为基础…") is
// the directive.
func zhDirective(s string) int {
	demand := -1 // the first such 要求
	for i := zhDirectives.next(s, 0, &noBytes); i < len(s); i = zhDirectives.next(s, i+1, &noBytes) {
		r, _ := han3(s, i)
		switch zhCueAt(s, i, r) {
		case directiveCue:
			return i
		case demandCue:
			if demand < 0 {
				demand = i
			}
		}
	}
	return demand
}

// hasQuoteOrJiang is strings.ContainsAny(s, "“「『《\"将") by a byte
// scan: IndexAny with non-ASCII characters searches the set once per rune
// of s. Each character is matched by its encoding; a lead byte is never
// part of another character, so a match is where decoding would find it.
func hasQuoteOrJiang(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xE2: // “ E2 80 9C
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x9C {
				return true
			}
		case 0xE3: // 「 E3 80 8C, 『 E3 80 8E, 《 E3 80 8A
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x8C || s[i+2] == 0x8E || s[i+2] == 0x8A) {
				return true
			}
		case 0xE5: // 将 E5 B0 86
			if i+2 < len(s) && s[i+1] == 0xB0 && s[i+2] == 0x86 {
				return true
			}
		}
	}
	return false
}

// putForward returns the offset of the directive word of s that puts
// something forward, or -1: zhDirective, but passing over directive words
// inside a quotation (a slogan: “管业务必须管廉洁”) and modal words that
// follow a subject's 将 in their clause (a commitment: "行政班子将…必须…").
func putForward(s string) int {
	d := zhDirective(s)
	if d < 0 || !hasQuoteOrJiang(s) {
		return d // nothing to pass over
	}
	quotes := quoteSpans(s)
	q := 0 // the first quotation not ending before i
	demand := -1
	for i := zhDirectives.next(s, 0, &noBytes); i < len(s); i = zhDirectives.next(s, i+1, &noBytes) {
		for q < len(quotes) && quotes[q].End <= i {
			q++
		}
		if q < len(quotes) && quotes[q].Start < i {
			i = quotes[q].End - 1
			continue
		}
		r, _ := han3(s, i)
		switch zhCueAt(s, i, r) {
		case directiveCue:
			if !commitment(s, i) {
				return i
			}
			// The rest of the clause follows the same 将.
			k := strings.IndexAny(s[i:], "，,；;：:。")
			if k < 0 {
				return demand
			}
			i += k
		case demandCue:
			if demand < 0 {
				demand = i
			}
		}
	}
	return demand
}

// quoteSpans returns the quoted terms of s (see term) in “…”, 「…」,
// 『…』, "…" and titles 《…》 (a directive word in a document's title is no
// directive either), each from its opening mark to after its closing one,
// in text order. An opening mark that is never closed is left out.
func quoteSpans(s string) []text.Span {
	var out []text.Span
	pairs := [...][2]string{{"“", "”"}, {"「", "」"}, {"『", "』"}, {"《", "》"}, {`"`, `"`}}
	var unclosed [len(pairs)]bool // no closing mark after here: stop looking
	for i := 0; i < len(s); i++ {
		// Every opening mark starts with one of these bytes.
		if c := s[i]; c != '"' && c != 0xE2 && c != 0xE3 {
			continue
		}
		for k, pr := range pairs {
			if unclosed[k] || !strings.HasPrefix(s[i:], pr[0]) {
				continue
			}
			open := i + len(pr[0])
			c := strings.Index(s[open:], pr[1])
			if c < 0 {
				unclosed[k] = true
				break
			}
			if term(s, i, s[open:open+c]) {
				out = append(out, text.Span{Start: i, End: open + c + len(pr[1])})
			}
			i = open + c + len(pr[1]) - 1
			break
		}
	}
	return out
}

// term reports whether the quotation q, opened at byte i of s, is a
// term or slogan (“管业务必须管廉洁”) rather than quoted speech: speech
// follows a colon or a reporting verb (书记强调：“要…”, 他说“要…”) or runs
// over clauses.
func term(s string, i int, q string) bool {
	before := strings.TrimRight(s[:i], " \u3000")
	if strings.HasSuffix(before, "：") || strings.HasSuffix(before, ":") {
		return false
	}
	for _, w := range zhCueWords {
		if strings.HasSuffix(before, w) {
			return false
		}
	}
	return !strings.ContainsAny(q, "，,；;。！？!?：:")
}

// commitment reports whether the directive word at byte d of s follows a
// future 将 of a subject in its clause: "医院将坚持…必须…" says what the
// speaker's side will do, not what is required. A clause-initial 将 is 把
// ("将党建工作融入…"), 即将 qualifies a noun ("对即将开展的巡察要…"), and
// 将来/将军/将士/将近 are no future tense.
func commitment(s string, d int) bool {
	cs := clauseStart(s, d)
	k := strings.Index(s[cs:d], "将")
	if k <= 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:cs+k])
	next, _ := utf8.DecodeRuneInString(s[cs+k+len("将"):])
	return prev != '即' && !strings.ContainsRune("来军士近", next)
}

// clauseStart returns the start of the clause holding byte d of s: just
// after the last separator before d, or 0.
func clauseStart(s string, d int) int {
	k := strings.LastIndexAny(s[:d], "，,；;：:。")
	if k < 0 {
		return 0
	}
	_, n := utf8.DecodeRuneInString(s[k:])
	return k + n
}

// enCue returns where the first English directive of s starts, or -1:
// enDirective, but passing over a passive "needs to be improved", which
// (like 有待提高 / 需要加强, whose 需要 is no directive either) says what
// falls short rather than asking anyone to do something.
func enCue(s string) int {
	for off := 0; off < len(s); {
		d := enDirective(s[off:])
		if d < 0 {
			return -1
		}
		d += off
		n := passiveNeed(s[d:])
		if n == 0 {
			return d
		}
		off = d + n
	}
	return -1
}

// passiveNeed returns the length of "need(s) to be" at the start of t when
// a past participle follows it ("needs to be further improved"), else 0.
func passiveNeed(t string) int {
	n := 0
	switch {
	case text.HasPrefixFold(t, "needs to be "):
		n = len("needs to be ")
	case text.HasPrefixFold(t, "need to be "):
		n = len("need to be ")
	default:
		return 0
	}
	w := t[n:]
	for _, adv := range []string{"further ", "greatly ", "urgently ", "continuously ", "effectively "} {
		if text.HasPrefixFold(w, adv) {
			w = w[len(adv):]
			break
		}
	}
	e := 0
	for e < len(w) && isLetter(w[e]) {
		e++
	}
	word := strings.ToLower(w[:e])
	if strings.HasSuffix(word, "ed") || slices.Contains(irregularParticiples, word) {
		return n
	}
	return 0
}

var irregularParticiples = strings.Fields("done made taken given built kept shown known set put")

// Kinds of zhCueAt.
const (
	noCue        = iota
	directiveCue // a modal word or directive 要
	demandCue    // 要求 followed by its content
)

// zhCueAt tells whether the character r at byte i of s starts a directive.
func zhCueAt(s string, i int, r rune) int {
	w := ""
	switch r {
	case '要':
		if isDirectiveYao(s, i) {
			return directiveCue
		}
		if strings.HasPrefix(s[i:], "要求") && demandDirective(s, i) {
			return demandCue
		}
		return noCue
	case '必':
		w = "必须"
	case '务':
		w = "务必"
	case '一':
		w = "一定要"
	case '应':
		if strings.HasPrefix(s[i:], "应当") {
			return directiveCue
		}
		w = "应该"
	case '不':
		w = "不得"
	case '严':
		w = "严禁"
	case '希':
		w = "希望"
	default:
		return noCue
	}
	if strings.HasPrefix(s[i:], w) {
		return directiveCue
	}
	return noCue
}

// zhDirectives holds the first characters of the directive words.
var zhDirectives = newLeadSet("要必务一应不严希")

// demandDirective reports whether the 要求 at byte at of s puts forward
// what follows it.
func demandDirective(s string, at int) bool {
	next, _ := utf8.DecodeRuneInString(s[at+len("要求"):])
	// "会议要求，全体党员…": the meeting (or he/she) requiring is a
	// directive even when the content has no 要 of its own.
	if strings.ContainsRune("，,：:", next) && meetingSubject(s[:at]) {
		return true
	}
	if !text.IsHan(next) || next == '的' || next == '和' {
		return false
	}
	before := s[:at]
	return !(strings.HasSuffix(before, "按照") || strings.HasSuffix(before, "根据") || strings.HasSuffix(before, "的") ||
		strings.HasSuffix(before, "工作") || strings.HasSuffix(before, "规定") || strings.HasSuffix(before, "布置") || strings.HasSuffix(before, "相关") || strings.HasSuffix(before, "有关"))
}

// enDirective returns where enModal first matches s, or -1.
func enDirective(s string) int {
	if foldsToASCII(s) {
		if m := enModal.FindStringIndex(s); m != nil {
			return m[0]
		}
		return -1
	}
	// A match starts with a letter after a non-word byte (\b; word
	// characters are ASCII, so a byte test is enough) that is the first
	// one of an alternative.
	for i := 0; i < len(s); i++ {
		if !modalFirst[s[i]] || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if modalAt(s[i:]) {
			return i
		}
	}
	return -1
}

// modalAt reports whether one of enModal's alternatives, with the \b
// after it, matches at the start of t.
func modalAt(t string) bool {
	switch t[0] | 0x20 {
	case 's':
		return isWord(t, "should") || isWord(t, "shall")
	case 'm':
		return isWord(t, "must")
	case 'o':
		return isWord(t, "ought to")
	case 'n':
		return isWord(t, "need to") || isWord(t, "needs to")
	case 'i':
		if isWord(t, "is required to") || isWord(t, "it is hoped") {
			return true
		}
		if !text.HasPrefixFold(t, "it is ") {
			return false
		}
		t = t[len("it is "):]
		for _, a := range []string{"necessary ", "required ", "essential ", "imperative ", "important "} {
			if text.HasPrefixFold(t, a) {
				return isWord(t[len(a):], "to") || isWord(t[len(a):], "that")
			}
		}
		return false
	case 'a':
		return isWord(t, "are required to") || objectTo(t, "asked ")
	case 'r':
		return objectTo(t, "required ") || isWord(t, "require that") || isWord(t, "requires that") || isWord(t, "required that")
	case 'd':
		return isWord(t, "demand that") || isWord(t, "demanded that") || isWord(t, "demands that")
	case 'e':
		return objectTo(t, "encourage ") || objectTo(t, "encouraged ") || objectTo(t, "encourages ")
	case 'u':
		return isWord(t, "urge") || isWord(t, "urged")
	case 'c':
		return isWord(t, "call on") || isWord(t, "called on") || isWord(t, "calls on")
	case 'h':
		return isWord(t, "hope") || isWord(t, "hopes") || isWord(t, "hoped")
	case 'w':
		if !text.HasPrefixFold(t, "we will ") {
			return false
		}
		t = t[len("we will "):]
		for _, w := range []string{"continue to", "further", "strive to", "resolutely", "firmly", "vigorously"} {
			if isWord(t, w) {
				return true
			}
		}
	}
	return false
}

// isWord reports whether t starts with w (lower case ASCII, matched with
// ASCII case folding) followed by a \b.
func isWord(t, w string) bool {
	return text.HasPrefixFold(t, w) && (len(t) == len(w) || !isWordByte(t[len(w)]))
}

// objectTo matches enModal's "verb (?:all |each |every |the )?[a-z' ]{0,60}?
// to\b" at the start of t; verb holds its space. With the optional word
// taken, the run of letters may be that much longer.
func objectTo(t, verb string) bool {
	if !text.HasPrefixFold(t, verb) {
		return false
	}
	t = t[len(verb):]
	limit := 60
	for _, w := range []string{"all ", "each ", "every ", "the "} {
		if text.HasPrefixFold(t, w) {
			limit += len(w)
			break
		}
	}
	for q := 0; ; q++ {
		if isWord(t[q:], " to") {
			return true
		}
		if q == limit || q == len(t) || !isLetter(t[q]) && t[q] != '\'' && t[q] != ' ' {
			return false
		}
	}
}

// isWordByte is \b's notion of a word character (ASCII only).
func isWordByte(c byte) bool { return wordBytes[c] }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// byteSet is a set of bytes; the scanners test each byte of a text, and a
// table does it in one step.
type byteSet [256]bool

func newByteSet(s string) (set byteSet) {
	for i := 0; i < len(s); i++ {
		set[s[i]] = true
	}
	return set
}

var (
	noBytes   byteSet
	wordBytes = newByteSet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
	// modalFirst holds the first letters of enModal's alternatives.
	modalFirst = newByteSet("ACDEHIMNORSUWacdehimnorsuw")
)

// enAnnounces reports whether enAnnounce matches s.
func enAnnounces(s string) bool {
	if foldsToASCII(s) {
		return enAnnounce.MatchString(s)
	}
	for i := 0; i < len(s); i++ {
		var words []string
		switch s[i] | 0x20 {
		case 'r':
			words = []string{"require"} // and "requirement"
		case 'p':
			words = []string{"put forward", "proposed"}
		case 'e':
			words = []string{"emphasis", "emphasiz"}
		case 's':
			words = []string{"stress", "suggest", "should"}
		case 'h':
			words = []string{"hope"}
		case 'd':
			words = []string{"direction", "deploy"}
		case 'c':
			words = []string{"call on", "called on", "calls on"}
		case 'u':
			words = []string{"urge"}
		case 'm':
			words = []string{"must"}
		case 'n':
			words = []string{"necessary"}
		default:
			continue
		}
		for _, w := range words {
			if text.HasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// colonCueEnd returns the end of the first match of enColonCue in s, or -1.
func colonCueEnd(s string) int {
	if strings.IndexByte(s, ':') < 0 {
		return -1
	}
	if foldsToASCII(s) {
		if m := enColonCue.FindStringIndex(s); m != nil {
			return m[1]
		}
		return -1
	}
	for i := 0; i < len(s); i++ {
		var w string
		switch s[i] | 0x20 {
		case 'r':
			w = "requirement"
		case 'd':
			w = "direction"
		case 's':
			w = "suggestion"
		case 't':
			w = "task"
		case 'p':
			w = "point"
		default:
			continue
		}
		if !text.HasPrefixFold(s[i:], w) {
			continue
		}
		j := i + len(w)
		c := strings.IndexByte(s[j:], ':')
		if c < 0 {
			return -1 // nor after any later word
		}
		// [^:]{0,40} counts runes; an optional s comes before them.
		limit := 40
		if s[j]|0x20 == 's' {
			limit++
		}
		if utf8.RuneCountInString(s[j:j+c]) <= limit {
			return j + c + 1
		}
	}
	return -1
}

// imperatives open English directive sentences: "Focus on …".
var imperatives = strings.Fields("Focus Strengthen Adhere Promote Improve Deepen Implement Carry Insist Build Give Do Pay Take Continue Further Earnestly Effectively Persist Enhance Consolidate Establish Strive Make Keep Always Resolutely Firmly Actively Conscientiously Solidly Vigorously Comprehensively Thoroughly Accelerate Ensure Grasp Uphold Stick Study")

// imperative reports whether s opens with one of imperatives (case
// sensitive) and a \b.
func imperative(s string) bool {
	for _, w := range imperatives {
		if strings.HasPrefix(s, w) && (len(s) == len(w) || !isWordByte(s[len(w)])) {
			return true
		}
	}
	return false
}

// directive returns the offset of the directive cue of a sentence in its
// own language, or -1.
func directive(s string) int {
	han, latin := text.Counts(s)
	d := -1
	if han > 0 {
		d = putForward(s)
	}
	if latin > 0 {
		if e := enCue(s); e >= 0 && (d < 0 || e < d) {
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
	scans := make([]scan, len(paras))
	for i, p := range paras {
		if skip == nil || !skip[i] {
			scans[i] = scanParagraph(p)
		}
	}
	out = append(out, paragraphLists(paras, scans, skip, done)...)
	for pi, p := range paras {
		if done[pi] || skip != nil && skip[pi] {
			continue
		}
		out = append(out, paragraph(pi, p, scans[pi])...)
	}
	sortByPara(out)
	return out
}

func sortByPara(items []Item) {
	slices.SortStableFunc(items, func(a, b Item) int {
		if a.Para != b.Para {
			return cmp.Compare(a.Para, b.Para)
		}
		return cmp.Compare(a.Start, b.Start)
	})
}

// paragraphLists finds enumerations written one item per paragraph
// ("一是……" / "二是……" as separate paragraphs, "First, …" paragraphs):
// consecutive paragraphs that each start with the next marker of one
// family. Each paragraph is one item; the paragraphs are marked done.
func paragraphLists(paras []string, scans []scan, skip []bool, done []bool) []Item {
	lead := make([]*marker, len(paras))
	for i := range paras {
		if skip != nil && skip[i] {
			continue
		}
		for _, m := range scans[i].markers {
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
			if k == 0 && len(enumerations(scans[pi].markers)) > 0 {
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

// paragraph returns the requirements of paragraph pi, p, scanned sc.
func paragraph(pi int, p string, sc scan) []Item {
	ens := enumerations(sc.markers)
	if len(ens) == 0 && !mayDirect(p, sc) {
		return nil
	}
	var items []Item
	sents := text.Sentences(p)
	// Enumerations first: their items may span several sentences. Bytes
	// they cover are marked so their sentences are not taken again (a
	// bitmap keeps this linear on pathological paragraphs).
	var inEnum []bool
	if len(ens) > 0 {
		inEnum = make([]bool, len(p)+1)
	}
	for _, en := range ens {
		its, span := enumItems(pi, p, sents, en, sc.markers)
		items = append(items, its...)
		for i := span.Start; i < span.End && i < len(inEnum); i++ {
			inEnum[i] = true
		}
	}
	overlaps := func(s text.Span) bool {
		if inEnum == nil {
			return false
		}
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
			if e := colonCueEnd(sent); e >= 0 {
				if enAnnounces(sent) && len(strings.Fields(sent[e:])) >= 3 {
					items = append(items, Item{pi, s.Start, s.End, s.Start, -1})
					colonCue = true
				}
				continue // "…put forward three requirements:" announces what follows
			}
			if d := enCue(sent); d >= 0 {
				items = append(items, Item{pi, s.Start, s.End, s.Start + d, -1})
				continue
			}
			if colonCue && imperative(sent) {
				items = append(items, Item{pi, s.Start, s.End, s.Start, -1})
			}
			continue
		}
		items = append(items, zhSentence(pi, p, s)...)
	}
	// Not stable: slices.SortFunc is sort.Slice's algorithm (and so
	// orders items that start together alike) without its allocations.
	slices.SortFunc(items, func(a, b Item) int { return cmp.Compare(a.Start, b.Start) })
	return items
}

// mayDirect reports whether a sentence of p, scanned sc, may be a
// requirement: p holds a directive cue or a colon. A sentence holds a cue
// only if its paragraph does, as the words around a cue read the same in
// both: sentences start and end at punctuation, white space or the ends of
// the paragraph. This spares most descriptive paragraphs the sentence
// split.
func mayDirect(p string, sc scan) bool {
	return sc.zhDir >= 0 || sc.enDir >= 0 || strings.IndexByte(p, ':') >= 0
}

// zhSentence turns one Chinese sentence into requirement items: none, the
// sentence, or its parallel ；-clauses.
func zhSentence(pi int, p string, s text.Span) []Item {
	sent := p[s.Start:s.End]
	d := putForward(sent)
	if d < 0 {
		return nil
	}
	// Attendees' pledges ("与会人员纷纷表示，要…") are not requirements put
	// forward at the meeting.
	if strings.Contains(sent[:d], "表") && containsAnyOf(sent[:d], pledgeWords) {
		return nil
	}
	start := s.Start
	// Strip the cue clause before the directive ("他强调，", "会议要求，").
	if e := cueEnd(sent[:d]); e >= 0 {
		start = s.Start + e
	}
	// "徐中义要求以思想建设为基础…": the content follows 要求 directly
	// (or after its comma: "会议要求，全体党员…").
	if strings.HasPrefix(sent[d:], "要求") {
		start = s.Start + d + len("要求")
		if r, n := utf8.DecodeRuneInString(p[start:]); strings.ContainsRune("，,：:", r) {
			start += n
		}
	}
	if strings.HasPrefix(sent[d:], "希望") {
		if r, n := utf8.DecodeRuneInString(sent[d+len("希望"):]); strings.ContainsRune("，,：:", r) {
			// "彭晓东希望，学院新一届领导班子要…": what follows the
			// comma is the wish, as after "会议要求，".
			start = s.Start + d + len("希望") + n
		} else if k := strings.LastIndexAny(sent[:d], "，,；;：:"); d > 0 && k >= 0 && s.Start+k > start {
			// A wish after other clauses starts the item:
			// "…给予了肯定，希望各村…".
			start = s.Start + k
			_, n := utf8.DecodeRuneInString(p[start:])
			start += n
		}
	}
	// A reporting verb opening the directive's clause ends the lead-in:
	// "卫东升引用…的重要指示，强调各级领导干部必须…" puts forward what
	// follows 强调; the clauses before it tell what the speaker did.
	if cs := s.Start + clauseStart(sent, d); cs >= start {
		for _, v := range clauseLeadVerbs {
			if rest := p[cs : s.Start+d]; strings.HasPrefix(rest, v) && len(rest) > len(v) && !strings.HasPrefix(rest[len(v):], "的") {
				start = cs + len(v)
				break
			}
		}
	}
	// A statement of the setting before the directive's clause is not
	// part of it: "下半年是全面完成任务的关键时期，各级党组织要…".
	if cs := s.Start + clauseStart(sent, d); cs > start && setting(p[start:cs]) {
		start = cs
	}
	body := text.Span{Start: start, End: s.End}
	var clauses []text.Span // split only if there is a separator
	if b := p[start:s.End]; strings.IndexByte(b, ';') >= 0 || strings.Contains(b, "；") {
		clauses = text.Split(p, body, "；;")
	}
	if len(clauses) >= 2 && parallel(p, clauses) {
		var out []Item
		for _, c := range clauses {
			end := trimEnd(p, c.Start, c.End)
			if end <= c.Start {
				continue // an empty clause: "要；；要"
			}
			cue := c.Start
			if k := putForward(p[c.Start:c.End]); k >= 0 {
				cue = c.Start + k
			}
			out = append(out, Item{pi, c.Start, end, cue, -1})
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
// word (plain substrings) or an English one (enAnnounce).
func announces(s string) bool {
	if containsAnyOf(s, zhAnnounceWords) {
		return true
	}
	return enAnnounces(s)
}

func containsAnyOf(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// setting reports whether c, the clauses of a sentence before its
// directive, is one clause saying what something is ("下半年是…的关键时期，",
// "举办读书班是…的重要安排，"): a 是 that is the verb, not part of 但是,
// 还是, 就是, 特别是, 尤其是, 凡是, 总是, 于是, 是否.
func setting(c string) bool {
	body := c[:trimEnd(c, 0, len(c))]
	if strings.ContainsAny(body, "，,；;：:") {
		return false
	}
	for off := 0; ; {
		k := strings.Index(body[off:], "是")
		if k < 0 {
			return false
		}
		k += off
		off = k + len("是")
		prev, _ := utf8.DecodeLastRuneInString(body[:k])
		if k > 0 && !strings.ContainsRune("但还就别其凡总于", prev) && !strings.HasPrefix(body[off:], "否") {
			return true
		}
	}
}

// clauseLeadVerbs open a clause whose rest is what a speaker put forward
// ("，强调各级领导干部必须…").
var clauseLeadVerbs = []string{"强调", "指出", "提出"}

// zhCueWords introduce a directive: "他强调，", "会议要求：".
var zhCueWords = []string{"强调", "指出", "要求", "表示", "认为", "提出", "说", "意见", "建议"}

// cueEnd returns the end of the last cue clause of s, a cue word followed
// by ，,：: ("他强调，"), or -1. No cue word starts with the second
// character of another, so cue clauses never overlap: each one found is a
// match of the pattern (?:强调|指出|…)[，,：:] the tests hold cueEnd to.
func cueEnd(s string) int {
	end := -1
	for k := 0; k < len(s); k++ {
		n := 0
		switch {
		case s[k] == ',' || s[k] == ':':
			n = 1
		case strings.HasPrefix(s[k:], "，") || strings.HasPrefix(s[k:], "："):
			n = len("，")
		default:
			continue
		}
		for _, w := range zhCueWords {
			if strings.HasSuffix(s[:k], w) {
				end = k + n
				break
			}
		}
	}
	return end
}
