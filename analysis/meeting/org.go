package meeting

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"meetscan/analysis/internal/wordscan"
	"meetscan/analysis/text"
)

var (
	// Any case: titles write "Holds", sentences start with "Held".
	enHold = regexp.MustCompile(`(?i)\b(?:held|holds|hold|organized|organised|convened)\b`)
	enBody = regexp.MustCompile(`(?i)^(?:the\s+)?(?:theory learning (?:center|centre|group)|theoretical (?:study|learning) (?:center|centre|central) group|central group)\s+of\s+(?:the\s+)?(?:party (?:group|committee)\s+of\s+)?`)
)

// Org returns the organisation that held the meeting, as written: the
// subject of the first sentence that says a meeting was held and names
// an organisation there. Vague subjects ("the company", "公司") and
// subjects that do not look like an organisation (a person, an object of
// 对…开展) count as unknown: a wrong host is worse than none, so the search
// goes on to the next such sentence, then gives up.
func Org(title string, paras []string) string {
	cands := make([]string, 0, 6)
	var abstracts []string
	for i, p := range paras {
		if i > 4 {
			break
		}
		// An abstract or summary in the other language restates the
		// report: the host is named as the report itself writes it.
		if isAbstract(p) {
			abstracts = append(abstracts, p)
			continue
		}
		cands = append(cands, p)
	}
	cands = append(cands, abstracts...)
	if title != "" {
		cands = append(cands, title)
	}
	for _, p := range cands {
		if o := orgZh(p); o != "" {
			return o
		}
		if o := orgEn(p); o != "" {
			return o
		}
	}
	if len(cands) > 0 {
		return leaderOrgZh(cands[0])
	}
	return ""
}

// leaderOrgZh returns the unit of the secretary who opens the lede
// ("4月15日下午，某某集团有限公司党委书记、董事长某某以…为题讲授专题党课"): a
// report that says no one held a meeting is about what that secretary
// did for the unit. "" when the lede does not start so.
func leaderOrgZh(p string) string {
	if i := text.SentenceEnd(p); i >= 0 {
		p = p[:i]
	}
	// The lede starts with the date; a sentence with a hold verb (even
	// "对大会的召开表示祝贺" by a guest) is about a meeting, whose host
	// was not found.
	i := leadEnd(p)
	if i < 0 || holdIndex(p) != nil {
		return ""
	}
	p = strings.TrimLeft(p[i:], "，, ")
	if i := strings.IndexAny(p, "、，,；;："); i >= 0 {
		p = p[:i]
	}
	i = strings.Index(p, "书记")
	if i < 0 {
		return ""
	}
	return orgOrNone(strings.TrimSuffix(p[:i], "副"))
}

// abstractLabels start a paragraph that summarises the report.
var abstractLabels = []string{"Abstract", "Summary", "摘要", "中文摘要", "内容摘要", "English Summary"}

// isAbstract reports whether p starts with an abstract label and a colon.
func isAbstract(p string) bool {
	for _, l := range abstractLabels {
		if rest, ok := strings.CutPrefix(p, l); ok {
			rest = strings.TrimLeft(rest, " ")
			return strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
		}
	}
	return false
}

// orgZh returns the host named before one of p's hold verbs (召开, 举行…),
// trying each verb in turn.
func orgZh(p string) string {
	for off := 0; off < len(p); {
		loc := holdIndex(p[off:])
		if loc == nil {
			return ""
		}
		if o := hostZh(p[:off+loc[0]]); o != "" {
			return o
		}
		off += loc[1]
	}
	return ""
}

// hostZh returns the host named by the clause that ends at a hold verb
// (before is the paragraph up to the verb), or "".
func hostZh(before string) string {
	// "对大会的召开表示祝贺": 召开 is a noun there.
	if strings.HasSuffix(before, "的") {
		return ""
	}
	if i := strings.LastIndexAny(before, "，,。；;：:"); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	if i := leadEnd(before); i >= 0 {
		before = before[i:]
	}
	before = cutLoc(before)
	before = strings.TrimSpace(strings.Trim(before, " \u00a0\u3000"))
	if rest, ok := strings.CutPrefix(before, "由"); ok {
		// "由区委组织部牵头召集的…会议召开": the 由 phrase names the host.
		return orgOrNone(cutOrganise(cutAtAny(rest, byVerbs)))
	}
	// "市商务局总支组织所属基层党支部书记召开": the host organised it.
	before = cutOrganise(before)
	// "东湖师范大学经济管理学院2025年党建工作会议在…召开", "中国共产党某某学院
	// 第二次代表大会…开幕": a meeting named after its host is held; the
	// year or the ordinal starts the meeting's name.
	if i := meetingNameStart(before); i >= 0 {
		before = before[:i]
	}
	before = cutBody(before)
	if i := strings.LastIndex(before, "与"); i >= 0 && looksLikeOrgZh(before[:i]) {
		if rest := before[i+len("与"):]; strings.HasPrefix(rest, "我") || strings.HasPrefix(rest, "本") {
			// "A、B与我校X党支部": the conjunct that names itself
			// (我校, 本局) is the one reporting.
			before = rest
		} else {
			// "A与B在…召开联席会", "A与B、C等8家单位党组织举行": the
			// first named hosts, the others are its partners.
			before = before[:i]
			if j := strings.Index(before, "、"); j >= 0 {
				before = before[:j]
			}
		}
	}
	return orgOrNone(before)
}

// orgOrNone returns s trimmed if it can be a host's name, else "".
func orgOrNone(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " \u00a0\u3000"))
	n := utf8.RuneCountInString(s)
	if n < 1 || n > 30 || vagueZh[s] || strings.ContainsAny(s, "0123456789") || startsWithPreposition(s) || !looksLikeOrgZh(s) {
		return ""
	}
	return s
}

var vagueZh = map[string]bool{"公司": true, "会议": true, "大会": true, "我们": true, "我院": true, "我校": true, "集团": true}

// byVerbs end the host of a 由 phrase: 由X牵头/主办/承办/召集/主持 (and
// 组织, which cutOrganise tells from the 组织部 of a name).
var byVerbs = []string{"牵头", "主办", "承办", "召集", "主持", "负责"}

// cutAtAny returns s up to the first of words, or s.
func cutAtAny(s string, words []string) string {
	cut := len(s)
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && i < cut {
			cut = i
		}
	}
	return s[:cut]
}

// cutOrganise cuts s before the first 组织 used as a verb (not the
// 组织部 or 组织委员 of a name, nor 组织生活会).
func cutOrganise(s string) string {
	for off := 0; ; {
		i := strings.Index(s[off:], "组织")
		if i < 0 {
			return s
		}
		i += off
		rest := s[i+len("组织"):]
		if i > 0 && !strings.HasPrefix(rest, "部") && !strings.HasPrefix(rest, "委") && !strings.HasPrefix(rest, "员") {
			return s[:i]
		}
		off = i + len("组织")
	}
}

// meetingNameStart returns where a year ("2025年") or an ordinal ("第二次",
// "第一届") starts in s, or -1: what follows names a meeting.
func meetingNameStart(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case i+4 <= len(s) && yearAt4(s[i:i+4]) && (i == 0 || !isDigit(s[i-1])) && strings.HasPrefix(s[i+4:], "年"):
			return i
		case strings.HasPrefix(s[i:], "第"):
			j := i + len("第")
			k := j
			for k < len(s) {
				r, n := utf8.DecodeRuneInString(s[k:])
				if !isNumeral(r) {
					break
				}
				k += n
			}
			if k > j && (strings.HasPrefix(s[k:], "次") || strings.HasPrefix(s[k:], "届")) {
				return i
			}
		}
	}
	return -1
}

func yearAt4(s string) bool {
	return (s[0] == '1' && s[1] == '9' || s[0] == '2' && s[1] == '0') && isDigit(s[2]) && isDigit(s[3])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// zhPrepositions open an adverbial, never a host's name: "对…开展",
// "按照…召开". Single characters that also start place names (将乐县,
// 从化区, 向阳社区) are left out; 对外 starts names too (对外经济贸易大学).
var zhPrepositions = []string{"对", "把", "经过", "按照", "根据", "通过", "围绕", "为了", "随着", "针对", "结合"}

func startsWithPreposition(s string) bool {
	for _, w := range zhPrepositions {
		if strings.HasPrefix(s, w) {
			return !strings.HasPrefix(s, "对外")
		}
	}
	return false
}

// zhOrgSuffixes end the name of an organisation: a party organ (党委,
// 党工委, 党组, 党总支, 党支部, 纪委, 区委…), a unit (公司, 集团, 大学, 学院,
// 医院, 研究所, 局, 处, 中心, 银行, 车务段…) or a place that acts as one (街道,
// 社区, 镇, 乡, 村, 开发区).
var zhOrgSuffixes = []string{
	"委", "党组", "总支", "支部", "委员会", "协会", "学会", "商会", "工会", "联合会",
	"公司", "集团", "分公司", "大学", "学院", "学校", "中学", "小学", "校", "院", "所",
	"局", "处", "部", "办", "中心", "厅", "署", "站", "厂", "段", "场", "队", "团", "社", "馆", "室", "科",
	"行", "街道", "社区", "镇", "乡", "村", "区", "县", "市", "省", "州", "旗", "园",
	"政府", "人大", "政协", "妇联", "工商联", "管委会", "居委会", "村委会",
}

// notOrgSuffixes end words that merely end like a unit: 干部 is people,
// 全部 a quantity, 辖区 a place, 城市 a kind of place.
var notOrgSuffixes = []string{"干部", "全部", "内部", "外部", "局部", "辖区", "城市", "进行", "执行", "实行", "举行", "运行", "推行", "先行", "践行", "试行", "银行卡", "场所", "住所"}

// looksLikeOrgZh reports whether s ends like the name of an organisation.
func looksLikeOrgZh(s string) bool {
	for _, w := range notOrgSuffixes {
		if strings.HasSuffix(s, w) {
			return false
		}
	}
	for _, w := range zhOrgSuffixes {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

func orgEn(p string) string {
	// A sentence's match is the paragraph's too (sentences end at
	// non-word bytes).
	if enHoldAt(p) < 0 {
		return ""
	}
	for s := range sentencesEn(p) {
		at := enHoldAt(s)
		if at < 0 {
			continue
		}
		if o := hostEn(s[:at]); o != "" {
			return o
		}
		if vagueEn(s[:at]) {
			// "the company held the annual review meeting of Party
			// Branch Secretaries of X Co., Ltd.": the meeting's name
			// names the host the subject only refers to.
			if o := namedInObject(s[at:]); o != "" {
				return o
			}
		}
	}
	return ""
}

// hostEn returns the host named before an English hold verb, or "".
func hostEn(before string) string {
	before = strings.TrimSpace(before)
	if i := lastClauseBreak(before); i >= 0 {
		before = strings.TrimSpace(before[i+1:])
	}
	if mayStartBody(before) {
		before = enBody.ReplaceAllString(before, "")
	}
	before = strings.TrimPrefix(before, "The ")
	before = strings.TrimPrefix(before, "the ")
	// "Slogan, Joint Promotion-Party Branch of X Held …": a title's
	// slogan ends at a dash before the host's name.
	if i := strings.LastIndexAny(before, "-–—"); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		if rest := strings.TrimSpace(before[i+n:]); rest != "" && isUpper(rest[0]) && looksLikeOrgEn(rest) && !looksLikeOrgEn(before[:i]) {
			before = rest
		}
	}
	if before == "" || !isUpper(before[0]) || len(before) > 120 {
		return ""
	}
	// A capitalised name, not "We" or "It".
	if len(strings.Fields(before)) < 2 && len(before) < 3 {
		return ""
	}
	if strings.Contains(before, " was ") || strings.Contains(before, " were ") || !looksLikeOrgEn(before) {
		return ""
	}
	return before
}

// mayStartBody reports whether enBody may match s: after an optional
// "the" and spaces, each of its names starts with "theor" or "central"
// in any case (no rune folds to one of their letters).
func mayStartBody(s string) bool {
	if text.HasPrefixFold(s, "the") && len(s) > 3 && isPerlSpace(s[3]) {
		t := strings.TrimLeft(s[3:], " \t\n\f\r")
		if text.HasPrefixFold(t, "theor") || text.HasPrefixFold(t, "central") {
			return true
		}
	}
	return text.HasPrefixFold(s, "theor") || text.HasPrefixFold(s, "central")
}

// vagueEn reports whether the subject before a hold verb is a common
// noun phrase ("the company", "the party committee of the college").
func vagueEn(before string) bool {
	before = strings.TrimSpace(before)
	if i := lastClauseBreak(before); i >= 0 {
		before = strings.TrimSpace(before[i+1:])
	}
	rest, ok := strings.CutPrefix(before, "the ")
	if !ok {
		rest, ok = strings.CutPrefix(before, "The ")
	}
	if !ok || rest == "" || isUpper(rest[0]) {
		return false
	}
	for _, f := range strings.Fields(rest) {
		if f == "" || isUpper(f[0]) {
			return false
		}
	}
	return true
}

// namedInObject returns the last full name after "of" in s that ends with
// a unit word ("of Shanghai Instrument and Meter Research Institute Co.,
// Ltd."), or "": a run of capitalised words (and "and") after " of ".
func namedInObject(s string) string {
	found := ""
	for off := 0; ; {
		i := strings.Index(s[off:], " of ")
		if i < 0 {
			return found
		}
		start := off + i + len(" of ")
		off = start
		end, last := start, ""
		for j := start; j < len(s); {
			k := strings.IndexByte(s[j:], ' ')
			if k < 0 {
				k = len(s) - j
			}
			w := s[j : j+k]
			if w == "" || !isUpper(w[0]) && w != "and" {
				break
			}
			if w != "and" {
				end, last = j+k, strings.TrimRight(w, ".,;:")
			}
			j += k + 1
		}
		name := strings.TrimRight(s[start:end], ",;:")
		// The sentence's full stop is not the name's, but "Ltd." keeps
		// its dot.
		if strings.HasSuffix(name, ".") && !abbrevBefore(name[:len(name)-1]) {
			name = name[:len(name)-1]
		}
		if enOrgWords[last] && looksLikeOrgEn(name) {
			found = name
		}
	}
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// lastClauseBreak returns the index of the last , ; : or 。 of s that
// ends a clause, or -1. The comma of "Co., Ltd." is inside a name.
func lastClauseBreak(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		switch s[i] {
		case ',':
			if strings.HasSuffix(s[:i], "Co.") || strings.HasSuffix(s[:i], "CO.") {
				continue
			}
			return i
		case ';', ':':
			return i
		}
		if strings.HasPrefix(s[i:], "。") {
			return i
		}
	}
	return -1
}

// sentencesEn yields the sentences of p split at ". ", but not after the
// abbreviations that end inside names (Co., Ltd., No.).
func sentencesEn(p string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		start := 0
		for off := 0; ; {
			i := strings.Index(p[off:], ". ")
			if i < 0 {
				yield(p[start:])
				return
			}
			i += off
			off = i + 2
			if abbrevBefore(p[start:i]) {
				continue
			}
			if !yield(p[start:i]) {
				return
			}
			start = off
		}
	}
}

// nameAbbrevs end with a dot inside an organisation's name.
var nameAbbrevs = []string{"Co", "Ltd", "Inc", "Corp", "No", "St", "CO", "LTD"}

// abbrevBefore reports whether s ends with one of nameAbbrevs as a word.
func abbrevBefore(s string) bool {
	for _, a := range nameAbbrevs {
		if strings.HasSuffix(s, a) && (len(s) == len(a) || !wordscan.IsWordByte(s[len(s)-len(a)-1])) {
			return true
		}
	}
	return false
}

// enOrgWords name a unit or a party organ: a host's name has one (or is
// an acronym, CPG).
var enOrgWords = wordSet(`Committee Branch Company Co Ltd Group Institute University College Hospital
	Bank Bureau Center Centre Department Street Community Office School Academy Corporation Corp Inc
	Station Plant Factory Association Federation Government County District City Province Town Township
	Village Administration Commission Authority Ministry Court Procuratorate Division Workshop Team Park
	Zone Port Railway Society Union League Council Agency Library Museum Enterprise Subdistrict
	Organization Organisation Unit Section Laboratory Institution`)

// enGenericWords are capitalised words that name no one: with only these
// and unit words, "College Party Committee" is as vague as "the company".
var enGenericWords = wordSet(`The Our Its This Party CPC Communist General Grassroots Working Leading
	Discipline Inspection Youth Theory Theoretical Learning Study Central Joint First Second Third
	Municipal Provincial National Chinese China Head Main Affiliated`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// looksLikeOrgEn reports whether s names an organisation: it has a unit
// word (or an acronym) and a word of its own (a place or a proper name,
// not only generic words).
func looksLikeOrgEn(s string) bool {
	unit, own := false, false
	for _, f := range strings.Fields(s) {
		f = strings.TrimRight(f, ".,;:'\"")
		f = strings.TrimSuffix(f, "'s")
		switch {
		case f == "" || !isUpper(f[0]):
		case enOrgWords[f]:
			unit = true
		case enGenericWords[f]:
		case isAcronym(f):
			unit, own = true, true
		default:
			own = true
		}
	}
	return unit && own
}

// isAcronym reports whether w is two or more capitals (CPG, CPC).
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isUpper(w[i]) {
			return false
		}
	}
	return true
}

// enHoldTable finds where enHold matches. (?i) folds ſ (U+017F) to s,
// which the table does not: that rune sends the search to the pattern.
var enHoldTable = func() *wordscan.Table {
	t := wordscan.New(true, wordscan.Entry{Word: "\u017f", Special: true})
	for _, w := range []string{"held", "holds", "hold", "organized", "organised", "convened"} {
		t.Add(wordscan.Entry{Word: w, BoundBefore: true, BoundAfter: true})
	}
	return t
}()

// enHoldAt returns where enHold first matches s, or -1.
func enHoldAt(s string) int {
	at, _, sure := enHoldTable.First(s)
	if !sure {
		if m := enHold.FindStringIndex(s); m != nil {
			return m[0]
		}
		return -1
	}
	return at
}

// zhHoldTable holds zhHold's verbs.
var zhHoldTable = wordscan.New(false, wordscan.Entry{Word: "召开"}, wordscan.Entry{Word: "举行"}, wordscan.Entry{Word: "举办"}, wordscan.Entry{Word: "开展"}, wordscan.Entry{Word: "开幕"})

// holdIndex is zhHold.FindStringIndex(p) by plain search: the leftmost
// verb, with 组织 right before it included.
func holdIndex(p string) []int {
	v, e, _ := zhHoldTable.First(p)
	if v < 0 {
		return nil
	}
	start := v
	if strings.HasSuffix(p[:v], "组织") {
		start -= len("组织")
	}
	return []int{start, v + len(e.Word)}
}

// leadEnd returns the end of the zhLead match of s (which starts at 0), or
// -1. The lazy ".*?" makes the match end after the first position where
// one of the alternatives matches, so one forward walk finds it without
// the regexp's backtracking from every position.
func leadEnd(s string) int {
	for p := 0; p < len(s); {
		c := s[p]
		if c == '\n' {
			return -1 // "." stops at a newline
		}
		if c >= '0' && c <= '9' {
			// \d{1,2} greedy: two digits first, then one.
			for n := 2; n >= 1; n-- {
				if e := dayEnd(s, p, n); e >= 0 {
					return e
				}
			}
		}
		for _, w := range leadWords {
			if strings.HasPrefix(s[p:], w) {
				return p + len(w)
			}
		}
		_, size := utf8.DecodeRuneInString(s[p:])
		p += size
	}
	return -1
}

// leadWords are zhLead's plain alternatives; at one position at most one
// of them matches, so their order does not matter.
var leadWords = []string{"讯", "近日", "日前", "近期", "本网讯", "本报讯"}

// dayParts are the optional times of day after 日/号, in zhLead's order.
var dayParts = []string{"上午", "下午", "晚上", "晚", "早上"}

// dayEnd matches `\d{n}\s*[日号](?:上午|下午|晚上|晚|早上)?` at s[p:] and
// returns its end, or -1.
func dayEnd(s string, p, n int) int {
	if p+n > len(s) {
		return -1
	}
	for i := p; i < p+n; i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
	}
	i := p + n
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if !strings.HasPrefix(s[i:], "日") && !strings.HasPrefix(s[i:], "号") {
		return -1
	}
	i += len("日")
	for _, d := range dayParts {
		if strings.HasPrefix(s[i:], d) {
			return i + len(d)
		}
	}
	return i
}

// cutLoc is zhLoc.ReplaceAllString(s, ""): s up to the first 在 or 于 from
// which "." (no newline) runs to the end.
func cutLoc(s string) string {
	from := strings.LastIndexByte(s, '\n') + 1
	i := strings.Index(s[from:], "在")
	if j := strings.Index(s[from:], "于"); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return s
	}
	return s[:from+i]
}

// bodyNames spells out every string zhBody matches.
var bodyNames = func() []string {
	out := []string{"理论学习中心组", "中心组", "会议", "大会"}
	for _, a := range []string{"", "党的建设", "党建"} {
		for _, b := range []string{"", "工作"} {
			for _, c := range []string{"", "会议"} {
				out = append(out, a+b+"领导小组"+c)
			}
		}
	}
	return out
}()

// cutBody is zhBody.ReplaceAllString(s, ""): the match anchored at the
// end that starts leftmost is the longest suffix of s that zhBody spells.
func cutBody(s string) string {
	cut := len(s)
	for _, b := range bodyNames {
		if len(s)-len(b) < cut && strings.HasSuffix(s, b) {
			cut = len(s) - len(b)
		}
	}
	return s[:cut]
}
